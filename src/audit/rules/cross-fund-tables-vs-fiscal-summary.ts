import { defineRule } from '../define-rule.ts'
import { codeTree, tableOf } from '../figures.ts'
import { cellSide, checkPairs, checkSame, codeSide, columnSide, expClasses, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

const FUNDS = [
  {
    table: 'gov_fund',
    column: 'gov_fund',
    lines: [
      ['summary', 'inc.gov_fund', 'inc.carryover.fiscal.gov_fund'],
      ['fiscal_summary', 'inc.fiscal.gov_fund', 'inc.carryover.gov_fund'],
    ],
  },
  {
    table: 'state_capital',
    column: 'state_capital',
    lines: [
      ['summary', 'inc.state_capital', 'inc.carryover.fiscal.state_capital'],
      ['fiscal_summary', 'inc.fiscal.state_capital', 'inc.carryover.state_capital'],
    ],
  },
] as const

/**
 * 政府性基金预算支出情况表 and 国有资本经营预算支出情况表 agree with their columns of
 * 财政拨款收支预算总体情况表 (支出总计 and each class), and with their income lines (本年拨款 plus
 * 上年结转, in 表1 and 表4). An empty fund table is zero, so fund money stated elsewhere with an
 * empty fund table is reported.
 *
 * Why: the fund tables break the fund columns of 表4 down by function (财预〔2016〕143号 tables).
 */
export default defineRule({
  id: 'cross/fund-tables-vs-fiscal-summary',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '政府性基金、国有资本经营预算支出情况表与财政拨款收支总体情况表相应列（支出总计及各类）及相应收入（本年拨款 + 上年结转）一致',
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
      // The table spends this year's fund appropriation plus its carryover; without a stated carryover line the appropriation only bounds it.
      const total = columnSide(table, 'total')
      for (const [key, line, carry] of fund.lines) {
        const t = tableOf(disclosure, key)
        const column = key === 'summary' ? 'amount' : 'total'
        const income = cellSide(t, line, column)
        if (!total || !income || !t) continue
        const carried = cellSide(t, carry, column)
        const parts = [income, ...(carried ? [carried] : [])]
        checkSame(report, total, {
          value: { parts: parts.map((p) => p.value.stated!), partial: !carried },
          where: parts.map((p) => p.where).join(' + '),
          whereEn: parts.map((p) => p.whereEn).join(' + '),
          table: t,
        })
      }
    }
  },
})
