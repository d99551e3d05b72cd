import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx'
import { readDocx } from '../../src/parse/docx/index.ts'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { EXPENDITURE_FACTS } from './office-expected.ts'

const p = (text: string) => new Paragraph({ children: [new TextRun({ text, font: { eastAsia: '宋体' } })] })
const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [p(text)], ...opts })
const row = (...cells: TableCell[]) => new TableRow({ children: cells })

/** A 部门支出总体情况表 laid out as Word disclosures are: two header rows with merged cells, three data rows and a total. */
async function expenditureDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          p('某局2026年部门预算'),
          p('表3'),
          p('部门支出总体情况表'),
          new Paragraph({ children: [new TextRun('编制部门：某局'), new TextRun({ text: '\t' }), new TextRun('单位：万元')] }),
          new Table({
            rows: [
              row(cell('功能分类科目编码', { columnSpan: 3 }), cell('功能分类科目名称', { rowSpan: 2 }), cell('支出预算', { columnSpan: 3 })),
              row(cell('类'), cell('款'), cell('项'), cell('合计'), cell('基本支出'), cell('项目支出')),
              row(cell('201'), cell(''), cell(''), cell('一般公共服务支出'), cell('390.05'), cell('177.72'), cell('212.33')),
              row(cell('201'), cell('03'), cell('50'), cell('事业运行'), cell('242.00'), cell('177.72'), cell('64.28')),
              row(cell('208'), cell('05'), cell('05'), cell('机关事业单位基本养老保险缴费支出'), cell('11.50'), cell('11.50'), cell('')),
              row(cell('合计', { columnSpan: 4 }), cell('401.55'), cell('189.22'), cell('212.33')),
            ],
          }),
          p('注：本表为示例。'),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

test('DOCX: merged header cells keep their text in the first column and row, with empty cells for the rest', async () => {
  const { layout } = readDocx('exp.docx', await expenditureDocx())
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    [
      '某局2026年部门预算',
      '表3',
      '部门支出总体情况表',
      '编制部门:某局\t单位:万元',
      '功能分类科目编码\t\t\t功能分类科目名称\t支出预算\t\t',
      '类\t款\t项\t\t合计\t基本支出\t项目支出',
      '201\t\t\t一般公共服务支出\t390.05\t177.72\t212.33',
      '201\t03\t50\t事业运行\t242.00\t177.72\t64.28',
      '208\t05\t05\t机关事业单位基本养老保险缴费支出\t11.50\t11.50\t',
      '合计\t\t\t\t401.55\t189.22\t212.33',
      '注:本表为示例。',
    ],
  )
  const data = layout.lines[6]!
  assert.equal(data.line, 7)
  assert.equal(data.cells?.length, 7)
  assert.deepEqual(data.cells![4], {
    text: '390.05',
    start: 15,
    place: { file: 'exp.docx', start: { line: 7, column: 16 }, end: { line: 7, column: 22 } },
    colSpan: 1,
    rowSpan: 1,
  })
  // Merges as the PDF reader reports them: spans where a cell starts, `covered` on the positions it covers.
  const spans = (i: number) => layout.lines[i]!.cells!.map((c) => [c.text, (c as { colSpan?: number }).colSpan, (c as { rowSpan?: number }).rowSpan, (c as { covered?: true }).covered ?? false])
  assert.deepEqual(spans(4), [
    ['功能分类科目编码', 3, 1, false],
    ['', 1, 1, true],
    ['', 1, 1, true],
    ['功能分类科目名称', 1, 2, false],
    ['支出预算', 3, 1, false],
    ['', 1, 1, true],
    ['', 1, 1, true],
  ])
  assert.deepEqual(spans(5)[3], ['', 1, 1, true])
  assert.deepEqual(spans(9).slice(0, 4), [
    ['合计', 4, 1, false],
    ['', 1, 1, true],
    ['', 1, 1, true],
    ['', 1, 1, true],
  ])
  assert.deepEqual(layout.lines[0]!.place, { file: 'exp.docx', start: { line: 1, column: 1 }, end: { line: 1, column: 12 } })
  assert.equal(layout.lines[0]!.cells, undefined)
})

test('DOCX: the table parses to the expected facts', async () => {
  const { disclosure } = parseLayout(readDocx('exp.docx', await expenditureDocx()).layout)
  assert.equal(
    toFacts(disclosure!),
    [
      'table,row,column,value',
      ...EXPENDITURE_FACTS,
      '',
    ].join('\n'),
  )
  const c = disclosure!.tables[0]!.rows.find((r) => r.key === '2010350')!.cells.find((c) => c.column === 'project')!
  assert.deepEqual(c.place, { file: 'exp.docx', start: { line: 8, column: 30 }, end: { line: 8, column: 35 } })
})
