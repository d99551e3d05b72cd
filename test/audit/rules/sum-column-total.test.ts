import rule from '../../../src/audit/rules/sum-column-total.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

const total = (table: string, column: string) => ['tables', table, 'rows', 'total', column]

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified (no 合计 rows printed)', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    {
      name: 'seed 003 unmodified: the 0.01 rounding notes of 表2, 表3, 表5, 表6',
      doc: seed('003'),
      infos: [
        { messageId: 'rounding', path: total('income', 'total'), line: 201 },
        { messageId: 'rounding', path: total('income', 'fiscal.subtotal') },
        { messageId: 'rounding', path: total('income', 'fiscal.general') },
        { messageId: 'rounding', path: total('expenditure', 'total'), line: 236 },
        { messageId: 'rounding', path: total('expenditure', 'basic') },
        { messageId: 'rounding', path: total('general_expenditure', 'total'), line: 312 },
        { messageId: 'rounding', path: total('general_expenditure', 'basic') },
        { messageId: 'rounding', path: total('general_basic', 'public'), line: 348 },
      ],
    },
  ],
  invalid: [
    {
      name: 'seed 002 表6 302 公用经费 +1.00',
      doc: mutate(seed('002'), ['tables', 'general_basic', 'rows', '302', 'public'], 1),
      errors: [{ messageId: 'mismatch', path: total('general_basic', 'public') }],
    },
    {
      name: 'seed 002 表3 合计 row 项目支出 -2.00',
      doc: mutate(seed('002'), ['tables', 'expenditure', 'rows', 'total', 'project'], -2),
      errors: [{ messageId: 'mismatch', path: total('expenditure', 'project') }],
    },
    {
      name: 'seed 003 表11 委托业务费 project 合计 +1.00',
      doc: mutate(seed('003'), ['tables', 'entrusted', 'rows', 'project:部门专项-“12345”政务热线购买服务费', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: total('entrusted', 'total'), line: 425 }],
    },
  ],
})
