import { defineRule } from '../define-rule.ts'
import { codeTree, tableOf } from '../figures.ts'
import { cellSide, checkPairs, codeSide, columnSide, expClasses, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

const FUNDS = [
  { table: 'gov_fund', column: 'gov_fund' },
  { table: 'state_capital', column: 'state_capital' },
] as const

/**
 * 政府性基金预算支出情况表 and 国有资本经营预算支出情况表 agree with their columns of
 * 财政拨款收支预算总体情况表 (支出总计 and each class). An empty fund table is zero, so fund
 * money stated in 表4 with an empty fund table is reported.
 *
 * Why: the fund tables break the fund columns of 表4 down by function (财预〔2016〕143号 tables).
 */
export default defineRule({
  id: 'cross/fund-tables-vs-fiscal-summary',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '政府性基金、国有资本经营预算支出情况表与财政拨款收支总体情况表相应列（支出总计及各类）一致',
    basis: 'rules.md §3; 财预〔2016〕143号',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const fiscal = tableOf(disclosure, 'fiscal_summary')
    for (const fund of FUNDS) {
      const table = tableOf(disclosure, fund.table)
      if (!table) continue
      const pairs: [Side | undefined, Side | undefined][] = [
        [columnSide(table, 'total'), cellSide(fiscal, 'exp.total', fund.column)],
      ]
      for (const c of expClasses(fiscal)) {
        const side = cellSide(fiscal, `exp.${c}`, fund.column)
        // Compare only where the fiscal table states money for this fund or the fund table prints the class.
        if (side?.value.stated?.cell || codeTree(table).some((n) => n.code.startsWith(c))) pairs.push([side, codeSide(table, c, 'total')])
      }
      checkPairs(report, pairs)
    }
  },
})
