import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { readPdf, type PdfLine, type PdfRead } from '../../src/parse/pdf/index.ts'

/**
 * The real published PDFs in ../shared/field (beside the checkout, as CI has them): 决算 of three
 * Putuo departments made by ONLYOFFICE, Word and WPS, and the blank national template. Their
 * tables get no fact keys yet, so these tests pin the layout: specific rows of specific pages,
 * cell by cell, as `pdftotext -layout` shows them.
 */
const dir = new URL('../../../shared/field/', import.meta.url).pathname
const skip = existsSync(dir) ? false : `field PDFs not found in ${dir}`

const reads = new Map<string, Promise<PdfRead>>()
function read(name: string): Promise<PdfRead> {
  let r = reads.get(name)
  if (!r) reads.set(name, (r = readPdf(name, readFileSync(dir + name))))
  return r
}

/** The cells of the line on `page` whose first cells are `head`. */
async function row(name: string, page: number, ...head: string[]): Promise<string[]> {
  const { layout } = await read(name)
  const line = layout.lines.find((l) => l.place.page === page && l.cells && head.every((h, i) => l.cells![i]?.text === h))
  assert.ok(line, `${name} p${page}: no row starting ${head.join(' | ')}`)
  return line.cells!.map((c) => c.text)
}

async function lineOf(name: string, page: number, first: string): Promise<PdfLine> {
  const { layout } = await read(name)
  const line = layout.lines.find((l) => l.place.page === page && (l.cells?.[0]?.text ?? l.text) === first)
  assert.ok(line, `${name} p${page}: no line starting ${first}`)
  return line
}

const finance = 'putuo-finance-2024-final.pdf'
const planning = 'putuo-planning-2024-final.pdf'
const socialwork = 'putuo-socialwork-2024-final.pdf'
const template = 'national-final-template.pdf'

test('field pdf (ONLYOFFICE): 收入决算表 rows with 类/款/项 codes, name and numbers in their columns', { skip }, async () => {
  assert.deepEqual(await row(finance, 8, '201', '06', '01'), ['201', '06', '01', '行政运行', '1,511.90', '1,511.89', '', '', '', '', '0.01'])
  assert.deepEqual(await row(finance, 8, '201', '', ''), ['201', '', '', '一般公共服务支出', '2,112.86', '2,106.66', '', '', '', '', '6.20'])
  // The name wraps onto two lines inside its cell; it reads as one cell.
  assert.deepEqual(await row(finance, 8, '208', '05', '05'), ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', ''])
})

test('field pdf (ONLYOFFICE): merged header cells keep their text once, with spans', { skip }, async () => {
  const header = await lineOf(finance, 8, '项目')
  assert.deepEqual(
    header.cells!.map((c) => [c.text, c.colSpan, c.rowSpan]),
    [
      ['项目', 4, 1],
      ['', 1, 1],
      ['', 1, 1],
      ['', 1, 1],
      ['本年收入合计', 1, 3],
      ['财政拨款收入', 1, 3],
      ['上级补助收入', 1, 3],
      ['事业收入', 1, 3],
      ['经营收入', 1, 3],
      ['附属单位上缴收入', 1, 3],
      ['其他收入', 1, 3],
    ],
  )
  const threePublic = await lineOf(finance, 18, '合计')
  const car = threePublic.cells!.find((c) => c.text === '公务用车购置及运行费')!
  assert.equal(car.colSpan, 6)
  assert.deepEqual(await row(finance, 18, '预算数'), Array.from({ length: 12 }, (_, i) => (i % 2 ? '决算数' : '预算数')))
  assert.deepEqual(await row(finance, 18, '0.95'), ['0.95', '', '', '', '', '', '', '', '', '', '0.95', ''])
})

test('field pdf (ONLYOFFICE): a table crossing pages keeps its columns on both pages', { skip }, async () => {
  // 支出决算表 runs from page 10 to page 11; 收入支出决算总表 from page 6 to page 7.
  assert.deepEqual(await row(finance, 10, '208', '05', '06'), ['208', '05', '06', '机关事业单位职业年金缴费支出', '80.38', '80.38', '', '', '', ''])
  assert.deepEqual(await row(finance, 11, '208', '05', '99'), ['208', '05', '99', '其他行政事业单位养老支出', '0.94', '0.94', '', '', '', ''])
  assert.deepEqual(await row(finance, 6, '一、一般公共预算财政拨款收入'), ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'])
  assert.deepEqual(await row(finance, 7, '总计'), ['总计', '2,995.39', '总计', '2,995.39'])
})

test('field pdf (ONLYOFFICE): a blank page is reported, narrative lines come through', { skip }, async () => {
  const { diagnostics, pages, pagesRead } = await read(finance)
  assert.equal(pages, 25)
  assert.equal(pagesRead, 25)
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.place?.page]), [['parse/pdf-no-text', 14]])
  const heading = await lineOf(finance, 21, '一、收入支出决算总体情况说明')
  assert.equal(heading.cells, undefined)
})

test('field pdf (Word): 7-digit codes, empty columns kept, 基本支出决算表 two-sided rows', { skip }, async () => {
  assert.deepEqual(await row(planning, 8, '2080505'), ['2080505', '机关事业单位基本养老保险缴费支出', '446.11', '446.11', '', '', '', '', ''])
  assert.deepEqual(await row(planning, 11, '2200199'), ['2200199', '其他自然资源事务支出', '45.00', '0.00', '45.00', '', '', ''])
  assert.deepEqual(await row(planning, 16, '30113'), ['30113', '住房公积金', '289.59', '30212', '因公出国(境)费用', '0.00'])
})

test('field pdf (WPS): an empty cell between two numbers keeps the numbers in their columns', { skip }, async () => {
  assert.deepEqual(await row(socialwork, 8, '2013999'), ['2013999', '其他社会工作事务支出', '202.24', '', '202.24', '', '', ''])
  assert.deepEqual(await row(socialwork, 8, '合计'), ['合计', '', '307.82', '105.58', '202.24', '', '', ''])
})

test('field pdf (template): blank tables still give their rows and columns', { skip }, async () => {
  assert.deepEqual(await row(template, 6, '2050205'), ['2050205', '高等教育', '', '', '', '', '', '', ''])
})

test('field pdf: every line has a page and a box on the page, and cells sit at their offsets', { skip }, async () => {
  for (const name of [finance, planning, socialwork, template]) {
    const { layout, diagnostics } = await read(name)
    assert.ok(!diagnostics.some((d) => d.ruleId === 'parse/pdf-unmapped-glyphs'), `${name}: unmapped glyphs`)
    let previous = 0
    for (const l of layout.lines) {
      assert.equal(l.line, previous + 1)
      previous = l.line
      const [x0, y0, x1, y1] = l.place.box!
      assert.ok(x0 >= 0 && y0 >= 0 && x1 <= 842 && y1 <= 842 && x0 < x1 && y0 < y1, `${name}:${l.line} box ${l.place.box}`)
      for (const c of l.cells ?? []) {
        assert.equal(l.text.slice(c.start, c.start + c.text.length), c.text)
        assert.equal(c.place.page, l.place.page)
        assert.equal(c.place.start.column, c.start + 1)
      }
    }
  }
})
