import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { cellSide, checkPairs, checkSame, codeSide, columnSide, expClasses, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

/** Income lines of 部门收支总体情况表 and the column of 部门收入总体情况表 that holds the same money. */
const LINES: [string, string][] = [
  ['inc.total', 'total'],
  ['inc.general', 'fiscal.general'],
  ['inc.general.transfer', 'fiscal.general_transfer'],
  ['inc.gov_fund', 'fiscal.gov_fund'],
  ['inc.gov_fund.transfer', 'fiscal.gov_fund_transfer'],
  ['inc.state_capital', 'fiscal.state_capital'],
  ['inc.state_capital.transfer', 'fiscal.state_capital_transfer'],
  ['inc.special_account', 'special_account'],
  ['inc.unit', 'unit'],
  ['inc.carryover.fiscal', 'carryover.fiscal'],
  ['inc.carryover.nonfiscal', 'carryover.nonfiscal'],
]

/** Heading lines, their income-table column, and their 其中 lines. */
const SUBSETS: [string, string, string[]][] = [
  ['inc.general', 'fiscal.general', ['inc.general.own', 'inc.general.transfer']],
  ['inc.gov_fund', 'fiscal.gov_fund', ['inc.gov_fund.own', 'inc.gov_fund.transfer']],
  ['inc.state_capital', 'fiscal.state_capital', ['inc.state_capital.own', 'inc.state_capital.transfer']],
  ['inc.unit', 'unit', ['inc.unit.business', 'inc.unit.superior', 'inc.unit.subordinate', 'inc.unit.operating', 'inc.unit.other']],
]

/**
 * 部门收支总体情况表 agrees with 部门收入总体情况表: each function class on the expenditure side
 * equals that class's 总计 in the income table, and each income line equals the total of its
 * column (一般公共预算拨款 = 一般公共预算 column, 单位资金 = 单位资金 column, 收入总计 = 总计).
 *
 * Why: both tables present the same budget, one by source and one by function (rules.md §3 item 3).
 */
export default defineRule({
  id: 'cross/summary-vs-income',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '部门收支总体情况表与部门收入总体情况表一致：各类支出 = 收入表该类总计，各项收入 = 收入表该列合计',
    description:
      'Each function class of the summary equals the class total of the income table; each income line equals the total of the income-table column for the same source. ' +
      'Where a heading line is not printed, its 其中 lines stand for it: equal to the column when all are printed, at most the column otherwise.',
    basis: 'rules.md §3 item 3',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const summary = tableOf(disclosure, 'summary')
    const income = tableOf(disclosure, 'income')
    if (!summary || !income) return
    const pairs: [Side | undefined, Side | undefined][] = []
    for (const c of expClasses(summary)) pairs.push([cellSide(summary, `exp.${c}`, 'amount'), codeSide(income, c, 'total')])
    for (const [line, column] of LINES) pairs.push([cellSide(summary, line, 'amount'), columnSide(income, column)])
    checkPairs(report, pairs)
    // Where a heading line is lost (seed 001 表1 keeps only 其中：一般财力 and 其他收入), its 其中 lines stand for it.
    for (const [heading, column, subs] of SUBSETS) {
      if (cellSide(summary, heading, 'amount')) continue
      const whole = columnSide(income, column)
      const parts = subs.map((k) => cellSide(summary, k, 'amount')).filter((s): s is Side => !!s)
      if (!whole || parts.length === 0) continue
      checkSame(report, whole, {
        // All 其中 lines printed (blank ones are zero): they add up to the lost heading exactly.
        value: { parts: parts.map((p) => p.value.stated!), partial: parts.length < subs.length },
        where: parts.map((p) => p.where).join(' + '),
        whereEn: parts.map((p) => p.whereEn).join(' + '),
        table: summary,
      })
    }
  },
})
