import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { checkPairs, columnSide, SUM_MESSAGES, SUM_MESSAGES_EN } from '../sums.ts'

/**
 * The 合计 of 一般公共预算基本支出情况表 equals the 基本支出 合计 of 一般公共预算支出情况表.
 *
 * Why: the same basic expenditure, by economic and by function classification (rules.md §3 item 4).
 */
export default defineRule({
  id: 'cross/general-basic-vs-general-expenditure',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '一般公共预算基本支出情况表合计 = 一般公共预算支出情况表基本支出合计',
    basis: 'rules.md §3 item 4',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    checkPairs(report, [[columnSide(tableOf(disclosure, 'general_basic'), 'total'), columnSide(tableOf(disclosure, 'general_expenditure'), 'basic')]])
  },
})
