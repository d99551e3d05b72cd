import type { Diagnostic, Disclosure } from '../model/index.ts'
import { placeOf, type Layout } from './layout.ts'
import { squeeze } from './chars.ts'
import { SENTENCE_PUNCTUATION } from './normalize.ts'
import { readNarrative } from './narrative/index.ts'
import { readTables } from './tables/build.ts'

/** Words that every budget (or final-accounts) disclosure prints somewhere. */
const DISCLOSURE_WORDS = ['部门预算', '部门决算', '预算公开', '决算公开', '收支总体情况表', '收支预算总表', '收入支出决算总表']

/** Whether a text names itself a disclosure (plain substring search: much faster than a regex alternation over 40 KB). */
function namesDisclosure(text: string): boolean {
  return DISCLOSURE_WORDS.some((w) => text.includes(w))
}

/** Whether the whole text names itself a disclosure, with whitespace or without (titles printed spaced out). */
function namesWholeText(text: string): boolean {
  return namesDisclosure(text) || namesDisclosure(squeeze(text))
}

/** The text of the lines, joined by newlines; with `limit`, only its first `limit` characters. */
function textOf(lines: Layout['lines'], limit = Infinity): string {
  let end = 0
  for (let length = 0; end < lines.length && length < limit; end++) length += lines[end]!.text.length + 1
  // One join gives a flat string; `+=` line by line gives a rope that every search must flatten first.
  const text = lines
    .slice(0, end)
    .map((l) => l.text)
    .join('\n')
  return text.length > limit ? text.slice(0, limit) : text
}

/**
 * Read the canonical model from a layout: the tables of 第二部分 and everything the narrative
 * states. Returns undefined (with a fatal diagnostic) when the text is not a disclosure.
 */
export function readDisclosure(layout: Layout, diagnostics: Diagnostic[]): Disclosure | undefined {
  const { file, lines } = layout
  const head = textOf(lines, 4000)
  // A disclosure names itself on its first pages; the whole text, squeezed for titles printed
  // spaced out, is the slow path.
  if (!namesDisclosure(head) && !namesWholeText(textOf(lines))) {
    diagnostics.push({
      ruleId: 'parse/not-a-disclosure',
      severity: 'error',
      fatal: true,
      message: '不是部门预算公开文件：未找到部门预算公开表或其标题 (no budget disclosure tables or title found)',
    })
    return undefined
  }
  // Titles may be printed spaced out (`部 门 决 算`).
  const kind = /部\s*门\s*决\s*算|决\s*算\s*公\s*开|收入支出决算总表/.test(head) ? '决算' : '预算'
  const department = findDepartment(layout)
  const units = new Set<string>()
  if (department) units.add(department.value)
  const tables = readTables(file, lines, units, diagnostics, kind)
  const narrative = readNarrative(layout, tables, diagnostics)
  const disclosure: Disclosure = {
    file,
    kind,
    unit: tables.some((t) => t.unit === '元') && !tables.some((t) => t.unit === '万元') ? '元' : '万元',
    tables,
    ...narrative,
    partial: false,
  }
  if (department) disclosure.department = department
  const year = findYear(layout)
  if (year) disclosure.year = year
  checkComplete(layout, disclosure, diagnostics)
  return disclosure
}

