import { defineRule } from '../define-rule.ts'
import { cents, classify, compareMoney, placeOfClaim, relatedOf, sideOf, signed, yuan, type Side } from './narrative-support.ts'

/**
 * 机关运行经费 (or 单位/事业单位运行经费) equals the 公用经费 of 一般公共预算基本支出 when every unit
 * is an administrative or 参公 unit: seed 001 106.71 = 106.71, seed 002 39.26 = 39.26, seed 003
 * 161.34 = 161.34. It is smaller when 事业单位 are in the budget, so the rule is an inference and
 * reports a `warning`, never an error.
 */
export default defineRule({
  id: 'narrative/operating-costs',
  category: 'narrative',
  severity: 'warning',
  docs: {
    summary: '机关运行经费等于一般公共预算基本支出中的公用经费',
    basis: 'rules.md §3.6（推断规则：行政单位及参公单位的机关运行经费 = 公用经费；含事业单位时可不等）；名词解释“机关运行经费：指行政单位（含参照公务员法管理事业单位）的公用经费”',
  },
  messages: {
    differs: '机关运行经费 {actual} 万元，一般公共预算基本支出中的公用经费 {expected} 万元（差 {diff}）；全部为行政单位时两者应相等',
    rounding: '机关运行经费 {actual} 万元，公用经费明细之和 {expected} 万元（差 {cents} 分，舍入）',
  },
  messagesEn: {
    differs: 'Operating costs {actual} (10k yuan) differ from the public funds of basic general-budget expenditure {expected} (difference {diff}); they are equal when all units are administrative',
    rounding: 'Operating costs {actual} (10k yuan), the public-fund rows add to {expected} (difference {cents} cent(s), rounding)',
  },
  check(d, report) {
    const all = classify(d)
    const op = all.find((c) => c.role === 'operating' && c.claim.amount)
    if (!op?.claim.amount) return
    let side: Side | undefined = sideOf(d, 'basic.public')
    // Where the table prints no 合计 (seed 001), the narrative's own 公用经费 is the stated figure.
    const stated = all.find((c) => c.role === 'basic.public' && c.claim.amount)
    if ((!side || side.derived) && stated?.claim.amount)
      side = { fen: stated.claim.amount.fen, place: placeOfClaim(stated.claim), path: [...stated.path, 'amount'], label: `情况说明「${stated.claim.subject}」` }
    if (!side) return
    const cmp = compareMoney(op.claim.amount, side)
    if (!cmp) return
    const amount = op.claim.amount
    report({
      messageId: cmp.rounding ? 'rounding' : 'differs',
      ...(cmp.rounding ? { severity: 'info' as const } : {}),
      data: { actual: yuan(amount.fen), expected: yuan(side.fen), diff: signed(cmp.diff), cents: cents(cmp.diff) },
      place: placeOfClaim(op.claim),
      path: [...op.path, 'amount'],
      actual: yuan(amount.fen),
      expected: yuan(side.fen),
      related: [relatedOf(side)],
    })
  },
})
