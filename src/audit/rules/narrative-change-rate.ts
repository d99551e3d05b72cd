import { defineRule } from '../define-rule.ts'
import { checkRate, classify, halfUlp, pct, percentStep, placeOfClaim, yuan } from './narrative-support.ts'

/**
 * 比上年增加/减少 X 万元，增长/下降 Y%: Y = X ÷ (current − X) × 100, rounded to two decimals.
 * Each printed amount stands for ±half its last digit, so a rate is wrong only when no inputs in
 * that box give it (`error`); one the box allows but the stated figures do not round to is a
 * rounding note (`info`). When last year's amount is zero (current = X) the rate is undefined;
 * the templates' habit of printing 增长 100.00% for a new item is a convention, reported as a
 * `warning` (seed 001 l.607, seed 002 l.371, seed 003 l.468).
 */
export default defineRule({
  id: 'narrative/change-rate',
  category: 'narrative',
  severity: 'error',
  docs: {
    summary: '增减率等于增减额除以上年数',
    basis: 'rules.md §3.10（增减额、增长/下降率可由本年数与上年数推出）；上年数 = 本年数 − 增减额',
  },
  messages: {
    wrong: '「{subject}」{verb} {actual}，{change} ÷ 上年 {prior} = {expected}',
    rounding: '「{subject}」{verb} {actual}，按所列数计算为 {expected}（在金额舍入范围内）',
    fromZero: '「{subject}」上年数为 0（本年 {amount} 万元全部为增加额），增长率无定义；写作 100.00% 是惯例而非计算结果',
    undefinedRate: '「{subject}」上年数为 0，增长率无定义，却写作 {actual}',
  },
  messagesEn: {
    wrong: '“{subject}” rate {actual}; {change} ÷ last year {prior} = {expected}',
    rounding: '“{subject}” rate {actual}; the stated figures give {expected} (within the rounding of the amounts)',
    fromZero: '“{subject}”: last year was 0 (the whole {amount} is the increase), so the growth rate is undefined; 100.00% is a convention, not a computed rate',
    undefinedRate: '“{subject}”: last year was 0, so the growth rate is undefined, yet it is stated as {actual}',
  },
  check(d, report) {
    for (const c of classify(d)) {
      const { amount, change, rate } = c.claim
      if (!amount || !change || !rate) continue
      const res = checkRate(change.fen, amount.fen, rate.hundredths, halfUlp(change), halfUlp(amount), percentStep(rate))
      const prior = amount.fen - change.fen
      const base = {
        place: placeOfClaim(c.claim, 'rate'),
        path: [...c.path, 'rate'],
        actual: pct(rate.hundredths),
        related: [{ message: `${c.claim.subject} ${yuan(amount.fen)} 万元，增减 ${yuan(change.fen)} 万元`, place: placeOfClaim(c.claim, 'change'), path: [...c.path, 'change'] }],
      }
      const data = { subject: c.claim.subject, verb: rate.hundredths < 0 ? '下降' : '增长', actual: pct(rate.hundredths), change: yuan(change.fen), prior: yuan(prior), amount: yuan(amount.fen) }
      if (res.kind === 'exact') continue
      if (res.kind === 'undefined') {
        if (prior !== 0) continue // last year within rounding of zero: any rate is possible
        if (change.fen === 0 && rate.hundredths === 0) continue // 0 → 0, 增长 0.00%: nothing changed
        report({ ...base, severity: 'warning', messageId: rate.hundredths === 10000 ? 'fromZero' : 'undefinedRate', data })
        continue
      }
      report({
        ...base,
        ...(res.kind === 'rounding' ? { severity: 'info' as const } : {}),
        messageId: res.kind === 'rounding' ? 'rounding' : 'wrong',
        data: { ...data, expected: pct(res.expected) },
        expected: pct(res.expected),
      })
    }
  },
})
