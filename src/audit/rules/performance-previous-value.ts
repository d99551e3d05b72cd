import { defineRule } from '../define-rule.ts'
import { targetName } from './performance-weights.ts'

/** The unit of a printed value: what is left after the comparator and the number (`=165 个` → `个`). */
export function unitOf(value: string): string | undefined {
  const rest = value
    .replace(/\s+/g, '')
    .replace(/^(?:>=|<=|≥|≤|=|＝|>|<|不低于|不少于|不高于|不超过|大于等于|小于等于)/, '')
  const m = /^[+-]?\d[\d,.]*(.*)$/.exec(rest)
  if (!m) return undefined
  const unit = m[1]!.trim()
  // Only a plain unit; a date (2023年11月) or a phrase is not compared.
  return unit && !/[年月日前后底]/.test(unit.replace(/^个月$/, '')) && unit.length <= 6 ? unit : undefined
}

/** The base unit: `万元/季度` is measured in 万元 (a rate per period still counts money). */
const base = (u: string): string => u.split(/[/／]/)[0]!

/**
 * 上年完成值 is measured in the unit of its 指标值: a rate target (`>=90%`) with a last-year value
 * in hours (`24 小时`, seed 003 l.651) compares two different things. Dates and words are not
 * compared; `万元/季度` and `万元` share the base unit 万元. A plausibility check: `warning`.
 */
export default defineRule({
  id: 'performance/previous-value',
  category: 'performance',
  severity: 'warning',
  docs: {
    summary: '上年完成值与指标值的计量单位一致',
    basis: 'rules.md §4.1（项目支出绩效目标表：指标值、上年完成值同一指标）；seed 003 notes #15（>=90% 对 24 小时）',
  },
  messages: {
    unit: '{table}的指标「{indicator}」指标值“{target}”以“{unit}”计，上年完成值“{previous}”却以“{previousUnit}”计',
  },
  messagesEn: {
    unit: 'Indicator “{indicator}” of {table}: the target “{target}” is in “{unit}” but last year’s value “{previous}” is in “{previousUnit}”',
  },
  check(d, report) {
    d.performance.tables.forEach((t, ti) => {
      t.indicators.forEach((i, ii) => {
        if (!i.previous || i.qualitative) return
        const unit = i.unit ?? unitOf(i.target)
        const previousUnit = unitOf(i.previous)
        if (!unit || !previousUnit || base(unit) === base(previousUnit)) return
        report({
          messageId: 'unit',
          data: { table: targetName(t), indicator: i.name, target: i.target, unit, previous: i.previous, previousUnit },
          place: i.place ?? t.place,
          path: ['performance', 'tables', ti, 'indicators', ii, 'previous'],
          actual: previousUnit,
          expected: unit,
        })
      })
    })
  },
})
