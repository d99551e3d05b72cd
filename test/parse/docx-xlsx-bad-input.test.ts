import assert from 'node:assert/strict'
import { test } from 'node:test'
import { deflateRawSync } from 'node:zlib'
import { Document, Packer, Paragraph } from 'docx'
import ExcelJS from 'exceljs'
import { readDocx } from '../../src/parse/docx/index.ts'
import { readXlsx } from '../../src/parse/xlsx/index.ts'
import { zip } from './docx-zip.ts'

/** An OLE compound file header followed by directory entry names, as Office writes encrypted and legacy documents. */
function ole(...streams: string[]): Uint8Array {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
  const dir = streams.map((s) => {
    const entry = Buffer.alloc(128)
    Buffer.from(s, 'utf16le').copy(entry)
    entry.writeUInt16LE((s.length + 1) * 2, 64)
    return entry
  })
  return Buffer.concat([header, Buffer.alloc(512), ...dir])
}

const docxBytes = async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('部门预算')] }] })))
const xlsxBytes = async () => {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('表1').addRow(['项目', 1])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
const readers = [
  ['DOCX', readDocx, docxBytes],
  ['XLSX', readXlsx, xlsxBytes],
] as const

/** Assert the reader throws an OfficeError of the given problem whose message names the file and matches `message`. */
function fails(fn: () => unknown, file: string, problem: string, message: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof Error && e.name === 'OfficeError', `OfficeError expected, got ${String(e)}`)
    assert.equal((e as Error & { problem: string }).problem, problem)
    assert.ok(e.message.startsWith(`${file}: `), e.message)
    assert.match(e.message, message)
    return true
  })
}

for (const [kind, read, build] of readers) {
  test(`${kind}: a truncated file is a clear error naming the file`, async () => {
    const bytes = await build()
    fails(() => read('cut.x', bytes.subarray(0, Math.floor(bytes.length / 2))), 'cut.x', 'truncated', /不完整.*truncated/)
  })

  test(`${kind}: damaged compressed data is a clear error (CRC or inflate), not garbage`, async () => {
    const bytes = Buffer.from(await build())
    // Damage the middle of every entry's data by overwriting bytes between headers: the main part fails to inflate or its CRC-32 fails.
    const damaged = Buffer.from(bytes)
    for (let i = 0; i + 4 < damaged.length; i++) {
      if (damaged.readUInt32LE(i) !== 0x04034b50) continue
      const dataStart = i + 30 + damaged.readUInt16LE(i + 26) + damaged.readUInt16LE(i + 28)
      const size = damaged.readUInt32LE(i + 18)
      if (size > 8) for (let j = dataStart + 2; j < dataStart + Math.min(size - 2, 40); j++) damaged[j] = damaged[j]! ^ 0x5a
    }
    fails(() => read('bad.x', damaged), 'bad.x', 'corrupt', /已损坏/)
  })

  test(`${kind}: empty, not a ZIP, and the wrong kind of office file are clear errors`, async () => {
    fails(() => read('empty.x', new Uint8Array()), 'empty.x', 'empty', /文件为空/)
    fails(() => read('text.x', new TextEncoder().encode('部门预算 201 一般公共服务支出 1.00')), 'text.x', 'not-office', new RegExp(`不是 ${kind} 文件`))
    const other = kind === 'DOCX' ? await xlsxBytes() : await docxBytes()
    fails(() => read('other.x', other), 'other.x', 'not-office', kind === 'DOCX' ? /这是 XLSX 文件/ : /这是 DOCX 文件/)
  })

  test(`${kind}: an encrypted OOXML (an OLE file with EncryptedPackage) says it is encrypted`, () => {
    fails(() => read('secret.x', ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage')), 'secret.x', 'encrypted', /已加密.*encrypted/)
  })

  test(`${kind}: a legacy binary .doc/.xls says so and how to convert it`, () => {
    fails(() => read('old.doc', ole('Root Entry', 'WordDocument', '1Table')), 'old.doc', 'legacy', /Word 97–2003.*convert-to/)
    fails(() => read('old.xls', ole('Root Entry', 'Workbook')), 'old.xls', 'legacy', /Excel 97–2003.*convert-to/)
  })

  test(`${kind}: a zip bomb declaring huge sizes is refused before inflating`, () => {
    const part = kind === 'DOCX' ? 'word/document.xml' : 'xl/workbook.xml'
    // One entry declaring 4 GB − 1.
    fails(() => read('bomb1.x', zip([{ name: part, data: new Uint8Array(10), declared: 0xffffffff }])), 'bomb1.x', 'too-large', /ZIP 炸弹/)
    // Twelve honest 20 MB entries of zeros: 240 MB in all, beyond the 200 MB total.
    const zeros = new Uint8Array(20 * 1024 * 1024)
    const deflated = deflateRawSync(zeros)
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `word/media/pad${i}.bin`, data: zeros, deflated }))
    const started = Date.now()
    fails(() => read('bomb2.x', zip(many)), 'bomb2.x', 'too-large', /超过 200 MB/)
    assert.ok(Date.now() - started < 2000, 'refused from the directory, without inflating')
    // 20,000 entries.
    const tiny = Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1) }))
    fails(() => read('bomb3.x', zip(tiny)), 'bomb3.x', 'too-large', /20000 个/)
  })

  test(`${kind}: a zip bomb lying about its size stops at the declared size`, () => {
    const part = kind === 'DOCX' ? 'word/document.xml' : 'xl/workbook.xml'
    const big = new Uint8Array(64 * 1024 * 1024) // 64 MB of zeros deflate to about 64 KB
    const deflated = deflateRawSync(big)
    const bytes = zip([{ name: part, data: big, declared: 1000, deflated }])
    assert.ok(bytes.length < 200_000)
    fails(() => read('liar.x', bytes), 'liar.x', 'too-large', /超过声明的大小/)
  })
}

test('DOCX: a document part that is not WordprocessingML is a clear error', () => {
  fails(() => readDocx('junk.docx', zip([{ name: 'word/document.xml', data: new TextEncoder().encode('not xml at all') }])), 'junk.docx', 'corrupt', /没有 w:body/)
})

test('XLSX: a workbook without sheets reads as an empty layout, a sheet part that is missing is a diagnostic', () => {
  const wb = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>'
  const rels =
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
  const enc = (s: string) => new TextEncoder().encode(s)
  const { layout, diagnostics } = readXlsx('m.xlsx', zip([{ name: 'xl/workbook.xml', data: enc(wb) }, { name: 'xl/_rels/workbook.xml.rels', data: enc(rels) }]))
  assert.deepEqual(layout.lines, [])
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/xlsx-missing-sheet'])
})
