import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { looksLikeHtml, officeKind, readOffice } from '../../src/parse/office/index.ts'
import { zip } from './docx-zip.ts'

const fixture = (name: string) => readFileSync(`test/fixtures/formats/${name}`)
const enc = (s: string) => new TextEncoder().encode(s)

test('officeKind tells DOCX, XLSX and HTML by content, and leaves text and PDF alone', () => {
  assert.equal(officeKind('a', fixture('002.docx')), 'docx')
  assert.equal(officeKind('a', fixture('002.xlsx')), 'xlsx')
  assert.equal(officeKind('a', fixture('002.html')), 'html')
  assert.equal(officeKind('a', fixture('002.pdf')), undefined)
  assert.equal(officeKind('a', readFileSync('examples/seeds/002_40f9bb7e09049ed6.txt')), undefined)
  assert.equal(officeKind('a', zip([{ name: 'mimetype', data: enc('application/epub+zip') }])), 'zip')
  assert.equal(officeKind('frag.HTM', enc('<table><tr><td>项目</td><td>1.00</td></tr></table>')), 'html')
  assert.equal(officeKind('frag.txt', enc('<table><tr><td>项目</td><td>1.00</td></tr></table>')), undefined)
})

test('looksLikeHtml: doctype, html, head or meta first (after BOM, XML declaration, comments); Markdown with tags is not HTML', () => {
  assert.ok(looksLikeHtml(enc('\ufeff<!DOCTYPE html><p>x')))
  assert.ok(looksLikeHtml(enc('  <?xml version="1.0"?>\n<!-- saved by Word -->\n<html xmlns:o="urn:schemas-microsoft-com:office:office">')))
  assert.ok(looksLikeHtml(new Uint8Array([0xff, 0xfe, ...Buffer.from('<html><body>', 'utf16le')])))
  assert.ok(!looksLikeHtml(enc('## 部门支出总体情况表\n\t\t\t<b>合计</b>\t<b>415.89</b>')))
  assert.ok(!looksLikeHtml(enc('<b>合计</b>\t415.89')))
})

test('readOffice reads each kind and explains what it cannot read', () => {
  assert.ok(readOffice('a.docx', fixture('001.docx'))!.layout.lines.length > 100)
  assert.ok(readOffice('a.xlsx', fixture('001.xlsx'))!.layout.lines.length > 100)
  assert.ok(readOffice('a.html', fixture('001.html'))!.layout.lines.length > 100)
  assert.equal(readOffice('a.txt', enc('部门预算')), undefined)
  assert.throws(() => readOffice('e.epub', zip([{ name: 'mimetype', data: enc('application/epub+zip') }])), /e\.epub: 是 ZIP 文件，但不是 DOCX 或 XLSX/)
  const ole = (stream: string) => {
    const b = Buffer.alloc(1024 + 128)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b)
    Buffer.from(stream, 'utf16le').copy(b, 1024)
    return b
  }
  assert.throws(() => readOffice('s.xlsx', ole('EncryptedPackage')), /s\.xlsx: 文件已加密/)
  assert.throws(() => readOffice('o.xls', ole('Workbook')), /o\.xls: 旧版 Office 二进制格式 \.xls \(Excel 97–2003\).*convert-to xlsx/)
  assert.throws(() => readOffice('o.doc', ole('WordDocument')), /o\.doc: 旧版 Office 二进制格式 \.doc \(Word 97–2003\).*convert-to docx/)
})

test('the public API of the office readers is pinned', async () => {
  const keys = async (path: string) => Object.keys(await import(path)).sort()
  assert.deepEqual(await keys('../../src/parse/office/index.ts'), ['OfficeError', 'defaultXlsxLimits', 'defaultZipLimits', 'looksLikeHtml', 'officeKind', 'readDocx', 'readHtml', 'readOffice', 'readXlsx'])
  assert.deepEqual(await keys('../../src/parse/docx/index.ts'), ['OfficeError', 'defaultZipLimits', 'readDocx'])
  assert.deepEqual(await keys('../../src/parse/xlsx/index.ts'), ['OfficeError', 'defaultXlsxLimits', 'readXlsx', 'titleLines'])
  assert.deepEqual(await keys('../../src/parse/html/index.ts'), ['OfficeError', 'declaredCharset', 'decodeHtml', 'nestingDepth', 'readHtml'])
})
