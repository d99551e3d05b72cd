import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { cellSide, checkPairs, columnSide, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

const LINES: [string, string][] = [
  ['inc.fiscal', 'fiscal.subtotal'],
  ['inc.fiscal.general', 'fiscal.general'],
  ['inc.fiscal.gov_fund', 'fiscal.gov_fund'],
  ['inc.fiscal.state_capital', 'fiscal.state_capital'],
  ['inc.carryover', 'carryover.fiscal'],
]

/**
 * 财政拨款收支预算总体情况表 agrees with 部门收入总体情况表: 财政拨款（补助） = the 财政拨款小计
 * column, each source line = its column total, 上年结转 = 财政拨款结转.
 *
 * Why: the fiscal table restates the fiscal columns of the income table (seed 001: 一般公共预算
 * 421.63 against the column's 421.64, a rounding note).
 */
export default defineRule({
  id: 'cross/fiscal-summary-vs-income',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '财政拨款收支总体情况表收入与部门收入总体情况表各财政拨款列合计一致',
    basis: 'rules.md §3 items 1 and 3',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const fiscal = tableOf(disclosure, 'fiscal_summary')
    const income = tableOf(disclosure, 'income')
    if (!fiscal || !income) return
    const pairs: [Side | undefined, Side | undefined][] = LINES.map(([line, column]) => [cellSide(fiscal, line, 'total'), columnSide(income, column)])
    checkPairs(report, pairs)
  },
})
