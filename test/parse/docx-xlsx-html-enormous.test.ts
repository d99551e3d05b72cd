import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readDocx } from '../../src/parse/docx/index.ts'
import { readHtml } from '../../src/parse/html/index.ts'
import { readXlsx } from '../../src/parse/xlsx/index.ts'
import { zip } from './docx-zip.ts'

/**
 * Enormous or pathological documents end with a bounded result and a diagnostic, never a hang,
 * a stack overflow or memory exhaustion: deep nesting, spans that multiply, stray far cells,
 * overlapping merges. Each must finish within a few seconds on a loaded machine.
 */
const enc = (s: string) => new TextEncoder().encode(s)
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const within = <T>(ms: number, f: () => T): T => {
  const t = Date.now()
  const out = f()
  assert.ok(Date.now() - t < ms, `took ${Date.now() - t} ms`)
  return out
}

test('HTML nested 100,000 deep is refused before parsing, in linear time; 500 deep is read', () => {
  const page = (n: number) => enc(`<p>部门预算</p>${'<div>'.repeat(n)}深处${'</div>'.repeat(n)}<p>结尾</p>`)
  within(5_000, () => assert.throws(() => readHtml('deep.html', page(100_000)), /deep\.html: 网页元素嵌套约 100000 层/))
  const { layout, diagnostics, partial } = within(5_000, () => readHtml('ok.html', page(500)))
  assert.equal(partial, true)
  assert.deepEqual(layout.lines.map((l) => l.text), ['部门预算', '结尾'])
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/html-too-deep'])
})

test('HTML spans that multiply (colspan 1000 × rowspan 65534) stay within the slot limit', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td colspan="1000" rowspan="65534">${i}</td><td>x</td></tr>`).join('')
  const { layout, diagnostics } = within(20_000, () => readHtml('span.html', enc(`<table>${rows}</table>`)))
  assert.ok(layout.lines.length <= 2000)
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/html-table-limit'])
})

test('DOCX nested 100,000 content controls deep: read up to the depth limit, with a diagnostic', () => {
  const body = `<w:p><w:r><w:t>部门预算</w:t></w:r></w:p>${'<w:sdt><w:sdtContent>'.repeat(100_000)}<w:p><w:r><w:t>深处</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(100_000)}`
  const bytes = zip([{ name: 'word/document.xml', data: enc(`<w:document ${W}><w:body>${body}</w:body></w:document>`) }])
  const { layout, diagnostics } = within(20_000, () => readDocx('deep.docx', bytes))
  assert.deepEqual(layout.lines.map((l) => l.text), ['部门预算'])
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/docx-too-deep'])
})

test('DOCX table rows of 5,000 cells, or of cells spanning 1,000 columns each, are cut at the column limit', () => {
  const plain = '<w:tc><w:p><w:r><w:t>1.00</w:t></w:r></w:p></w:tc>'.repeat(5000)
  const wide = '<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>1.00</w:t></w:r></w:p></w:tc>'.repeat(5000)
  const bytes = zip([{ name: 'word/document.xml', data: enc(`<w:document ${W}><w:body><w:tbl><w:tr>${plain}</w:tr><w:tr>${wide}</w:tr></w:tbl></w:body></w:document>`) }])
  const { layout, diagnostics } = within(20_000, () => readDocx('wide.docx', bytes))
  assert.equal(layout.lines[0]!.cells!.length, 512)
  // The second row holds one text in a cell wider than the table: a plain line.
  assert.deepEqual(layout.lines.map((l) => l.cells?.length), [512, undefined])
  assert.deepEqual([...new Set(diagnostics.map((d) => d.ruleId))], ['parse/docx-column-limit'])
})

function sheetBook(sheetData: string, merges = ''): Uint8Array {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zip([
    { name: 'xl/workbook.xml', data: enc(`<workbook xmlns:r="${REL}"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: enc(`<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: enc(`<worksheet><sheetData>${sheetData}</sheetData>${merges}</worksheet>`) },
  ])
}

test('XLSX with 300,000 sparse rows and a stray far cell stays within the slot limit', () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')
  const stray = '<row r="300001"><c r="IV300001"><v>1</v></c></row>'
  const { layout, diagnostics } = within(30_000, () => readXlsx('sparse.xlsx', sheetBook(rows + stray)))
  assert.ok(layout.lines.length <= 1_000_000 / 256 + 2)
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/xlsx-row-limit'])
})

test('XLSX with 2,000 overlapping whole-sheet merges stays within the merge budget', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}">${Array.from({ length: 26 }, (_, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}"><v>1</v></c>`).join('')}</row>`).join('')
  const merges = `<mergeCells>${'<mergeCell ref="A1:Z1048576"/>'.repeat(2000)}</mergeCells>`
  const { diagnostics, partial } = within(30_000, () => readXlsx('merges.xlsx', sheetBook(rows, merges)))
  assert.equal(partial, true)
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/xlsx-merge-limit'])
})

test('XLSX with 200,000 rows in one column is read whole (no argument-spreading limits)', () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')
  const { layout, diagnostics } = within(30_000, () => readXlsx('tall.xlsx', sheetBook(rows)))
  assert.equal(layout.lines.length, 200_001) // the 表1 line, then one line per row
  assert.deepEqual(diagnostics, [])
})

test('an HTML file beyond 64 MB is refused before decoding', () => {
  const big = new Uint8Array(65 * 1024 * 1024).fill(0x20)
  assert.throws(() => readHtml('big.html', big), /big\.html: 网页 65 MB，超过上限 64 MB/)
})
