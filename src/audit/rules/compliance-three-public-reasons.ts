import { defineRule } from '../define-rule.ts'
import { classify, placeOfClaim, tableOf, yuan } from './narrative-support.ts'

/**
 * The 三公 narrative explains each increase or decrease with a reason (主要原因…). A change of
 * 0.00 needs none; the total's change is explained when every changed item has its reason, and a
 * single reason given for the whole paragraph explains all its changes. A
 * disclosure that prints the 三公 table but says nothing of 三公 is also reported.
 */
export default defineRule({
  id: 'compliance/three-public-reasons',
  category: 'compliance',
  severity: 'error',
  docs: {
    summary: '“三公”经费增减变化说明原因',
    basis: '“三公”经费分项公开并说明增减变化原因（rules.md §2.1，财预〔2016〕143号 标准目录）',
  },
  messages: {
    noReason: '“三公”经费「{subject}」{verb} {change} 万元，未说明原因',
    noNarrative: '公开了「财政拨款“三公”经费支出情况表」，但情况说明未说明“三公”经费',
  },
  messagesEn: {
    noReason: 'The three-public item “{subject}” changes by {change} (10k yuan) with no reason given',
    noNarrative: 'The three-public table is published but the narrative says nothing about three-public funds',
  },
  check(d, report) {
    const tp = classify(d).filter((c) => c.group === 'three_public' && c.role?.startsWith('three_public'))
    if (tp.length === 0) {
      const t = tableOf(d, 'three_public')
      if (t && d.claims.length > 0) report({ messageId: 'noNarrative', severity: 'warning', place: t.place, path: ['tables', 'three_public'] })
      return
    }
    const items = tp.filter((c) => c.role !== 'three_public.total')
    // One reason for the whole 三公 paragraph (`…其中：…；公务用车… 8.00 万元。主要原因是厉行节约。`) explains
    // every change in it; where the reasons are given item by item (seeds 001–003), each change needs its own.
    if (tp.filter((c) => c.claim.reason).length === 1) return
    for (const c of tp) {
      const change = c.claim.change
      if (!change || change.fen === 0 || c.claim.reason) continue
      // The total is explained by its items' reasons.
      if (c.role === 'three_public.total' && items.some((i) => i.claim.reason) && items.every((i) => !i.claim.change || i.claim.change.fen === 0 || i.claim.reason)) continue
      report({
        messageId: 'noReason',
        data: { subject: c.claim.subject, verb: change.fen > 0 ? '增加' : '减少', change: yuan(Math.abs(change.fen)) },
        place: placeOfClaim(c.claim, 'change'),
        path: [...c.path, 'change'],
      })
    }
  },
})
