import assert from 'node:assert/strict'
import { test } from 'node:test'
import { audit } from '../../src/audit/engine.ts'
import { centOf, codeTree, figure, lostColumns, rowOf, tableOf } from '../../src/audit/figures.ts'
import type { Cell } from '../../src/model/index.ts'
import { rules } from '../../src/audit/rules/index.ts'
import { seed } from './seeds.ts'

const tableRules = rules.filter((r) => /^(sum|cross|code)\//.test(r.id))
const serious = (d: ReturnType<typeof seed>) => audit(d, { rules: tableRules, strict: true }).diagnostics.filter((x) => x.severity !== 'info')

test('a blank in a row that states other columns is zero', () => {
  const t = tableOf(seed('002'), 'expenditure')!
  assert.equal(figure(t, rowOf(t, '2010303'), 'basic')?.fen, 0)
})

test('a column the table never states: zero when its identity holds (seed 001 表5 项目支出), lost when it fails (seed 002 表5 基本支出)', () => {
  const a = tableOf(seed('001'), 'general_expenditure')!
  assert.equal(figure(a, rowOf(a, '2010306'), 'project')?.fen, 0)
  const b = tableOf(seed('002'), 'general_expenditure')!
  assert.deepEqual([...lostColumns(b)], ['basic'])
  assert.equal(figure(b, rowOf(b, '2010350'), 'basic'), undefined)
})

test('blanks next to a number the parser could not place are unknown', () => {
  const d = seed('002')
  const row = rowOf(tableOf(d, 'expenditure'), '2010350')!
  // The 基本支出 figure lands in an unknown column and the project figure is lost: nothing may be read as zero.
  row.cells = row.cells.filter((c) => c.column === 'total')
  row.cells.push({ column: 'x:基本', value: '177.72', fen: 177_720_000, raw: '177.72' })
  assert.equal(figure(tableOf(d, 'expenditure')!, row, 'basic'), undefined)
  assert.deepEqual(
    serious(d).filter((x) => x.path?.includes('2010350')).map((x) => x.ruleId),
    [],
  )
})

test('a row repeated with the same figures (page break) counts once', () => {
  const d = seed('003')
  const t = tableOf(d, 'income')!
  const i = t.rows.findIndex((r) => r.key === '2101101')
  t.rows.splice(i + 1, 0, structuredClone(t.rows[i]!))
  assert.equal(codeTree(t).filter((n) => n.code === '2101101').length, 1)
  assert.deepEqual(serious(d).filter((x) => x.ruleId !== 'code/basic-split'), [])
})

test('the cent is one unit of the last printed decimal', () => {
  const cell = (raw: string): Cell => ({ column: 'total', value: '', fen: 0, raw })
  assert.equal(centOf(cell('1, 221. 42'), '万元'), 10_000)
  assert.equal(centOf(cell('4748.3458'), '万元'), 100)
  assert.equal(centOf(cell('47,483,458'), '元'), 100)
  assert.equal(centOf(cell('3,286,618,082.20'), '元'), 1)
})

test('a fixed line printed blank is zero; a line the layout lost is unknown', () => {
  const t = tableOf(seed('002'), 'summary')!
  // 上级一般公共预算安排转移支付 is printed without a number (seed 002 表1).
  assert.equal(figure(t, rowOf(t, 'inc.general.transfer'), 'amount')?.fen, 0)
  // Seed 001 表1 lost 一、本年收入 and 收入总计 with their numbers: no row, no figure.
  const lost = tableOf(seed('001'), 'summary')!
  assert.equal(rowOf(lost, 'inc.current'), undefined)
  assert.equal(figure(lost, rowOf(lost, 'inc.current'), 'amount'), undefined)
})

test('a table printed in 元 is checked to the 元; against a 万元 table, to the 0.01 万元', () => {
  const d = seed('002')
  const basic = tableOf(d, 'general_basic')!
  basic.unit = '元'
  for (const row of basic.rows) for (const c of row.cells) c.raw = String(c.fen / 100) // 27.38 万元 printed as 273800
  assert.deepEqual(serious(d), [])
  // 30101 人员经费 5 元 more: wrong in its row (1 元 per addend), within rounding against 表5 (0.01 万元).
  const cell = rowOf(basic, '30101')!.cells.find((c) => c.column === 'personnel')!
  cell.fen += 500
  cell.raw = String(cell.fen / 100)
  const found = audit(d, { rules: tableRules }).diagnostics.filter((x) => x.path?.[1] === 'general_basic')
  assert.ok(found.some((x) => x.ruleId === 'sum/row-identity' && x.severity === 'error'))
  assert.ok(!found.some((x) => x.ruleId.startsWith('cross/') && x.severity === 'error'))
})
