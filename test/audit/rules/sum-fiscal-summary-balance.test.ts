import rule from '../../../src/audit/rules/sum-fiscal-summary-balance.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

const at = (row: string, column: string) => ['tables', 'fiscal_summary', 'rows', row, column]

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    {
      name: 'seed 003 unmodified: 支出总计 1219.43 vs classes 1219.44 in both columns',
      doc: seed('003'),
      infos: [
        { messageId: 'rounding', path: at('exp.total', 'total'), line: 278 },
        { messageId: 'rounding', path: at('exp.total', 'general'), line: 278 },
      ],
    },
  ],
  invalid: [
    {
      name: 'seed 002 一般公共预算 income +1.00',
      doc: mutate(seed('002'), ['tables', 'fiscal_summary', 'rows', 'inc.fiscal.general', 'total'], 1),
      errors: [
        // 政府性基金预算 and 国有资本经营预算 are printed blank (L194–195): zero, so 财政拨款 must equal the sum.
        { messageId: 'mismatch', path: at('inc.fiscal', 'total') },
        // Seed 002 prints no 上年结转 lines at all: unknown, so the source balance is only a lower bound.
        { messageId: 'excess', path: at('exp.total', 'general') },
      ],
    },
    {
      name: 'seed 002 exp.210 一般公共预算 +1.00 (all 30 classes printed: the class sum is exact)',
      doc: mutate(seed('002'), ['tables', 'fiscal_summary', 'rows', 'exp.210', 'general'], 1),
      errors: [{ messageId: 'mismatch', path: at('exp.total', 'general') }],
    },
    {
      name: 'seed 003 支出总计 合计 -1.00 against 收入总计',
      doc: mutate(seed('003'), ['tables', 'fiscal_summary', 'rows', 'exp.total', 'total'], -1),
      errors: [
        { messageId: 'mismatch', path: at('inc.total', 'total') },
        { messageId: 'mismatch', path: at('exp.total', 'total') },
      ],
    },
  ],
})
