import type { Assets, Claim, Diagnostic, Disclosure, Place, Procurement, Section, Table, Term } from '../../model/index.ts'
import type { EmptyTableNote } from '../../model/disclosure.ts'
import type { Layout } from '../layout.ts'
import { readAssets } from './assets.ts'
import { readClaims, type ClaimContext } from './claims.ts'
import { codeResolver } from './codes.ts'
import { readEmptyTables } from './empty-tables.ts'
import { looksLikeDefinition, readTerm } from './glossary.ts'
import { readOverview } from './overview.ts'
import { readPerformance } from './performance.ts'
import { readProcurement } from './procurement.ts'
import { findParts, headingKind, type SectionKind } from './sections.ts'
import { readTargets } from './targets.ts'
import { paragraphs, source, type Para } from './text.ts'

/** Everything the model carries besides the tables. */
export type Narrative = Pick<Disclosure, 'overview' | 'sections' | 'claims' | 'performance' | 'glossary'> &
  Partial<Pick<Disclosure, 'operatingCosts' | 'procurement' | 'assets' | 'emptyTables'>>

const NUMBER = /\d+(?:\.\d+)?(?:万元|元|个|平方米|辆)/
const ROUTES: [RegExp, SectionKind][] = [
  [/政府采购/, 'procurement'],
  [/国有资产|资产占用|占用使用/, 'assets'],
  [/绩效目标|预算绩效|绩效管理/, 'performance'],
]
// Any of the words of ROUTES: most paragraphs name none, and one look settles that.
const ROUTE_WORDS = new RegExp(ROUTES.map(([re]) => re.source).join('|'))
const PART_HEADING = /^第[一二三四五六]部分/

/** The department as 编制部门 prints it (stripped from claim subjects), else from the cover. */
function findDepartment(layout: Layout): string | undefined {
  for (const line of layout.lines) {
    if (!line.text.includes('编制')) continue
    const m = /编制(?:部门|单位)[:：]\s*(\S+?)(?:\s*单位[:：].*)?\s*$/.exec(line.text)
    if (m) return m[1]!.replace(/\s+/g, '')
  }
  for (const line of layout.lines.slice(0, 40)) {
    const m = /^\s*(?:\d{4}\s*年)?\s*(\S.*?)\s*(?:\d{4}\s*年)?\s*部门(?:预算|决算)(?:公开)?\s*$/.exec(line.text)
    if (m && m[1]!.length > 2) return m[1]!.replace(/\s+/g, '')
  }
  return undefined
}

/**
 * Where a paragraph of 第三部分 belongs when its words say so (seed 001 lost every heading): the
 * words before its first amount name 政府采购, 国有资产 or 绩效目标.
 */
function routeOf(p: Para, current: SectionKind, department: string | undefined): SectionKind {
  // Most paragraphs name none of the words anywhere, and one look settles that without finding the
  // amount; unless they print the department, whose removal could join two halves of a word.
  if (!ROUTE_WORDS.test(p.text) && !(department && p.text.includes(department))) return current
  const m = NUMBER.exec(p.text)
  let head = m ? p.text.slice(0, m.index) : p.text
  // The department's own name may hold these words (国有资产监督管理委员会, 政府采购中心).
  if (department) head = head.replace(department, '')
  if (!ROUTE_WORDS.test(head)) return current
  for (const [re, kind] of ROUTES) if (re.test(head)) return kind
  return current
}

/**
 * Read 部门概况, 第三部分 and 名词解释 from a layout: overview, section headings, every claim,
 * 运行经费, 政府采购, 国有资产, performance counts and target tables, the glossary and the
 * `…为空表` sentences. One pass over the lines builds paragraphs (joined across PDF line breaks,
 * with a map back to each character's line and column); each paragraph goes to one reader.
 */
