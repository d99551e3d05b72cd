import rule from '../../../src/audit/rules/cross-summary-vs-income.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 002 summary exp.201 +1.00 against 表2 class 201',
      doc: mutate(seed('002'), ['tables', 'summary', 'rows', 'exp.201', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'exp.201', 'amount'] }],
    },
    {
      name: 'seed 003 summary 单位资金 +1.00 against 表2 单位资金 column',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.unit', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'inc.unit', 'amount'], line: 140 }],
    },
    {
      name: 'seed 001 表2 2080505 总计 +1.00: summary exp.208 against the sum of 表2 208 rows',
      doc: mutate(seed('001'), ['tables', 'income', 'rows', '2080505', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'exp.208', 'amount'] }],
    },
    {
      name: 'seed 001 其中：其他收入 +1.00 against the 单位资金 column (heading line lost, the other 其中 lines printed blank)',
      doc: mutate(seed('001'), ['tables', 'summary', 'rows', 'inc.unit.other', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'income', 'rows', '2010306', 'unit'], line: 161 }],
    },
    {
      name: 'seed 001 其中：一般财力 -1.00 against the 一般公共预算 column',
      doc: mutate(seed('001'), ['tables', 'summary', 'rows', 'inc.general.own', 'amount'], -1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'inc.general.own', 'amount'], line: 28 }],
    },
  ],
})
