import rule from '../../../src/audit/rules/performance-scoring.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

const scoring = (id: '002' | '003', table: number, row: number, s: string | undefined) =>
  edit(seed(id), (d) => {
    const i = d.performance.tables[table]!.indicators[row]!
    if (s === undefined) delete i.scoring
    else i.scoring = s
  })

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 002 提升公共服务水平 (提升) scored 按照完成比例赋分 (l.593)',
      doc: scoring('002', 1, 7, '按照完成比例赋分'),
      errors: [{ messageId: 'proportional', line: 593, path: ['performance', 'tables', 1, 'indicators', 7, 'scoring'] }],
    },
    {
      name: 'seed 003 服务对象满意度 scored 直接赋分 (l.655)',
      doc: scoring('003', 1, 8, '直接赋分'),
      errors: [{ messageId: 'satisfaction', line: 655, severity: 'warning' }],
    },
    {
      name: 'seed 003 政务服务热线回访率 scored 满意度赋分 (l.650)',
      doc: scoring('003', 1, 3, '满意度赋分'),
      errors: [{ messageId: 'notSatisfaction', line: 650, severity: 'warning' }],
    },
    {
      name: 'seed 002 经费保障月份 without a rule (l.591)',
      doc: scoring('002', 1, 5, undefined),
      errors: [{ messageId: 'missing', line: 591, severity: 'warning' }],
    },
  ],
})
