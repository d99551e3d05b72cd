import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readXlsx } from '../../src/parse/xlsx/index.ts'
import { titleLines } from '../../src/parse/xlsx/index.ts'
import { zip } from './docx-zip.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * A workbook written by hand as other producers write them: an `x:` namespace prefix, a custom
 * workbook path, cells without `r` references, inline and rich-text strings with phonetic runs,
 * `_x000D_` escapes, booleans, errors, a formula without its cached value, the 1904 date system,
 * hidden columns and a hidden sheet.
 */
function workbook(sheetXml: string, extra: { shared?: string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  return zip([
    { name: '_rels/.rels', data: enc(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/book/wb.xml"/></Relationships>`) },
    {
      name: 'book/wb.xml',
      data: enc(
        `<x:workbook ${NS}>${extra.date1904 ? '<x:workbookPr date1904="1"/>' : ''}<x:sheets><x:sheet name="表2 部门收入总体情况表" sheetId="1" r:id="rId1"/><x:sheet name="草稿" sheetId="2" state="hidden" r:id="rId1"/></x:sheets></x:workbook>`,
      ),
    },
    {
      name: 'book/_rels/wb.xml.rels',
      data: enc(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="sheets/s1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: 'book/sheets/s1.xml', data: enc(`<x:worksheet ${NS}>${sheetXml}</x:worksheet>`) },
    { name: 'book/strings.xml', data: enc(`<x:sst ${NS}>${extra.shared ?? ''}</x:sst>`) },
    {
      name: 'book/styles.xml',
      data: enc(
        extra.styles ??
          `<x:styleSheet ${NS}><x:numFmts><x:numFmt numFmtId="164" formatCode="#,##0.00_ "/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/><x:xf numFmtId="4"/></x:cellXfs></x:styleSheet>`,
      ),
    },
  ])
}

test('XLSX by hand: prefixes, relative parts, cells without references, every kind of stored value', () => {
  const sheet = `<x:cols><x:col min="3" max="3" hidden="1"/></x:cols><x:sheetData>
<x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>预算</x:t></x:r><x:r><x:t>数</x:t></x:r></x:is></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
<x:row><x:c s="1"><x:v>1234.5</x:v></x:c><x:c s="3"><x:v>415.89000000000004</x:v></x:c><x:c><x:v>99</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="b"><x:v>1</x:v></x:c><x:c r="B4" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="str"><x:f>"项"&amp;"目"</x:f><x:v>项_x000D_目</x:v></x:c><x:c r="B5" s="1"><x:f>SUM(B2:B3)</x:f></x:c></x:row>
<x:row r="6"><x:c r="A6" s="2"><x:v>45658</x:v></x:c><x:c r="B6" t="d"><x:v>2025-01-01T00:00:00Z</x:v></x:c></x:row>
</x:sheetData>`
  const shared = '<x:si><x:r><x:t>项</x:t></x:r><x:r><x:t>目</x:t></x:r><x:rPh sb="0" eb="1"><x:t>xiang</x:t></x:rPh></x:si><x:si><x:t>隐藏列</x:t></x:si>'
  const { layout, diagnostics } = readXlsx('h.xlsx', workbook(sheet, { shared }))
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    ['表2', '部门收入总体情况表', '项目\t预算数', '1,234.50\t415.89', 'TRUE\t#DIV/0!', '项 目\t', '2025/1/1\t2025-01-01'],
  )
  assert.deepEqual(layout.lines[3]!.cells!.map((c) => c.place?.cell), ['A2', 'B2'])
  assert.deepEqual(
    diagnostics.map((d) => [d.ruleId, d.place?.cell]),
    [
      ['parse/xlsx-formula-without-value', 'B5'],
      ['parse/xlsx-hidden-sheet', undefined],
    ],
  )
})

test('XLSX by hand: the 1904 date system', () => {
  const sheet = '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c><x:c r="B1" s="2"><x:v>44196</x:v></x:c></x:row></x:sheetData>'
  assert.equal(readXlsx('d.xlsx', workbook(sheet, { date1904: true })).layout.lines.at(-1)!.text, '日期\t2025/1/1')
})

test('XLSX: a stray cell far away widens no table beyond the column limit, with a diagnostic', () => {
  const sheet =
    '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c><x:c r="XFD1"><x:v>2</x:v></x:c></x:row></x:sheetData>'
  const { layout, diagnostics } = readXlsx('w.xlsx', workbook(sheet), { maxColumns: 10 })
  assert.equal(layout.lines.at(-1)!.cells!.length, 10)
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/xlsx-column-limit', 'parse/xlsx-hidden-sheet'])
})

test('sheet names give title lines only when the sheet does not print them', () => {
  assert.deepEqual(titleLines('表1 部门收支总体情况表', []), ['表1', '部门收支总体情况表'])
  assert.deepEqual(titleLines('表1', ['部门收支总体情况表']), ['表1'])
  assert.deepEqual(titleLines('表1-1 部门收入总体情况表', ['表1-1', '部门收入总体情况表']), [])
  assert.deepEqual(titleLines('部门收支总体情况表', ['2026年某局部门收支总体情况表']), [])
  assert.deepEqual(titleLines('收支总表', ['某局部门收支预算总表']), [])
  assert.deepEqual(titleLines('Sheet1', []), [])
  assert.deepEqual(titleLines('工作表2', []), [])
})
