import { defineRule } from '../define-rule.ts'
import { classify, pct, percentStep, placeOfClaim, shareHundredths, sideOf, yuan, type Classified } from './narrative-support.ts'

/** The total a group's shares are taken of: 收入预算, 支出预算, 一般公共预算拨款合计, … */
const BASE_ROLE: Record<string, string> = {
  income: 'income.total',
  expenditure: 'expenditure.total',
  general: 'general.total',
  fiscal: 'fiscal.total',
  basic: 'basic.total',
  overall: 'overall.total',
  three_public: 'three_public.total',
  entrusted: 'entrusted.total',
}

/**
 * Each 占 x% equals amount ÷ base, correctly rounded to two decimals, where the base is the total
 * of its statement group (income sources of 收入预算, 基本/项目 of 支出预算, classes of
 * 一般公共预算拨款合计). Exact arithmetic on fen: a share is wrong only if it differs from the
 * correctly rounded value. Shares that are each right but add to 100.01% or 99.99% are a rounding
 * note (`info`), not an error (seed 002 l.423–429: 93.79 + 2.77 + 1.18 + 2.27 = 100.01).
 */
export default defineRule({
  id: 'narrative/share',
  category: 'narrative',
  severity: 'error',
  docs: {
    summary: '占比等于金额除以合计（正确舍入到两位小数）',
    basis: 'rules.md §3.10（占比可由表中数重算；seed 003 l.503 卫生健康支出 4.25% 应为 4.26%）',
  },
  messages: {
    wrong: '「{subject}」占 {actual}，{amount} ÷ {base} = {expected}',
    sum: '{count} 项占比合计 {sum}（各项均已正确舍入，舍入差 {diff}）',
  },
  messagesEn: {
    wrong: '“{subject}” share {actual}; {amount} ÷ {base} = {expected}',
    sum: '{count} shares add to {sum} (each correctly rounded; rounding difference {diff})',
  },
  check(d, report) {
    const all = classify(d)
    const groups = new Map<Classified | string, { base: number; parts: Classified[]; right: boolean; amounts: number }>()
    all.forEach((c, i) => {
      const share = c.claim.share
      const amount = c.claim.amount
      if (!share || !amount || c.role?.endsWith('.total')) return
      // The base: the nearest total claim of the group before it, else the table's total.
      const baseRole = BASE_ROLE[c.group]
      let baseClaim: Classified | undefined
      for (let j = i - 1; j >= 0; j--) {
        const b = all[j]!
        if (b.role === baseRole && b.claim.amount) {
          baseClaim = b
          break
        }
      }
      const base = baseClaim?.claim.amount?.fen ?? (baseRole ? sideOf(d, baseRole)?.fen : undefined)
      if (base === undefined || base <= 0) return
      const expected = shareHundredths(amount.fen, base, percentStep(share))
      const key = baseClaim ?? baseRole ?? c.group
      const g = groups.get(key) ?? { base, parts: [], right: true, amounts: 0 }
      groups.set(key, g)
      g.parts.push(c)
      g.amounts += amount.fen
      if (expected === share.hundredths) return
      g.right = false
      const related = baseClaim
        ? [{ message: `${baseClaim.claim.subject} ${yuan(base)} 万元`, place: placeOfClaim(baseClaim.claim), path: [...baseClaim.path, 'amount'] }]
        : []
      report({
        messageId: 'wrong',
        data: { subject: c.claim.subject, actual: pct(share.hundredths), amount: yuan(amount.fen), base: yuan(base), expected: pct(expected) },
        place: placeOfClaim(c.claim, 'share'),
        path: [...c.path, 'share'],
        actual: pct(share.hundredths),
        expected: pct(expected),
        related,
      })
    })
    for (const g of groups.values()) {
      if (!g.right || g.parts.length < 2) continue
      const sum = g.parts.reduce((a, c) => a + (c.claim.share?.hundredths ?? 0), 0)
      const diff = sum - 10000
      // Only a complete group (its amounts add to the base within a cent each) should reach 100%.
      if (diff === 0 || Math.abs(diff) > g.parts.length || Math.abs(g.amounts - g.base) > g.parts.length * 10_000) continue
      const first = g.parts[0]!
      report({
        messageId: 'sum',
        severity: 'info',
        data: { count: g.parts.length, sum: pct(sum), diff: (diff > 0 ? '+' : '') + pct(diff) },
        place: placeOfClaim(first.claim, 'share'),
        path: [...first.path, 'share'],
        actual: pct(sum),
        expected: pct(10000),
        related: g.parts.slice(1).map((c) => ({ message: `${c.claim.subject} ${pct(c.claim.share?.hundredths ?? 0)}`, place: placeOfClaim(c.claim, 'share'), path: [...c.path, 'share'] })),
      })
    }
  },
})
