import rule from '../../../src/audit/rules/cross-summary-vs-expenditure.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 001 summary exp.208 +1.00 against the 208 rows of 表3',
      doc: mutate(seed('001'), ['tables', 'summary', 'rows', 'exp.208', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'exp.208', 'amount'], line: 38 }],
    },
    {
      name: 'seed 003 表3 合计 -1.00 against 支出总计',
      doc: mutate(seed('003'), ['tables', 'expenditure', 'rows', 'total', 'total'], -1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'exp.total', 'amount'] }],
    },
  ],
})
