import rule from '../../../src/audit/rules/sum-row-identity.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified (表5 has no 项目支出 column: read as zero)', doc: seed('001'), infos: [] },
    {
      name: 'seed 002 unmodified (表5 lost its 基本支出 column: one info, no error)',
      doc: seed('002'),
      infos: [{ messageId: 'columnNotStated', path: ['tables', 'general_expenditure'] }],
    },
    {
      name: 'seed 003 unmodified (表6 总计 996.10 + 161.34 = 1157.44 vs 1157.43: rounding)',
      doc: seed('003'),
      infos: [{ messageId: 'rounding', path: ['tables', 'general_basic', 'rows', 'total', 'total'], line: 348 }],
    },
  ],
  invalid: [
    {
      name: 'seed 001 三公 公务用车运行费 合计 +1.00 (a one-row table: one failing row is not a lost column)',
      doc: mutate(seed('001'), ['tables', 'three_public', 'rows', 'vehicles.operation', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'three_public', 'rows', 'vehicles.operation', 'total'], line: 547 }],
    },
    {
      name: 'seed 002 表3 2010350 基本支出 +1.00',
      doc: mutate(seed('002'), ['tables', 'expenditure', 'rows', '2010350', 'basic'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'expenditure', 'rows', '2010350', 'total'] }],
    },
    {
      name: 'seed 001 表2 2010306 单位资金 -0.50',
      doc: mutate(seed('001'), ['tables', 'income', 'rows', '2010306', 'unit'], -0.5),
      errors: [{ messageId: 'mismatch', path: ['tables', 'income', 'rows', '2010306', 'total'] }],
    },
    {
      name: 'seed 003 表6 30101 人员经费 +1.00',
      doc: mutate(seed('003'), ['tables', 'general_basic', 'rows', '30101', 'personnel'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_basic', 'rows', '30101', 'total'], line: 325 }],
    },
    {
      name: 'seed 001 表5 2010306 基本支出 +1.00 (blank 项目支出 is zero by context)',
      doc: mutate(seed('001'), ['tables', 'general_expenditure', 'rows', '2010306', 'basic'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_expenditure', 'rows', '2010306', 'total'] }],
    },
    {
      name: 'seed 002 表5 2010350 项目支出 +300.00 exceeds 合计 (basic column lost: lower bound)',
      doc: mutate(seed('002'), ['tables', 'general_expenditure', 'rows', '2010350', 'project'], 300),
      errors: [{ messageId: 'excess', path: ['tables', 'general_expenditure', 'rows', '2010350', 'total'] }],
    },
  ],
})
