import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toFen, type Cell, type Disclosure, type Table } from '../../src/model/index.ts'
import { correctByIdentities } from '../../src/parse/ocr/digits.ts'
import { correctCodes } from '../../src/parse/ocr/codes.ts'
import type { Row } from '../../src/parse/pdf/lines.ts'

/**
 * OCR corrections from what a table must satisfy, on readings made up by hand:
 * - numbers by the table's sums (digits.ts): the row 201 03 06 政务公开审批 of 部门支出总体情况表 in
 *   seed 001 prints 457.54 = 369.27 + 88.27;
 * - 类/款/项 codes by the catalog name printed beside them (codes.ts).
 */

/** A cell as OCR gave it: printed `raw`, with a confidence. */
function cell(column: string, raw: string, confidence = 0.95): Cell {
  const fen = toFen(raw.replace(/,/g, ''), '万元')!
  return { column, raw, fen, value: (fen / 1_000_000).toFixed(2), confidence, place: { file: 'x.pdf', start: { line: 1, column: 1 }, page: 4, box: [0, 0, 1, 1] } }
}

/** A disclosure with one 部门支出总体情况表 row (合计 = 基本支出 + 项目支出). */
function expenditure(...cells: Cell[]): Disclosure {
  const table: Table = {
    key: 'expenditure',
    unit: '万元',
    recognisedBy: 'title',
    columns: [],
    empty: false,
    rows: [{ key: '2010306', code: '2010306', label: '政务公开审批', cells }],
  }
  return {
    file: 'x.pdf',
    kind: '预算',
    unit: '万元',
    overview: { units: [], staffing: {} },
    tables: [table],
    sections: [],
    claims: [],
    performance: { counts: [], tables: [], notes: [] },
    glossary: [],
    partial: false,
  }
}

test('a confusable digit of one unsure cell that breaks its row sum is corrected, stays flagged, and says so', () => {
  const d = expenditure(cell('total', '457.54'), cell('basic', '369.21', 0.5), cell('project', '88.27'))
  const notes = correctByIdentities(d)
  const basic = d.tables[0]!.rows[0]!.cells[1]!
  assert.deepEqual([basic.raw, basic.value, basic.fen, basic.confidence], ['369.27', '369.27', 369_270_000, 0.5])
  assert.equal(notes.length, 1)
  assert.equal(notes[0]!.ruleId, 'parse/ocr-corrected')
  assert.deepEqual([notes[0]!.actual, notes[0]!.expected, notes[0]!.place?.page], ['369.21', '369.27', 4])
  assert.deepEqual(notes[0]!.path, ['tables', 'expenditure', 'rows', '2010306', 'basic'])
})

test('a mark read as a sign (“88.70 as -88.70) is dropped when the sum asks for it', () => {
  const d = expenditure(cell('total', '457.54'), cell('basic', '369.27'), cell('project', '-88.27', 0.31))
  assert.equal(correctByIdentities(d).length, 1)
  assert.equal(d.tables[0]!.rows[0]!.cells[2]!.value, '88.27')
})

test('two unsure cells that could each be the misread one: nothing is corrected', () => {
  // 9.00 = 5.00 + 1.00 fails; 9→6 in the total fits (6.00 = 5.00 + 1.00), and so does 5→8 in 基本支出 (9.00 = 8.00 + 1.00).
  const d = expenditure(cell('total', '9.00', 0.5), cell('basic', '5.00', 0.5), cell('project', '1.00'))
  assert.deepEqual(correctByIdentities(d), [])
  assert.deepEqual(d.tables[0]!.rows[0]!.cells.map((c) => c.raw), ['9.00', '5.00', '1.00'])
})

test('a sum off by 0.01 a part is rounding, not a misread digit', () => {
  // 6.67 + 3.34 = 10.01: the documents print such rows; 6.67 → 6.66 is no slip either, but nothing is even tried.
  const d = expenditure(cell('total', '10.00'), cell('basic', '6.67', 0.5), cell('project', '3.34', 0.5))
  assert.deepEqual(correctByIdentities(d), [])
})

test('a sure cell is never changed, however well a slip would fit', () => {
  const d = expenditure(cell('total', '457.54'), cell('basic', '369.21', 0.9), cell('project', '88.27'))
  assert.deepEqual(correctByIdentities(d), [])
  assert.equal(d.tables[0]!.rows[0]!.cells[1]!.raw, '369.21')
})

/** A layout row of cells with these texts. */
const row = (...texts: string[]): Row => ({
  top: 0,
  left: 0,
  box: [0, 0, 1, 1],
  cells: texts.map((text) => ({ text, box: [0, 0, 1, 1], colSpan: 1, rowSpan: 1 })),
})

test('a 类/款/项 code is put right by the catalog name beside it, and flagged', () => {
  // 2101103 公务员医疗补助 and 2101102 事业单位医疗 (src/catalog function-codes.csv), read as 216 and 1.
  const rows = [row('216', '11', '03', '公助员医疗补劭', '1.17'), row('210', '1', '02', '事业单位医疗', '10.29'), row('201', '03', '06', '政务公开审批', '457.54')]
  const confs = rows.map(() => [0.96, 0.84, 0.96, 0.7, 0.96])
  correctCodes(rows, confs, 0.59)
  assert.deepEqual(rows.map((r) => r.cells.slice(0, 3).map((c) => c.text).join(' ')), ['210 11 03', '210 11 02', '201 03 06'])
  assert.deepEqual(confs.map((c) => c.slice(0, 3)), [[0.59, 0.84, 0.96], [0.96, 0.59, 0.96], [0.96, 0.84, 0.96]])
})

test('a code is left as read under a name the catalog does not know, or one the standard repeats under many 款', () => {
  // 2010602 一般行政管理事务 (财政事务) is real but not in the partial catalog, which has 2010302 by that name.
  const rows = [row('216', '11', '03', '某某专项', '1.17'), row('201', '06', '02', '一般行政管理事务', '5.00')]
  const confs = rows.map(() => [0.96, 0.96, 0.96, 0.7, 0.96])
  correctCodes(rows, confs, 0.59)
  assert.deepEqual(rows.map((r) => r.cells.slice(0, 3).map((c) => c.text).join(' ')), ['216 11 03', '201 06 02'])
  assert.deepEqual(confs, rows.map(() => [0.96, 0.96, 0.96, 0.7, 0.96]))
})
