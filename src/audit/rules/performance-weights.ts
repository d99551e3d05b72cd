import type { TargetTable } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'

/** 100ths of a point, to add weights such as 7.5 exactly. */
const h = (w: number): number => Math.round(w * 100)
const points = (n: number): string => String(n / 100)

/** A table's name for messages. */
export const targetName = (t: TargetTable): string => (t.kind === 'department' ? `部门整体绩效目标表${t.name ? `（${t.name}）` : ''}` : `项目支出绩效目标表「${t.name ?? ''}」`)

/**
 * The 分值权重 of a target table sum to 90: the other 10 points are reserved for 预算执行率 in
 * the year-end self-evaluation (预算执行情况 10 分, 绩效指标 90 分). A table that lists a
 * 预算执行率 row itself may sum to 100. Rows without a weight leave the sum unchecked unless it already exceeds 90.
 */
export default defineRule({
  id: 'performance/weights',
  category: 'performance',
  severity: 'error',
  docs: {
    summary: '绩效目标表各指标分值权重合计 90 分',
    basis:
      'rules.md §4.2：新疆模板各绩效目标表权重合计均为 90（seeds 001–003）；其余 10 分留给预算执行率——绩效自评表“预算执行情况(10分)”“绩效指标(90分)”（青神县 2023 自评表，www.scqs.gov.cn/info/13206/211004.htm）；《项目支出绩效评价管理办法》(财预〔2020〕10号)',
  },
  messages: {
    sum: '{table}的分值权重合计 {actual} 分，应为 90 分（另 10 分为预算执行率）',
  },
  messagesEn: {
    sum: 'The weights of {table} add to {actual}; they should add to 90 (10 points are reserved for the budget execution rate)',
  },
  check(d, report) {
    d.performance.tables.forEach((t, ti) => {
      const weighted = t.indicators.filter((i) => i.weight !== undefined)
      if (weighted.length === 0) return
      const sum = weighted.reduce((a, i) => a + h(i.weight ?? 0), 0)
      const execution = t.indicators.some((i) => /预算执行率|资金执行率/.test(i.name))
      if (sum === 9000 || (execution && sum === 10000)) return
      // A row without a weight (lost by the layout, as seed 001 l.911–919 prints 17 apart from its row)
      // leaves the sum unknown unless it is already too large.
      if (weighted.length < t.indicators.length && sum < 9000) return
      report({
        messageId: 'sum',
        data: { table: targetName(t), actual: points(sum) },
        place: t.place ?? t.indicators[0]?.place,
        path: ['performance', 'tables', ti],
        actual: points(sum),
        expected: '90',
        related: weighted.map((i) => ({ message: `${i.name} ${i.weight}`, place: i.place, path: ['performance', 'tables', ti, 'indicators', t.indicators.indexOf(i), 'weight'] })),
      })
    })
  },
})
