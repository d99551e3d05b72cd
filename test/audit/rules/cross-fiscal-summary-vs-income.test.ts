import rule from '../../../src/audit/rules/cross-fiscal-summary-vs-income.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: [
    {
      name: 'seed 001 unmodified: 一般公共预算 421.63 vs the 表2 column 421.64 (rounding)',
      doc: seed('001'),
      infos: [{ messageId: 'rounding', path: ['tables', 'fiscal_summary', 'rows', 'inc.fiscal.general', 'total'], line: 291 }],
    },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    { name: 'seed 003 unmodified', doc: seed('003'), infos: [] },
  ],
  invalid: [
    {
      name: 'seed 001 表4 一般公共预算 +1.00',
      doc: mutate(seed('001'), ['tables', 'fiscal_summary', 'rows', 'inc.fiscal.general', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'fiscal_summary', 'rows', 'inc.fiscal.general', 'total'], line: 291 }],
    },
    {
      name: 'seed 003 表2 合计 财政拨款小计 +1.00 against 表4 财政拨款（补助）',
      doc: mutate(seed('003'), ['tables', 'income', 'rows', 'total', 'fiscal.subtotal'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'fiscal_summary', 'rows', 'inc.fiscal', 'total'] }],
    },
  ],
})
