import { defineRule } from '../define-rule.ts'
import { tableOf } from '../figures.ts'
import { checkTwoSided, SUM_MESSAGES, SUM_MESSAGES_EN, type Relation } from '../sums.ts'

/**
 * The relations of 部门收支总体情况表 (facts.md income lines). The 其中 lines of each heading
 * partition it (一般财力 + 上级转移支付; the five kinds of 单位资金, 其他收入 last; the sources of
 * 结转), so they add up to it when all are printed; a line not printed leaves a lower bound.
 */
const SUMMARY_RELATIONS: Relation[] = [
  {
    total: 'inc.current',
    parts: ['inc.general', 'inc.gov_fund', 'inc.state_capital', 'inc.special_account', 'inc.unit'],
    what: '各项本年收入之和',
    whatEn: 'sum of the income lines',
  },
  { total: 'inc.general', parts: ['inc.general.own', 'inc.general.transfer'], what: '其中各项之和', whatEn: 'sum of its 其中 lines' },
  { total: 'inc.gov_fund', parts: ['inc.gov_fund.own', 'inc.gov_fund.transfer'], what: '其中各项之和', whatEn: 'sum of its 其中 lines' },
  { total: 'inc.state_capital', parts: ['inc.state_capital.own', 'inc.state_capital.transfer'], what: '其中各项之和', whatEn: 'sum of its 其中 lines' },
  {
    total: 'inc.unit',
    parts: ['inc.unit.business', 'inc.unit.superior', 'inc.unit.subordinate', 'inc.unit.operating', 'inc.unit.other'],
    what: '其中各项之和',
    whatEn: 'sum of its 其中 lines',
  },
  { total: 'inc.carryover', parts: ['inc.carryover.fiscal', 'inc.carryover.nonfiscal'], what: '结转结余各项之和', whatEn: 'sum of the carryover lines' },
  {
    total: 'inc.carryover.fiscal',
    parts: ['inc.carryover.fiscal.general', 'inc.carryover.fiscal.gov_fund', 'inc.carryover.fiscal.state_capital'],
    what: '其中各项之和',
    whatEn: 'sum of its 其中 lines',
  },
  {
    total: 'inc.carryover.nonfiscal',
    parts: ['inc.carryover.nonfiscal.special_account', 'inc.carryover.nonfiscal.unit'],
    what: '其中各项之和',
    whatEn: 'sum of its 其中 lines',
  },
  { total: 'inc.total', parts: ['inc.current', 'inc.carryover'], what: '本年收入与上年结转结余之和', whatEn: 'current income plus carryover' },
  { total: 'inc.total', parts: ['exp.total'], what: '支出总计', whatEn: 'total expenditure' },
]

/**
 * 部门收支总体情况表 balances: 收入总计 = 支出总计; 本年收入 = Σ its income lines; 收入总计 =
 * 本年收入 + 上年结转结余; 支出总计 = Σ 各类支出; the 其中 lines of a heading add up to it.
 *
 * Why: the table is a balance sheet of the budget (rules.md §3 item 1).
 */
export default defineRule({
  id: 'sum/summary-balance',
  category: 'arithmetic',
  severity: 'error',
  docs: {
    summary: '部门收支总体情况表收支平衡：收入总计 = 支出总计，本年收入 = 各项收入之和，支出总计 = 各类支出之和',
    description:
      'Income total equals expenditure total; current income equals the sum of its lines; income total equals current income plus carryover; ' +
      'expenditure total equals the sum of the function classes; the 其中 lines of a heading add up to it. A line printed blank is zero; ' +
      'a line not in the document at all (lost by the layout) is unknown, and a sum with an unknown line is only a lower bound.',
    basis: 'rules.md §3 item 1',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const table = tableOf(disclosure, 'summary')
    if (table) checkTwoSided(table, SUMMARY_RELATIONS, 'amount', report)
  },
})
