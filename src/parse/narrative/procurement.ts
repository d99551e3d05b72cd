import type { Procurement } from '../../model/index.ts'
import type { Para, Source } from './text.ts'

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元)`
const FIELDS: [keyof Omit<Procurement, 'place'>, RegExp][] = [
  // 政府采购预算 25.50 万元 — not 政府采购货物预算 nor 政府采购项目预算金额 (the reserved shares).
  ['total', new RegExp(String.raw`政府采购(?:预算|支出)?(?:总额|金额)?(?:为|共计|合计)?${NUM}`)],
  ['goods', new RegExp(String.raw`货物(?:类)?(?:采购)?(?:预算)?(?:金额)?(?:为)?${NUM}`)],
  ['works', new RegExp(String.raw`工程(?:类)?(?:采购)?(?:预算)?(?:金额)?(?:为)?${NUM}`)],
  ['services', new RegExp(String.raw`服务(?:类)?(?:采购)?(?:预算)?(?:金额)?(?:为)?${NUM}`)],
  ['sme', new RegExp(String.raw`中小企业(?:预留|采购)?(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?(?:为)?${NUM}`)],
  ['smallMicro', new RegExp(String.raw`小微企业(?:预留|采购)?(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?(?:为)?${NUM}`)],
]

/**
 * Read a paragraph of 政府采购情况 into `proc`: the total, 货物/工程/服务 and the amounts reserved for
 * 中小企业 and 小微企业 (`面向中小企业预留政府采购项目预算金额 25.50 万元`). The first statement of each wins.
 */
export function readProcurement(src: Source, p: Para, proc: Procurement): void {
  const t = p.text
  for (const [field, re] of FIELDS) {
    if (proc[field]) continue
    const m = re.exec(t)
    if (!m) continue
    const a = m.index + m[0].length - m[1]!.length - m[2]!.length
    const money = src.money(p, a, a + m[1]!.length, m[2] === '元' ? '元' : '万元')
    if (money) proc[field] = money
  }
  if (!proc.place && /\d/.test(t)) proc.place = src.place(p, 0, t.length)
}
