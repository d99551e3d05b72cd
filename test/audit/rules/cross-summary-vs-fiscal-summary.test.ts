import rule from '../../../src/audit/rules/cross-summary-vs-fiscal-summary.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified (表1 lost 一般公共预算拨款: nothing to pair)', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    { name: 'seed 003 unmodified (201: 910.03 of 912.02 is fiscal)', doc: seed('003'), infos: [] },
  ],
  invalid: [
    {
      name: 'seed 003 表1 一般公共预算拨款 +1.00 against 表4',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.general', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'inc.general', 'amount'], line: 130 }],
    },
    {
      name: 'seed 001 表4 exp.208 +1.00: more fiscal money than the class spends',
      doc: mutate(seed('001'), ['tables', 'fiscal_summary', 'rows', 'exp.208', 'total'], 1),
      errors: [{ messageId: 'excess', path: ['tables', 'summary', 'rows', 'exp.208', 'amount'], line: 38 }],
    },
  ],
})
