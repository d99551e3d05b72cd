import { defineRule } from '../define-rule.ts'
import { figure, rowOf, tableOf, type Figure } from '../figures.ts'
import { checkSum, checkTwoSided, SUM_MESSAGES, SUM_MESSAGES_EN, type Relation } from '../sums.ts'

const SOURCES = ['general', 'gov_fund', 'state_capital'] as const

/** The income-side relations of 财政拨款收支预算总体情况表 (column `total`). */
const FISCAL_RELATIONS: Relation[] = [
  {
    total: 'inc.fiscal',
    parts: ['inc.fiscal.general', 'inc.fiscal.gov_fund', 'inc.fiscal.state_capital'],
    what: '各项财政拨款之和',
    whatEn: 'sum of the fiscal appropriation lines',
  },
  {
    total: 'inc.carryover',
    parts: ['inc.carryover.general', 'inc.carryover.gov_fund', 'inc.carryover.state_capital'],
    what: '各项上年结转之和',
    whatEn: 'sum of the carryover lines',
  },
  { total: 'inc.total', parts: ['inc.fiscal', 'inc.carryover'], what: '财政拨款与上年结转之和', whatEn: 'appropriations plus carryover' },
  { total: 'inc.total', parts: ['exp.total'], what: '支出总计', whatEn: 'total expenditure' },
]

/**
 * 财政拨款收支预算总体情况表 balances: 收入总计 = 支出总计 = 财政拨款 + 上年结转; each column of the
 * expenditure side sums its classes; each source's income (本年 + 结转) equals its expenditure column.
 *
 * Why: rules.md §3 item 1 holds for this table as for 部门收支总体情况表.
 */
export default defineRule({
  id: 'sum/fiscal-summary-balance',
  category: 'arithmetic',
  severity: 'error',
  docs: {
    summary: '财政拨款收支总体情况表收支平衡：收入总计 = 支出总计，各来源收入 = 该列支出，支出各列 = 各类之和',
    description:
      'Income total equals expenditure total and appropriations plus carryover; each expenditure column equals the sum of its classes; ' +
      'for each source (一般公共预算, 政府性基金, 国有资本经营) the appropriation plus its carryover equals the expenditure column.',
    basis: 'rules.md §3 items 1 and 3',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const table = tableOf(disclosure, 'fiscal_summary')
    if (!table) return
    checkTwoSided(table, FISCAL_RELATIONS, 'total', report)
    for (const source of SOURCES) checkTwoSided(table, [], source, report)
    // Each source: 本年拨款 + 上年结转 = its expenditure column (the 支出总计 cell, else Σ classes).
    for (const source of SOURCES) {
      const income = figure(table, rowOf(table, `inc.fiscal.${source}`), 'total')
      const carry = figure(table, rowOf(table, `inc.carryover.${source}`), 'total')
      const expTotal = figure(table, rowOf(table, 'exp.total'), source)
      if (!income || !expTotal) continue
      const parts: Figure[] = [income, ...(carry ? [carry] : [])]
      checkSum(report, {
        total: expTotal,
        parts,
        partial: !carry,
        what: '该来源本年拨款与上年结转之和',
        whatEn: 'appropriation plus carryover of this source',
      })
    }
  },
})
