import rule from '../../../src/audit/rules/cross-fund-tables-vs-fiscal-summary.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { fill, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 003 表4 exp.208 政府性基金 5.00 while 表8 is empty',
      doc: fill(seed('003'), ['tables', 'fiscal_summary', 'rows', 'exp.208', 'gov_fund'], 5),
      errors: [{ messageId: 'mismatch', path: ['tables', 'fiscal_summary', 'rows', 'exp.208', 'gov_fund'] }],
    },
    {
      name: 'seed 002 表4 支出总计 国有资本经营预算 3.00 while 表9 is empty',
      doc: fill(seed('002'), ['tables', 'fiscal_summary', 'rows', 'exp.total', 'state_capital'], 3),
      errors: [{ messageId: 'mismatch', path: ['tables', 'fiscal_summary', 'rows', 'exp.total', 'state_capital'] }],
    },
    {
      name: 'seed 002 表1 政府性基金预算拨款 2.00 while 表8 is empty',
      doc: addLine(seed('002'), 'inc.gov_fund', 2),
      // 表1 prints the 结转 line of 政府性基金 blank: zero, so the fund table must hold exactly 2.00.
      errors: [{ messageId: 'mismatch', path: ['tables', 'summary', 'rows', 'inc.gov_fund', 'amount'] }],
    },
  ],
})

/** Seed with one more income line in 表1 (a line the seed leaves blank). */
function addLine(d: ReturnType<typeof seed>, key: string, value: number) {
  const summary = d.tables.find((t) => t.key === 'summary')!
  summary.rows.push({ key, label: key, cells: [] })
  return fill(d, ['tables', 'summary', 'rows', key, 'amount'], value)
}
