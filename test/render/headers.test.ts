import assert from 'node:assert/strict'
import { test } from 'node:test'
import { TABLES } from '../../src/model/index.ts'
import { HEADERS, headerGrid } from '../../src/render/headers.ts'

test('every standard table has a header whose value columns are exactly the spec columns', () => {
  for (const spec of TABLES) {
    const nodes = HEADERS[spec.key]
    assert.ok(nodes, `${spec.key} has a header`)
    const grid = headerGrid(nodes)
    const specKeys = spec.columns.map((c) => c.key)
    const sides = new Set(grid.columns.map((c) => ('side' in c ? c.side : undefined)))
    for (const side of sides) {
      const keys = grid.columns.filter((c) => c.kind === 'value' && c.side === side).map((c) => (c.kind === 'value' ? c.key : ''))
      // fiscal_summary: the income side has only 合计 (facts.md: income lines use column `total`).
      const expected = spec.key === 'fiscal_summary' && side === 'inc' ? ['total'] : specKeys
      assert.deepEqual(keys, expected, `${spec.key}${side ? ` (${side})` : ''}`)
    }
  }
})

test('部门收入总体情况表: 16 columns under two header rows, 财政拨款（补助） over its seven columns', () => {
  const grid = headerGrid(HEADERS['income']!)
  assert.equal(grid.depth, 2)
  assert.equal(grid.columns.length, 16)
  const at = (label: string) => grid.cells.find((c) => c.label === label)
  assert.deepEqual(at('科目代码'), { label: '科目代码', row: 0, col: 0, rowSpan: 1, colSpan: 3 })
  assert.deepEqual(at('科目名称'), { label: '科目名称', row: 0, col: 3, rowSpan: 2, colSpan: 1 })
  assert.deepEqual(at('财政拨款（补助）'), { label: '财政拨款（补助）', row: 0, col: 5, rowSpan: 1, colSpan: 7 })
  assert.deepEqual(at('上级国有资本经营预算安排的转移支付'), { label: '上级国有资本经营预算安排的转移支付', row: 1, col: 11, rowSpan: 1, colSpan: 1 })
  assert.deepEqual(at('单位资金'), { label: '单位资金', row: 0, col: 13, rowSpan: 2, colSpan: 1 })
})

test('上年结转结余情况表: three header rows, 基本支出 over 人员经费/公用经费 on each side', () => {
  const grid = headerGrid(HEADERS['carryover']!)
  assert.equal(grid.depth, 3)
  assert.deepEqual(grid.paths[4], ['财政拨款', '基本支出', '公用经费'])
  assert.deepEqual(
    grid.cells.filter((c) => c.label === '基本支出').map((c) => [c.row, c.col, c.rowSpan, c.colSpan]),
    [[1, 3, 1, 2], [1, 7, 1, 2]],
  )
  assert.deepEqual(grid.cells.find((c) => c.label === '项目')!, { label: '项目', row: 0, col: 0, rowSpan: 3, colSpan: 1 })
})
