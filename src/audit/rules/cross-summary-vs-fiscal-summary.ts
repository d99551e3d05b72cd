import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { cellSide, checkPairs, checkSame, expClasses, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

/** Income lines of 部门收支总体情况表 and the line of 财政拨款收支预算总体情况表 with the same money. */
const LINES: [string, string][] = [
  ['inc.general', 'inc.fiscal.general'],
  ['inc.gov_fund', 'inc.fiscal.gov_fund'],
  ['inc.state_capital', 'inc.fiscal.state_capital'],
  ['inc.carryover.fiscal', 'inc.carryover'],
  ['inc.carryover.fiscal.general', 'inc.carryover.general'],
  ['inc.carryover.fiscal.gov_fund', 'inc.carryover.gov_fund'],
  ['inc.carryover.fiscal.state_capital', 'inc.carryover.state_capital'],
]

/**
 * 部门收支总体情况表 agrees with 财政拨款收支预算总体情况表: each fiscal income line (一般公共预算,
 * 政府性基金, 国有资本经营, and their 结转) is the same in both, and no class spends more fiscal money
 * (表4 合计) than it spends in all (表1).
 *
 * Why: 表4 is the fiscal part of 表1 (财预〔2016〕143号 table set); the two are filled from one budget.
 */
export default defineRule({
  id: 'cross/summary-vs-fiscal-summary',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '部门收支总体情况表与财政拨款收支总体情况表一致：各财政拨款收入及结转相同，各类财政拨款支出不超过该类支出',
    description:
      'Each fiscal income line of the summary equals the same line of the fiscal summary; the fiscal expenditure of a function class (表4 合计) does not exceed its expenditure in the summary.',
    basis: 'rules.md §3 items 1 and 3',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const summary = tableOf(disclosure, 'summary')
    const fiscal = tableOf(disclosure, 'fiscal_summary')
    if (!summary || !fiscal) return
    checkPairs(
      report,
      LINES.map(([a, b]): [Side | undefined, Side | undefined] => [cellSide(summary, a, 'amount'), cellSide(fiscal, b, 'total')]),
    )
    for (const c of expClasses(fiscal)) {
      const all = cellSide(summary, `exp.${c}`, 'amount')
      const part = cellSide(fiscal, `exp.${c}`, 'total')
      if (!all || !part) continue
      checkSame(report, all, { ...part, value: { parts: [part.value.stated!], partial: true } })
    }
  },
})
