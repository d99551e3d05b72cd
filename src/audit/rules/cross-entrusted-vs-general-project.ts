import { defineRule } from '../define-rule.ts'
import { centOfAll, figure, money, signed, tableOf } from '../figures.ts'
import { atOf, where, whereEn } from '../sums.ts'

const bare = (s: string): string => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')

/**
 * Each project of 财政拨款委托业务费支出情况表 is at most the amount of the project of the same
 * name in 一般公共预算项目支出情况表 (its 一般公共预算 column against the project's 合计).
 *
 * Why: 委托业务费 is spent through projects; seed 003's only entrusted project (62.00) is the whole
 * of the 62.00 project of 表7 (rules.md §3 item 9). A project may buy more than entrusted services,
 * so only an excess is wrong.
 */
export default defineRule({
  id: 'cross/entrusted-vs-general-project',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '委托业务费表各项目（一般公共预算）不超过一般公共预算项目支出情况表同名项目的合计',
    basis: 'rules.md §3 item 9',
  },
  messages: {
    exceeds: '{where} 为 {actual}，超过了{other}（{expected}，差 {diff}）',
  },
  messagesEn: {
    exceeds: '{whereEn} is {actual}, more than {otherEn} ({expected}, difference {diff})',
  },
  check(disclosure, report) {
    const entrusted = tableOf(disclosure, 'entrusted')
    const project = tableOf(disclosure, 'general_project')
    if (!entrusted || !project) return
    for (const row of entrusted.rows) {
      if (!row.key.startsWith('project:')) continue
      const name = bare(row.key.slice('project:'.length))
      const target = project.rows.find((r) => r.key.includes('/') && bare(r.key.slice(r.key.indexOf('/') + 1)) === name)
      const a = figure(entrusted, row, 'general')
      const b = figure(project, target, 'total')
      if (!a?.cell || !b?.cell) continue
      if (a.fen - b.fen <= centOfAll(a, b)) continue
      report({
        messageId: 'exceeds',
        data: {
          where: where(entrusted, row, 'general'),
          whereEn: whereEn(entrusted, row, 'general'),
          other: where(project, target, 'total'),
          otherEn: whereEn(project, target, 'total'),
          actual: money(a.fen),
          expected: money(b.fen),
          diff: signed(a.fen - b.fen),
        },
        at: atOf(a),
        actual: money(a.fen),
        expected: money(b.fen),
        related: [{ message: `${where(project, target, 'total')} ${money(b.fen)}`, messageEn: `${whereEn(project, target, 'total')} ${money(b.fen)}`, at: atOf(b) }],
      })
    }
  },
})
