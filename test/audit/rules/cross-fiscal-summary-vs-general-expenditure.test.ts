import rule from '../../../src/audit/rules/cross-fiscal-summary-vs-general-expenditure.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 002 表4 exp.210 一般公共预算 +1.00',
      doc: mutate(seed('002'), ['tables', 'fiscal_summary', 'rows', 'exp.210', 'general'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'fiscal_summary', 'rows', 'exp.210', 'general'] }],
    },
    {
      name: 'seed 001 表5 2101103 合计 +1.00 against 表4 exp.210',
      doc: mutate(seed('001'), ['tables', 'general_expenditure', 'rows', '2101103', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'fiscal_summary', 'rows', 'exp.210', 'general'] }],
    },
  ],
})
