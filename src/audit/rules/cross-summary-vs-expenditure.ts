import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { cellSide, checkPairs, codeSide, columnSide, expClasses, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

/**
 * 部门收支总体情况表 agrees with 部门支出总体情况表: each function class equals that class's 合计
 * in the expenditure table, and 支出总计 equals its 合计.
 *
 * Why: rules.md §3 item 3 (all seeds).
 */
export default defineRule({
  id: 'cross/summary-vs-expenditure',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '部门收支总体情况表与部门支出总体情况表一致：各类支出 = 支出表该类合计，支出总计 = 支出表合计',
    basis: 'rules.md §3 item 3',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const summary = tableOf(disclosure, 'summary')
    const expenditure = tableOf(disclosure, 'expenditure')
    if (!summary || !expenditure) return
    const pairs: [Side | undefined, Side | undefined][] = []
    for (const c of expClasses(summary)) pairs.push([cellSide(summary, `exp.${c}`, 'amount'), codeSide(expenditure, c, 'total')])
    pairs.push([cellSide(summary, 'exp.total', 'amount'), columnSide(expenditure, 'total')])
    checkPairs(report, pairs)
  },
})