export function readNarrative(layout: Layout, tables: Table[], diagnostics: Diagnostic[]): Narrative {
  const n = layout.lines.length
  const skip = new Uint8Array(n)
  // Table rows point back at their layout line: by line number in text, by the very Place object
  // of the line or cell in laid-out sources (HTML, DOCX, PDF), whose places are in source coordinates.
  let byPlace: Map<Place, number> | undefined
  if (layout.lines.some((l) => l.place)) {
    byPlace = new Map()
    layout.lines.forEach((l, i) => {
      if (l.place) byPlace!.set(l.place, i)
      for (const c of l.cells ?? []) if (c.place) byPlace!.set(c.place, i)
    })
  }
  const indexOf = (place: Place | undefined): number | undefined => {
    if (!place) return undefined
    if (byPlace) return byPlace.get(place)
    const l = place.start.line
    return l >= 1 && l <= n ? l - 1 : undefined
  }
  const tableLines: number[] = []
  for (const t of tables) {
    const ti = indexOf(t.place)
    if (ti !== undefined) tableLines.push(ti)
    for (const r of t.rows) {
      const i = indexOf(r.place)
      if (i !== undefined) {
        skip[i] = 1
        tableLines.push(i)
      }
    }
  }
  const targets = readTargets(layout, diagnostics)
  for (const [a, b] of targets.ranges) skip.fill(1, a, b + 1)

  const parts = findParts(layout)
  const firstTable = tableLines.length ? Math.min(...tableLines) : undefined
  const lastTable = tableLines.length ? Math.max(...tableLines) : undefined
  const narrativeStart = parts.narrative ?? (lastTable !== undefined ? lastTable + 1 : (parts.tables ?? 0))
  const overviewStart = parts.overview ?? 0
  const overviewEnd = Math.min(parts.tables ?? firstTable ?? narrativeStart, narrativeStart)
  const glossaryStart = parts.glossary ?? n

  const department = findDepartment(layout)
  const overviewParas: Para[] = []
  const sections: Section[] = []
  const claims: Claim[] = []
  const glossary: Term[] = []
  const emptyTables: EmptyTableNote[] = []
  const performance: Narrative['performance'] = { counts: [], tables: targets.tables, notes: [] }
  const procurement: Procurement = {}
  const assets: Assets = { vehicles: [] }
  // Every field is set here and never deleted: a `delete` would turn the context into a slow
  // dictionary object for every claim after the first heading.
  const ctx: ClaimContext = { kind: 'summary', department, project: undefined, detail: false, codes: codeResolver(tables) }
  let inGlossary = false

  // Only the parts with running text are read as paragraphs; in 第二部分 only the `…为空表` notes.
  const want = new Uint8Array(n)
  want.fill(1, overviewStart, overviewEnd)
  want.fill(1, narrativeStart, n)
  for (let i = overviewEnd; i < narrativeStart; i++) {
    const line = layout.lines[i]!
    // Table rows (skip) are passed over before the search: they are most of these lines.
    if (skip[i] || line.cells || !line.text.includes('空表')) continue
    want[i] = 1
    // The note may start a few lines up (002.pdf l.260–261: `…支出情` / `况表为空表。`).
    for (let k = i - 1; k >= overviewEnd && k >= i - 6; k--) {
      const l = layout.lines[k]!
      if (l.cells || /[。]\s*$/.test(l.text) || skip[k]) break
      want[k] = 1
    }
  }
  const paras = paragraphs(layout, want, skip)
  const src = source(layout, paras)
  for (const p of paras.list) {
    readEmptyTables(src, p, emptyTables)
    if (p.first >= overviewStart && p.first < overviewEnd) {
      overviewParas.push(p)
      continue
    }
    if (p.first >= glossaryStart || inGlossary) {
      if (p.heading && PART_HEADING.test(p.text)) continue
      const term = readTerm(src, p, department)
      if (term) glossary.push(term)
      continue
    }
    if (p.first < narrativeStart) continue
    if (p.heading) {
      if (PART_HEADING.test(p.text)) continue
      const kind = headingKind(p.text, department)
      sections.push({ kind, title: p.text, place: src.place(p, 0, p.text.length) })
      ctx.kind = kind
      ctx.project = undefined
      ctx.detail = false
      continue
    }
    // Without a 名词解释 heading, the glossary starts at the first definition after the last section (seed 001 l.958).
    if (parts.glossary === undefined && (ctx.kind === 'performance' || ctx.kind === 'other') && looksLikeDefinition(p.text)) {
      inGlossary = true
      const term = readTerm(src, p, department)
      if (term) glossary.push(term)
      continue
    }
    ctx.kind = routeOf(p, ctx.kind, department)
    if (ctx.kind === 'procurement') readProcurement(src, p, procurement)
    else if (ctx.kind === 'assets') readAssets(src, p, assets)
    else if (ctx.kind === 'performance') readPerformance(src, p, performance)
    else readClaims(src, p, ctx, claims)
  }

  const narrative: Narrative = {
    overview: readOverview(src, overviewParas),
    sections,
    claims,
    performance,
    glossary,
    emptyTables,
  }
  const operating = claims.find((c) => c.section === 'operating_costs')
  if (operating) narrative.operatingCosts = operating
  if (Object.keys(procurement).length) narrative.procurement = procurement
  if (assets.place || assets.vehicles.length) narrative.assets = assets
  return narrative
}
