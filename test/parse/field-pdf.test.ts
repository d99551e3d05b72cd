import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import type { Disclosure } from '../../src/model/index.ts'
import { parseFile } from '../../src/parse/index.ts'

/**
 * Real published PDFs (../shared/field, beside the checkout in CI): 决算 (final accounts) of
 * Shanghai Putuo departments. Their tables have no spec keys yet, so the model keeps them
 * generically: title, header paths, rows by code or label, cells placed by page and box.
 * Values checked against `pdftotext -layout` of the same pages.
 */
const FIELD = '../shared/field'

async function parse(name: string): Promise<Disclosure> {
  const r = await parseFile(name, readFileSync(`${FIELD}/${name}`))
  return r.disclosure!
}

test('field PDFs are present beside the checkout', () => {
  assert.ok(existsSync(`${FIELD}/putuo-finance-2024-final.pdf`), 'CI clones main with shared/ beside it')
})

test('putuo-finance: 决算 with its department, year and nine tables, none forced onto budget keys', async () => {
  const d = await parse('putuo-finance-2024-final.pdf')
  assert.equal(d.kind, '决算')
  assert.equal(d.department?.value, '上海市普陀区财政局')
  assert.equal(d.year?.value, 2024)
  assert.deepEqual(
    d.tables.map((t) => t.title),
    ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表', '财政拨款“三公”经费支出决算表', '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款收入支出决算表'],
  )
  assert.ok(d.tables.every((t) => /^table/.test(t.key)))
})

test('putuo-finance 收入决算表 (page 8): row 201 with its cells under their headers, placed by page and box', async () => {
  const d = await parse('putuo-finance-2024-final.pdf')
  const t = d.tables.find((t) => t.title === '收入决算表')!
  const row = t.rows.find((r) => r.key === '201')!
  assert.ok(row.label.includes('一般公共服务支出'))
  const byPath = (c: string) => t.columns.find((col) => col.key === c)!.path.join('/')
  assert.deepEqual(row.cells.map((c) => [byPath(c.column), c.value]), [
    ['本年收入合计', '2112.86'],
    ['财政拨款收入', '2106.66'],
    ['其他收入', '6.20'],
  ])
  assert.equal(row.cells[0]!.place?.page, 8)
  assert.equal(row.cells[0]!.place?.box?.length, 4)
  const row2010601 = t.rows.find((r) => r.key === '2010601')!
  assert.deepEqual(row2010601.cells.map((c) => c.value), ['1511.90', '1511.89', '0.01'])
})

test('empty 决算 tables keep their note (故本表无数据)', async () => {
  const d = await parse('putuo-finance-2024-final.pdf')
  const t = d.tables.find((t) => t.title === '政府性基金预算财政拨款收入支出决算表')!
  assert.equal(t.empty, true)
  assert.match(t.emptyNote?.text ?? '', /故本表无数据/)
})

test('a name wrapped over cover lines is joined (putuo-planning: 上海市普陀区规划和自然 / 资源局)', async () => {
  const d = await parse('putuo-planning-2024-final.pdf')
  assert.equal(d.department?.value, '上海市普陀区规划和自然资源局')
  assert.ok(!d.tables.some((t) => t.title?.endsWith('部门决算表')), 'the cover of 第二部分 is not a table')
})

test('a page whose only ink is an empty ruled row (putuo-finance p.14) is not sent to OCR', async () => {
  const r = await parseFile('putuo-finance-2024-final.pdf', readFileSync(`${FIELD}/putuo-finance-2024-final.pdf`))
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'parse/pdf-no-text' && d.place?.page === 14))
  assert.ok(!r.diagnostics.some((d) => d.ruleId.startsWith('parse/ocr')))
})
