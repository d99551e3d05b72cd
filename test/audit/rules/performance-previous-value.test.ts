import assert from 'node:assert/strict'
import { test } from 'node:test'
import rule, { unitOf } from '../../../src/audit/rules/performance-previous-value.ts'
import { ruleTester } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

test('the unit of a printed value', () => {
  assert.equal(unitOf('=165 个'), '个')
  assert.equal(unitOf('24 小时'), '小时')
  assert.equal(unitOf('13.75 万元'), '万元')
  assert.equal(unitOf('=6个月'), '个月')
  assert.equal(unitOf('2023年11月'), undefined)
  assert.equal(unitOf('提升'), undefined)
  assert.equal(unitOf('-'), undefined)
})

const previous = (id: '002' | '003', table: number, row: number, value: string) =>
  edit(seed(id), (d) => {
    d.performance.tables[table]!.indicators[row]!.previous = value
  })

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified (no 上年完成值 column)', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified (dates and words are not compared)', doc: seed('002'), infos: [] },
    {
      name: 'seed 003 with 及时办结率 上年完成值 90%; 万元/季度 against 13.75 万元 shares the unit',
      doc: previous('003', 1, 4, '90%'),
      infos: [],
    },
  ],
  invalid: [
    // Seed 003 notes #15: 政务服务热线及时办结率 >=90% with 上年完成值 24 小时 (l.651).
    { name: 'seed 003 unmodified: >=90% against 24 小时', doc: seed('003'), errors: [{ messageId: 'unit', line: 651 }] },
    {
      name: 'seed 002 保障窗口数量 ≥165 个 with 上年完成值 165 人',
      doc: previous('002', 1, 0, '=165人'),
      errors: [{ messageId: 'unit', line: 586, path: ['performance', 'tables', 1, 'indicators', 0, 'previous'] }],
    },
  ],
})
