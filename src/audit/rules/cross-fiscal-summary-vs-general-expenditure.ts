import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { cellSide, checkPairs, codeSide, columnSide, expClasses, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

/**
 * The 一般公共预算 column of 财政拨款收支预算总体情况表 agrees with 一般公共预算支出情况表: each
 * class equals that class's 合计, and 支出总计 equals its 合计.
 *
 * Why: rules.md §3 item 3 (表4 general column = 表5 class totals, all seeds).
 */
export default defineRule({
  id: 'cross/fiscal-summary-vs-general-expenditure',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '财政拨款收支总体情况表一般公共预算列 = 一般公共预算支出情况表各类合计',
    basis: 'rules.md §3 item 3',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const fiscal = tableOf(disclosure, 'fiscal_summary')
    const general = tableOf(disclosure, 'general_expenditure')
    if (!fiscal || !general) return
    const pairs: [Side | undefined, Side | undefined][] = []
    for (const c of expClasses(fiscal)) pairs.push([cellSide(fiscal, `exp.${c}`, 'general'), codeSide(general, c, 'total')])
    pairs.push([cellSide(fiscal, 'exp.total', 'general'), columnSide(general, 'total')])
    checkPairs(report, pairs)
  },
})
