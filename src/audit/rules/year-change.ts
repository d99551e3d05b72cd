import type { Disclosure } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { CENT, classify, norm, placeOfClaim, relatedOf, sideOf, signed, yuan, type Classified, type Side } from './narrative-support.ts'

/** Last year's figure for a role: its own narrative statement, else its table. */
function lastYear(prev: Disclosure, now: Classified, cache: Map<string, Side | undefined>): Side | undefined {
  const role = now.role!
  if (cache.has(role)) return cache.get(role)
  let side: Side | undefined
  const all = classify(prev).filter((x) => x.claim.amount)
  // The same role; else, for a 项 whose code one of the years could not resolve, the same names.
  const names = norm(now.claim.subject)
  const c =
    all.find((x) => x.role === role) ??
    (role.startsWith('general.item:') ? all.find((x) => x.role?.startsWith('general.item:') && norm(x.claim.subject) === names) : undefined)
  if (c?.claim.amount) side = { fen: c.claim.amount.fen, place: placeOfClaim(c.claim), path: [...c.path, 'amount'], label: `上年公开「${c.claim.subject}」` }
  else {
    const t = sideOf(prev, role)
    if (t && !t.derived) side = { ...t, label: `上年${t.label}` }
  }
  cache.set(role, side)
  return side
}

/**
 * With last year's disclosure of the same department (`yusuan audit THIS --previous LAST`), each
 * 比上年增加/减少 X 万元 equals this year's amount minus last year's published amount of the same
 * item (its narrative statement, else its table cell). A difference of one cent is `info` (an
 * item computed from unrounded 元), more is an `error`. A previous document of another department
 * or not of the year before is a `warning`, and nothing is compared.
 */
export default defineRule({
  id: 'year/change',
  category: 'year-over-year',
  severity: 'error',
  docs: {
    summary: '“比上年增减”与上年公开的预算数一致',
    basis: 'rules.md §3.10（增减额可由本年数与上年数推出）；上年数取上年部门预算公开文件（财预〔2016〕143号：公开内容真实、准确）',
  },
  messages: {
    mismatch: '「{subject}」比上年{verb} {change} 万元，本年 {amount} − 上年公开 {previous} = {expected}（差 {diff}）',
    rounding: '「{subject}」比上年{verb} {change} 万元，本年 {amount} − 上年公开 {previous} = {expected}（差 1 分，舍入）',
    otherDocument: '上年文件为「{prevDepartment}」{prevYear} 年，本文件为「{department}」{year} 年：不是同一部门的上一年度，未比较',
  },
  messagesEn: {
    mismatch: '“{subject}” changes by {change}; this year {amount} − last year {previous} = {expected} (difference {diff})',
    rounding: '“{subject}” changes by {change}; this year {amount} − last year {previous} = {expected} (difference one cent, rounding)',
    otherDocument: 'The previous document is “{prevDepartment}” {prevYear}, this one “{department}” {year}: not the same department’s previous year; nothing compared',
  },
  check(d, report, options) {
    const prev = options.previous
    if (!prev) return
    const squeeze = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '')
    const sameDept = !d.department || !prev.department || squeeze(d.department.value) === squeeze(prev.department.value)
    const yearOk = !d.year || !prev.year || prev.year.value === d.year.value - 1
    if (!sameDept || !yearOk) {
      report({
        messageId: 'otherDocument',
        severity: 'warning',
        data: { prevDepartment: prev.department?.value ?? '?', prevYear: prev.year?.value ?? '?', department: d.department?.value ?? '?', year: d.year?.value ?? '?' },
        place: prev.department?.place ?? prev.year?.place,
        path: ['previous'],
      })
      return
    }
    const cache = new Map<string, Side | undefined>()
    for (const c of classify(d)) {
      const { amount, change } = c.claim
      if (!c.role || !amount || !change) continue
      const last = lastYear(prev, c, cache)
      if (!last) continue
      const expected = amount.fen - last.fen
      const diff = change.fen - expected
      if (diff === 0) continue
      const rounding = Math.abs(diff) <= CENT
      report({
        messageId: rounding ? 'rounding' : 'mismatch',
        ...(rounding ? { severity: 'info' as const } : {}),
        data: {
          subject: c.claim.subject,
          verb: change.fen < 0 ? '减少' : '增加',
          change: yuan(Math.abs(change.fen)),
          amount: yuan(amount.fen),
          previous: yuan(last.fen),
          expected: signed(expected),
          diff: signed(diff),
        },
        place: placeOfClaim(c.claim, 'change'),
        path: [...c.path, 'change'],
        actual: signed(change.fen),
        expected: signed(expected),
        related: [relatedOf(last)],
      })
    }
  },
})
