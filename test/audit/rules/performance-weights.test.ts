import rule from '../../../src/audit/rules/performance-weights.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

const weight = (id: '001' | '002' | '003', table: number, row: number, w: number | undefined) =>
  edit(seed(id), (d) => {
    const i = d.performance.tables[table]!.indicators[row]!
    if (w === undefined) delete i.weight
    else i.weight = w
  })

ruleTester.run(rule, {
  // Every seed table sums to 90 (rules.md §4.2); seed 001's table has one weight the layout prints
  // apart from its row (l.915), so its sum is not checked.
  valid: [
    ...seedsValid(seed),
    { name: 'seed 003 整体 table with a 预算执行率 row of 10: sums to 100', doc: edit(seed('003'), (d) => {
      const t = d.performance.tables[0]!
      t.indicators.push({ ...t.indicators[0]!, name: '预算执行率', weight: 10 })
    }), infos: [] },
  ],
  invalid: [
    {
      name: 'seed 002 部门整体 保障服务窗口数量 20 → 30: 100',
      doc: weight('002', 0, 0, 30),
      errors: [{ messageId: 'sum', line: 559, path: ['performance', 'tables', 0] }],
    },
    {
      name: 'seed 003 项目 满意度 10 → 5: 85',
      doc: weight('003', 1, 8, 5),
      errors: [{ messageId: 'sum', path: ['performance', 'tables', 1] }],
    },
    {
      name: 'seed 002 单位运转项目 with a row weight missing but already 100 without it',
      doc: edit(weight('002', 3, 0, 35), (d) => delete d.performance.tables[3]!.indicators[1]!.weight),
      errors: [{ messageId: 'sum', path: ['performance', 'tables', 3] }],
    },
  ],
})
