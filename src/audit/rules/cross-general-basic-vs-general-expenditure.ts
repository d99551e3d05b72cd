import { defineRule } from '../define-rule.ts'
import { centOfAll, fenOf, lostColumns, tableOf, type Figure } from '../figures.ts'
import { checkPairs, columnSide, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

/**
 * The 合计 of 一般公共预算基本支出情况表 equals the 基本支出 合计 of 一般公共预算支出情况表. Where
 * the layout lost the 基本支出 column (seed 002), 合计 − 项目支出 stands for it.
 *
 * Why: the same basic expenditure, by economic and by function classification (rules.md §3 item 4).
 */
export default defineRule({
  id: 'cross/general-basic-vs-general-expenditure',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '一般公共预算基本支出情况表合计 = 一般公共预算支出情况表基本支出合计',
    description: 'When the 基本支出 column of 一般公共预算支出情况表 was lost, its 合计 minus its 项目支出 is compared instead.',
    basis: 'rules.md §3 item 4',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const general = tableOf(disclosure, 'general_expenditure')
    let basic = columnSide(general, 'basic')
    if (!basic && general && lostColumns(general).has('basic')) basic = difference(general)
    checkPairs(report, [[columnSide(tableOf(disclosure, 'general_basic'), 'total'), basic]])
  },
})

/** 合计 − 项目支出 of 一般公共预算支出情况表, as one derived figure of two addends. */
function difference(general: NonNullable<ReturnType<typeof tableOf>>): Side | undefined {
  const total = columnSide(general, 'total')
  const project = columnSide(general, 'project')
  if (!total || !project || total.value.partial || project.value.partial) return undefined
  const figure: Figure = {
    fen: fenOf(total.value) - fenOf(project.value),
    table: general,
    column: 'basic',
    cent: centOfAll(total.value.stated, project.value.stated, ...total.value.parts, ...project.value.parts),
  }
  return {
    value: { parts: [figure, { ...figure, fen: 0 }], partial: false },
    where: `${total.where} − 项目支出`,
    whereEn: `${total.whereEn} − project`,
    table: general,
  }
}
