import type { Disclosure, TargetCount } from '../../model/index.ts'
import type { Para, Source } from './text.ts'

type Performance = Disclosure['performance']

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元)`
const AMOUNT = new RegExp(String.raw`涉及(?:预算)?(?:资金)?(?:金额)?(?:为)?${NUM}`)
const COUNT = /(?:共)?(\d+)个/
const NOTE = /(?:未|不|暂未)公开(?:的)?(?:项目)?绩效目标(?:表)?(?:的)?原因|绩效目标(?:表)?未公开/
const CLAUSE = /[^;；。]+/g
const AFTER_QIZHONG = /(?<=其中[:：])/
const ABOUT_TARGETS = /绩效目标|项目/
const DIGIT = /\d/
const KINDS: [RegExp, TargetCount['kind']][] = [
  [/整体/, 'department'],
  [/非财政拨款项目/, 'nonfiscal_project'],
  [/财政拨款项目/, 'fiscal_project'],
  [/项目/, 'project'],
]

/**
 * Read 预算绩效情况 sentences: the counts (`整体预算绩效目标 1 个，涉及金额 509.90 万元；当年财政拨款项目
 * 0 个…`), each clause one TargetCount, and the reasons a target table is not published. A count
 * stated twice (seed 001 l.799–801 and l.955) is recorded twice.
 */
export function readPerformance(src: Source, p: Para, perf: Performance): void {
  const t = p.text
  if (NOTE.test(t)) perf.notes.push({ value: t, place: src.place(p, 0, t.length) })
  // Clauses: split at ；。 and at 其中：, which introduces the fiscal / non-fiscal split of a project count.
  CLAUSE.lastIndex = 0
  for (let m = CLAUSE.exec(t); m; m = CLAUSE.exec(t)) {
    let from = m.index
    for (const part of m[0].split(AFTER_QIZHONG)) {
      const a = from
      from += part.length
      if (!ABOUT_TARGETS.test(part) || !DIGIT.test(part)) continue
      if (NOTE.test(part) && !AMOUNT.test(part) && !COUNT.test(part)) continue
      const kind = KINDS.find(([k]) => k.test(part))?.[1]
      if (!kind) continue
      const c: TargetCount = { kind, text: part.replace(/^其中[:：]|具体情况见下表.*$/g, ''), place: src.place(p, a, a + part.length) }
      const n = COUNT.exec(part)
      const amt = AMOUNT.exec(part)
      // A count is `N 个` before the amount; a year or a number inside the amount is not one.
      if (n && (!amt || n.index < amt.index)) c.count = Number(n[1])
      if (amt) {
        const b = a + amt.index + amt[0].length - amt[1]!.length - amt[2]!.length
        const money = src.money(p, b, b + amt[1]!.length, amt[2] === '元' ? '元' : '万元')
        if (money) c.amount = money
      }
      if (c.count !== undefined || c.amount) perf.counts.push(c)
    }
  }
}
