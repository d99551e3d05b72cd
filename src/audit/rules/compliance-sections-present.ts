import type { Disclosure, Place } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'

/** A required part of the explanations and how to tell it is there. */
interface Part {
  key: string
  name: string
  /** Required by 143号 (error) or "progressively" (warning). */
  core: boolean
  present(d: Disclosure): boolean
}

const titled = (d: Disclosure, re: RegExp): boolean => d.sections.some((s) => re.test(s.title.replace(/\s+/g, '')) || re.test(s.kind))

const PARTS: Part[] = [
  { key: 'operatingCosts', name: '机关运行经费', core: true, present: (d) => !!d.operatingCosts || titled(d, /运行经费|operating/) || d.claims.some((c) => /运行经费/.test(c.subject)) },
  { key: 'procurement', name: '政府采购', core: true, present: (d) => !!d.procurement || titled(d, /政府采购|procurement/) },
  { key: 'assets', name: '国有资产占用', core: false, present: (d) => !!d.assets || titled(d, /国有资产|assets/) },
  {
    key: 'performance',
    name: '预算绩效（绩效目标）',
    core: false,
    present: (d) => d.performance.counts.length + d.performance.tables.length + d.performance.notes.length > 0 || titled(d, /绩效|performance/),
  },
  { key: 'glossary', name: '名词解释', core: true, present: (d) => d.glossary.length > 0 || titled(d, /名词解释|glossary/) },
]

/**
 * The explanations a department budget must carry: 机关运行经费, 政府采购 and 名词解释 (errors when
 * missing: 143号 lists them), 国有资产占用 and 预算绩效 (warnings: 143号 asks for them
 * "progressively"). A part counts as present when its heading or its content is found: seed 001
 * prints no section headings at all, only the content.
 */
export default defineRule({
  id: 'compliance/sections-present',
  category: 'compliance',
  severity: 'error',
  docs: {
    summary: '情况说明包含机关运行经费、政府采购、国有资产、绩效目标和名词解释',
    basis: 'rules.md §2.1（财预〔2016〕143号 标准目录：机关运行经费安排、政府采购、名词解释；逐步公开国有资产占用和重点项目绩效目标）',
  },
  messages: {
    missing: '情况说明缺少「{name}」部分',
  },
  messagesEn: {
    missing: 'The explanations lack the “{name}” part',
  },
  check(d, report) {
    // A truncated document is reported by the parser; its missing parts are not the author's.
    if (d.kind !== '预算' || d.partial || d.claims.length === 0) return
    const place: Place | undefined = d.sections.at(-1)?.place ?? d.claims.at(-1)?.place ?? d.department?.place
    for (const p of PARTS) {
      if (p.present(d)) continue
      report({ messageId: 'missing', ...(p.core ? {} : { severity: 'warning' as const }), data: { name: p.name }, place, path: [p.key] })
    }
  },
})
