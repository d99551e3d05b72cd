import rule from '../../../src/audit/rules/cross-general-basic-vs-general-expenditure.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 003 表6 总计 合计 +1.00 against 表5 基本支出 总计',
      doc: mutate(seed('003'), ['tables', 'general_basic', 'rows', 'total', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_basic', 'rows', 'total', 'total'], line: 348 }],
    },
    {
      name: 'seed 001 表6 30199 +1.00: the sum of 表6 rows against the sum of 表5 基本支出',
      doc: mutate(seed('001'), ['tables', 'general_basic', 'rows', '30199', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_basic'] }],
    },
  ],
})
