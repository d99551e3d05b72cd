import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { readXlsx } from '../../src/parse/xlsx/index.ts'
import { EXPENDITURE_FACTS } from './office-expected.ts'

const MONEY = '0.00'

/**
 * Two sheets as budget systems export them: 表1 with its title only in the sheet name and a
 * merged 收入/支出 header; 表3 with a merged title row, 编制部门 and 单位 on one row, a two-level
 * merged header, money stored as floats with float noise, one number stored as text, and a
 * SUM formula whose cached result is the total.
 */
async function budgetXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const s1 = wb.addWorksheet('表1 部门收支总体情况表')
  s1.addRows([
    ['收入', null, '支出', null],
    ['项目', '预算数', '功能分类', '预算数'],
    ['一、本年收入', 401.55, '201 一般公共服务支出', 390.05],
    ['1.一般公共预算拨款', 401.55, '208 社会保障和就业支出', 11.5],
    ['收入总计', 401.55, '支出总计', 401.55],
  ])
  s1.mergeCells('A1:B1')
  s1.mergeCells('C1:D1')
  for (const ref of ['B3', 'B4', 'B5', 'D3', 'D4', 'D5']) s1.getCell(ref).numFmt = MONEY

  const s3 = wb.addWorksheet('表3')
  s3.addRows([
    ['部门支出总体情况表'],
    ['编制部门：某局', null, null, null, null, null, '单位：万元'],
    ['功能分类科目编码', null, null, '功能分类科目名称', '支出预算', null, null],
    ['类', '款', '项', null, '合计', '基本支出', '项目支出'],
    ['201', null, null, '一般公共服务支出', 390.05, 177.72, 212.33],
    ['201', '03', '50', '事业运行', 177.72 + 64.28, 177.72, 64.28],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '11.50', 11.5, null],
    ['合计', null, null, null, { formula: 'SUM(E5,E7)', result: 401.55 }, 189.22, 212.33],
  ])
  s3.mergeCells('A1:G1')
  s3.mergeCells('A3:C3')
  s3.mergeCells('D3:D4')
  s3.mergeCells('E3:G3')
  s3.mergeCells('A8:D8')
  for (let r = 5; r <= 8; r++) for (const c of ['E', 'F', 'G']) s3.getCell(`${c}${r}`).numFmt = MONEY
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

test('XLSX: one block per sheet, titles from sheet names, merged cells as first cell plus empties, numbers as formatted', async () => {
  const { layout, diagnostics } = readXlsx('b.xlsx', await budgetXlsx())
  assert.deepEqual(diagnostics, [])
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    [
      '表1',
      '部门收支总体情况表',
      '收入\t\t支出\t',
      '项目\t预算数\t功能分类\t预算数',
      '一、本年收入\t401.55\t201 一般公共服务支出\t390.05',
      '1.一般公共预算拨款\t401.55\t208 社会保障和就业支出\t11.50',
      '收入总计\t401.55\t支出总计\t401.55',
      '',
      '表3',
      '部门支出总体情况表',
      '编制部门:某局\t\t\t\t\t\t单位:万元',
      '功能分类科目编码\t\t\t功能分类科目名称\t支出预算\t\t',
      '类\t款\t项\t\t合计\t基本支出\t项目支出',
      '201\t\t\t一般公共服务支出\t390.05\t177.72\t212.33',
      '201\t03\t50\t事业运行\t242.00\t177.72\t64.28',
      '208\t05\t05\t机关事业单位基本养老保险缴费支出\t11.50\t11.50\t',
      '合计\t\t\t\t401.55\t189.22\t212.33',
    ],
  )
  const row = layout.lines[14]!
  assert.deepEqual(row.cells![4], {
    text: '242.00',
    start: 15,
    place: { file: 'b.xlsx', start: { line: 15, column: 16 }, end: { line: 15, column: 22 }, sheet: '表3', cell: 'E6' },
    colSpan: 1,
    rowSpan: 1,
  })
  assert.deepEqual(layout.lines[9]!.place, { file: 'b.xlsx', start: { line: 10, column: 1 }, end: { line: 10, column: 10 }, sheet: '表3', cell: 'A1' })
  assert.deepEqual(layout.lines[0]!.place, { file: 'b.xlsx', start: { line: 1, column: 1 }, end: { line: 1, column: 3 }, sheet: '表1 部门收支总体情况表' })
  // The covered cells of a merge are present and empty, with their own references.
  const merge = (c: object) => [(c as { colSpan?: number }).colSpan, (c as { rowSpan?: number }).rowSpan, (c as { covered?: true }).covered ?? false]
  assert.deepEqual(layout.lines[11]!.cells!.map((c) => [c.text, c.place?.cell, ...merge(c)]), [
    ['功能分类科目编码', 'A3', 3, 1, false],
    ['', 'B3', 1, 1, true],
    ['', 'C3', 1, 1, true],
    ['功能分类科目名称', 'D3', 1, 2, false],
    ['支出预算', 'E3', 3, 1, false],
    ['', 'F3', 1, 1, true],
    ['', 'G3', 1, 1, true],
  ])
  assert.deepEqual(merge(layout.lines[12]!.cells![3]!), [1, 1, true])
})

test('XLSX: the workbook parses to the expected facts, each placed by sheet and cell', async () => {
  const { disclosure } = parseLayout(readXlsx('b.xlsx', await budgetXlsx()).layout)
  const facts = toFacts(disclosure!)
  assert.equal(
    facts,
    [
      'table,row,column,value',
      'summary,inc.current,amount,401.55',
      'summary,exp.201,amount,390.05',
      'summary,inc.general,amount,401.55',
      'summary,exp.208,amount,11.50',
      'summary,inc.total,amount,401.55',
      'summary,exp.total,amount,401.55',
      ...EXPENDITURE_FACTS,
      '',
    ].join('\n'),
  )
  const exp = disclosure!.tables.find((t) => t.key === 'expenditure')!
  const total = exp.rows.find((r) => r.key === 'total')!.cells.find((c) => c.column === 'total')!
  assert.equal(total.place?.sheet, '表3')
  assert.equal(total.place?.cell, 'E8')
})
