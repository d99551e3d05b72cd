import rule from '../../../src/audit/rules/performance-amounts.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

const money = (id: '001' | '002' | '003', table: number, field: 'total' | 'fiscal' | 'other' | 'superior', delta: number) =>
  edit(seed(id), (d) => {
    const m = d.performance.tables[table]![field]!
    m.fen += Math.round(delta * 1_000_000)
  })

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    {
      name: 'seed 003 with 本级安排 1,219.43 and 其他资金 1.99 (as the budget says)',
      doc: edit(money('003', 0, 'fiscal', -1.99), (d) => (d.performance.tables[0]!.other!.fen = 1_990_000)),
      infos: [],
    },
  ],
  invalid: [
    // Seed 003 notes #16: 本级安排 1,221.42 includes the 1.99 单位资金, which is not 财政资金.
    { name: 'seed 003 unmodified: 财政资金 1,221.42 vs 财政拨款 1,219.43 (l.627)', doc: seed('003'), errors: [{ messageId: 'fiscal', line: 627 }] },
    {
      name: 'seed 002 部门整体 本级安排 415.89 → 416.89 (l.568)',
      doc: money('002', 0, 'fiscal', 1),
      errors: [{ messageId: 'total', line: 568 }, { messageId: 'fiscal', line: 568 }],
    },
    {
      name: 'seed 002 人员补助项目 16.61 → 17.61 (l.603)',
      doc: money('002', 2, 'total', 1),
      errors: [{ messageId: 'project', line: 603 }, { messageId: 'projects' }, { messageId: 'parts', line: 603 }],
    },
    {
      name: 'seed 003 整体 其他资金 0.00 → 1.00 (l.628): 合计 1,221.42 is no longer 上级 + 本级 + 其他',
      doc: money('003', 0, 'other', 1),
      errors: [{ messageId: 'fiscal', line: 627 }, { messageId: 'parts', line: 629, path: ['performance', 'tables', 0, 'total'] }],
    },
    {
      name: 'seed 003 表7 项目 62.00 → 63.00: the target table no longer matches',
      doc: mutate(seed('003'), ['tables', 'general_project', 'rows', '2010399/部门专项-“12345”政务热线购买服务费', 'total'], 1),
      errors: [{ messageId: 'fiscal', line: 627 }, { messageId: 'project', line: 644 }],
    },
  ],
})
