import type { Indicator } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { targetName } from './performance-weights.ts'

const PROPORTIONAL = /完成比例|完成率|比例赋分/
const SATISFACTION_RULE = /满意度/
const isSatisfaction = (i: Indicator): boolean => /满意度/.test(`${i.level1 ?? ''}${i.level2 ?? ''}${i.name}`)
/** A 指标值 with no number to take a ratio of: 提升, 保障, 有效提高 (a date is not qualitative). */
const qualitative = (i: Indicator): boolean => i.qualitative && !/\d/.test(i.target)

/**
 * Each indicator row of a project target table carries a 赋分规则 that fits its 指标值
 * (rules.md §4.3): a qualitative value (提升, 保障, 有效提高) has no number to take a completion ratio
 * of, so 按照完成比例赋分 cannot score it (error); a 满意度指标 is scored by 满意度赋分 and only it
 * is (warning: the pairing is inferred from the seeds); a row without a rule is a warning.
 */
export default defineRule({
  id: 'performance/scoring',
  category: 'performance',
  severity: 'error',
  docs: {
    summary: '绩效指标的赋分规则与指标值相符',
    basis:
      'rules.md §4.3：按照完成比例赋分用于定量指标（得分 = 权重 × 完成比例，项目支出绩效自评表说明 biz.doczj.com/doc/174893555.html）；定性指标按评判等级赋分；满意度指标用满意度赋分（推断）',
  },
  messages: {
    proportional: '{table}的指标「{indicator}」指标值“{target}”没有数值，不能按照完成比例赋分（应按评判等级赋分）',
    satisfaction: '{table}的满意度指标「{indicator}」用“{scoring}”，应为满意度赋分',
    notSatisfaction: '{table}的指标「{indicator}」不是满意度指标，却用满意度赋分',
    missing: '{table}的指标「{indicator}」没有赋分规则',
  },
  messagesEn: {
    proportional: 'Indicator “{indicator}” of {table} has the qualitative value “{target}”, which cannot be scored by completion ratio (use graded scoring)',
    satisfaction: 'Satisfaction indicator “{indicator}” of {table} is scored by “{scoring}”; expected satisfaction scoring',
    notSatisfaction: 'Indicator “{indicator}” of {table} is not a satisfaction indicator but is scored by satisfaction',
    missing: 'Indicator “{indicator}” of {table} has no scoring rule',
  },
  check(d, report) {
    d.performance.tables.forEach((t, ti) => {
      // Only tables with a 赋分规则 column (the project form; the department form has none).
      if (!t.indicators.some((i) => i.scoring)) return
      t.indicators.forEach((i, ii) => {
        const at = { place: i.place ?? t.place, path: ['performance', 'tables', ti, 'indicators', ii, 'scoring'] }
        const data = { table: targetName(t), indicator: i.name, target: i.target, scoring: i.scoring ?? '' }
        if (!i.scoring) return report({ messageId: 'missing', severity: 'warning', data, ...at })
        if (qualitative(i) && PROPORTIONAL.test(i.scoring)) return report({ messageId: 'proportional', data, ...at })
        if (isSatisfaction(i) && !SATISFACTION_RULE.test(i.scoring)) return report({ messageId: 'satisfaction', severity: 'warning', data, ...at })
        if (!isSatisfaction(i) && SATISFACTION_RULE.test(i.scoring)) return report({ messageId: 'notSatisfaction', severity: 'warning', data, ...at })
      })
    })
  },
})