/** 编制部门：X is the most reliable statement of the department; the cover line is the fallback. */
function findDepartment(layout: Layout): Disclosure['department'] {
  for (const line of layout.lines) {
    // Most disclosures print no 编制部门 line: a substring test spares the pattern on every line.
    if (!line.text.includes('编制')) continue
    const m = /编制(?:部门|单位)[:：]\s*(\S+?)(?:\s+单位[:：].*)?\s*$/.exec(line.text)
    if (m) {
      const start = line.text.indexOf(m[1]!)
      return { value: squeeze(m[1]!), place: placeOf(layout.file, line, start, start + m[1]!.length) }
    }
  }
  // The cover: `2026 年库尔勒市人民政府办公室` … `部门预算公开`, or a name wrapped over lines above `2024年度部门决算`.
  const cover = layout.lines.slice(0, 40).filter((l) => l.text.trim())
  const at = cover.findIndex((l) => /部门(?:预算|决算)(?:公开)?\s*$/.test(l.text))
  if (at >= 0) {
    const above = cover.slice(Math.max(0, at - 3), at + 1).filter((l) => !/目录|[，。:：]/.test(l.text))
    const name = squeeze(above.map((l) => l.text).join(''))
      .replace(/\d{4}年度?/g, '')
      .replace(/部门(?:预算|决算)(?:公开)?$/, '')
    const first = above.find((l) => /[\u4e00-\u9fff]/.test(l.text.replace(/\d{4}\s*年度?/, '')))
    if (name.length >= 3 && first) {
      const start = first.text.search(/[\u4e00-\u9fff]/)
      return { value: name, place: placeOf(layout.file, first, start, first.text.trimEnd().length) }
    }
  }
  return undefined
}

/** The budget year: the cover (`2024 年部门预算公开`), else the most frequent `20xx 年` of the first parts. */
function findYear(layout: Layout): Disclosure['year'] {
  for (const line of layout.lines.slice(0, 60)) {
    if (!line.text.includes('年')) continue
    const m = /(20\d\d)\s*年\s*(?:度\s*)?(?:部门预算|部门决算|\S*部门预算公开)/.exec(line.text)
    if (m) return { value: Number(m[1]), place: placeOf(layout.file, line, m.index, m.index + 4) }
  }
  const counts = new Map<number, { n: number; line: (typeof layout.lines)[number]; col: number }>()
  for (const line of layout.lines) {
    if (!line.text.includes('年')) continue
    for (const m of line.text.matchAll(/(20\d\d)\s*年(?:预算|所有收入|支出预算|财政拨款|一般公共预算|部门预算)/g)) {
      const y = Number(m[1])
      const c = counts.get(y)
      if (c) c.n++
      else counts.set(y, { n: 1, line, col: m.index })
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0]
  if (!best) return undefined
  return { value: best[0], place: placeOf(layout.file, best[1].line, best[1].col, best[1].col + 4) }
}

/**
 * A disclosure cut short: no tables at all, or a document that ends inside 第二部分 (its last
 * table is followed by no narrative sentences). The model is kept but marked partial.
 */
function checkComplete(layout: Layout, d: Disclosure, diagnostics: Diagnostic[]): void {
  if (d.kind !== '预算') return
  if (d.tables.length === 0) {
    d.partial = true
    diagnostics.push({ ruleId: 'parse/no-tables', severity: 'error', message: '未找到任何预算公开表：文件可能不完整 (no tables found)' })
    return
  }
  // A workbook holds the tables alone (budget systems export one sheet per table): no narrative is expected.
  if (d.tables.every((t) => t.place?.sheet !== undefined)) return
  let lastTableLine = 0
  for (const t of d.tables) {
    lastTableLine = Math.max(lastTableLine, t.place?.start.line ?? 0)
    for (const r of t.rows) lastTableLine = Math.max(lastTableLine, r.place?.start.line ?? 0)
  }
  let proseAfter = 0
  for (let i = layout.lines.length - 1; i >= 0 && proseAfter < 3 && layout.lines[i]!.line > lastTableLine; i--) {
    if (SENTENCE_PUNCTUATION.test(layout.lines[i]!.text)) proseAfter++
  }
  if (proseAfter < 3) {
    d.partial = true
    const last = layout.lines.filter((l) => l.text.trim()).at(-1)
    const diag: Diagnostic = {
      ruleId: 'parse/truncated',
      severity: 'error',
      message: '文件在公开表之后结束，没有情况说明和名词解释：文件可能被截断 (document ends after the tables: truncated?)',
    }
    if (last) diag.place = placeOf(layout.file, last, 0, last.text.length)
    diagnostics.push(diag)
  }
}
