import type { Diagnostic, Place } from '../model/index.ts'
import { tableSpec } from '../model/tables.ts'
import type { Rule } from './define-rule.ts'
import type { AuditReport, Lang } from './engine.ts'

/** Output formats of `yusuan audit`. */
export type Format = 'human' | 'json' | 'sarif'

/** The audit of one input file. */
export interface FileAudit {
  /** The file as given on the command line. */
  file: string
  report: AuditReport
  /** What the parser found wrong with the input (kept apart from the audit's findings). */
  parseDiagnostics?: Diagnostic[]
}

/** Lines of a source file for quoting, by file name; undefined when the source is not text. */
export type SourceLines = (file: string) => string[] | undefined

/**
 * `57:5-57:17` (vfile's position string), followed by where a person finds it in a laid-out
 * source: `(p.11 [120.5,300.2,160.0,312.0])` for a PDF page and box, `(部门收入总体情况表!E6)` for a sheet and cell.
 */
export function position(place: Place | undefined): string {
  if (!place) return ''
  const start = `${place.start.line}:${place.start.column}`
  const end = place.end ? `-${place.end.line}:${place.end.column}` : ''
  const box = place.box ? ` [${place.box.map((n) => n.toFixed(1)).join(',')}]` : ''
  const page = place.page ? ` (p.${place.page}${box})` : ''
  const cell = place.sheet ? ` (${place.sheet}${place.cell ? `!${place.cell}` : ''})` : ''
  return `${start}${end}${page}${cell}`
}

/** Related places printed under a finding in the human form; JSON and SARIF carry all. */
const MAX_RELATED = 12

const LABEL = {
  zh: { error: '错误', warning: '警告', info: '提示', other: '其他', parse: '读取文件（解析问题，审核可能不完整）', clean: '未发现问题', more: '……另有 {n} 处（见 --format json）', summary: '{e} 个错误，{w} 个警告，{i} 个提示' },
  en: { error: 'error', warning: 'warning', info: 'info', other: 'other', parse: 'reading the file (parse problems; the audit may be incomplete)', clean: 'no problems', more: '… {n} more (see --format json)', summary: '{e} errors, {w} warnings, {i} infos' },
} as const

/**
 * The human form: per file, findings grouped by table in document order, each as vfile prints it
 * (`file:line:col-line:col  severity  message  ruleId`), the source line quoted under it, and the
 * other side of a mismatch after `↳`.
 */
export function formatHuman(files: FileAudit[], lang: Lang = 'zh', lines: SourceLines = () => undefined): string {
  const L = LABEL[lang]
  const out: string[] = []
  for (const { file, report, parseDiagnostics } of files) {
    const { errors, warnings, infos } = report.stats
    out.push(`${file}: ${L.summary.replace('{e}', String(errors)).replace('{w}', String(warnings)).replace('{i}', String(infos))}`)
    // What the parser could not read is shown first: findings after it may be incomplete.
    const parseErrors = (parseDiagnostics ?? []).filter((d) => d.severity === 'error')
    if (parseErrors.length) {
      out.push('', `  ${L.parse}`)
      for (const d of parseErrors) out.push(`    ${d.place ? `${d.place.file}:${position(d.place)}` : file}  ${L.error}  ${d.message}  ${d.ruleId}`)
    }
    if (report.diagnostics.length === 0) {
      out.push(`  ${L.clean}`, '')
      continue
    }
    const groups = new Map<string, Diagnostic[]>()
    for (const d of report.diagnostics) {
      const key = d.path?.[0] === 'tables' ? String(d.path[1]) : ''
      if (!groups.has(key)) groups.set(key, [])
      groups.get(key)!.push(d)
    }
    const source = lines(file)
    for (const [table, ds] of groups) {
      const title = table ? (lang === 'en' ? table : (tableSpec(table)?.title ?? table)) : L.other
      out.push('', `  ${title}${table && lang !== 'en' ? ` (${table})` : ''}`)
      for (const d of ds) {
        const where = d.place ? `${d.place.file}:${position(d.place)}` : file
        out.push(`    ${where}  ${L[d.severity]}  ${d.message}  ${d.ruleId}`)
        const quoted = quote(d.place, source)
        if (quoted) out.push(`      > ${quoted}`)
        const related = d.related ?? []
        for (const r of related.slice(0, MAX_RELATED)) out.push(`      ↳ ${r.place ? `${position(r.place)} ` : ''}${r.message}`)
        if (related.length > MAX_RELATED) out.push(`      ↳ ${L.more.replace('{n}', String(related.length - MAX_RELATED))}`)
      }
    }
    out.push('')
  }
  return out.join('\n')
}

/** The source line of a place, numbered and trimmed, tabs shown as spaces. */
function quote(place: Place | undefined, source: string[] | undefined): string | undefined {
  if (!place || !source) return undefined
  const text = source[place.start.line - 1]
  if (text === undefined) return undefined
  const line = text.replace(/\t/g, '  ').trimEnd()
  return `${place.start.line} | ${line.length > 160 ? line.slice(0, 157) + '…' : line}`
}

/** The JSON form: one Frictionless report per file, unchanged, as the API serves it. */
export function formatJson(files: FileAudit[]): string {
  const body = files.map(({ file, report, parseDiagnostics }) => ({ file, ...report, ...(parseDiagnostics ? { parseDiagnostics } : {}) }))
  return JSON.stringify(files.length === 1 ? body[0] : body, null, 2) + '\n'
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const

/** A SARIF physicalLocation for a place. */
function location(place: Place): Record<string, unknown> {
  const region: Record<string, number> = { startLine: place.start.line, startColumn: place.start.column }
  if (place.end) Object.assign(region, { endLine: place.end.line, endColumn: place.end.column })
  return { physicalLocation: { artifactLocation: { uri: place.file }, region } }
}

/**
 * SARIF 2.1.0: one run, the rules as `tool.driver.rules`, each diagnostic a result with `place`
 * as `physicalLocation.region`, `related` as `relatedLocations`, `info` as level `note`, and the
 * model path, expected and actual values under `properties`.
 */
export function formatSarif(files: FileAudit[], rules: readonly Rule<string>[], lang: Lang = 'zh'): string {
  const ids = rules.map((r) => r.id)
  const results = files.flatMap(({ file, report }) =>
    report.diagnostics.map((d) => {
      const result: Record<string, unknown> = {
        ruleId: d.ruleId,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [d.place ? location(d.place) : { physicalLocation: { artifactLocation: { uri: file } } }],
      }
      const index = ids.indexOf(d.ruleId)
      if (index >= 0) result.ruleIndex = index
      if (d.related?.length) {
        result.relatedLocations = d.related
          .filter((r) => r.place)
          .map((r, i) => ({ id: i + 1, message: { text: r.message }, ...location(r.place!) }))
      }
      const properties: Record<string, unknown> = {}
      if (d.messageId) properties.messageId = d.messageId
      if (d.path) properties.path = d.path
      if (d.expected !== undefined) properties.expected = d.expected
      if (d.actual !== undefined) properties.actual = d.actual
      if (Object.keys(properties).length) result.properties = properties
      return result
    }),
  )
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'yusuan',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: lang === 'en' && r.docs.description ? r.docs.description : r.docs.summary },
              ...(r.docs.description ? { fullDescription: { text: r.docs.description } } : {}),
              // helpUri must be an absolute URI in SARIF; the docs page is relative to the checkout, so it goes under properties.
              help: { text: r.docs.basis ? `${r.docs.summary}（${r.docs.basis}）` : r.docs.summary },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { category: r.category, url: `docs/rules.md#${r.id}` },
            })),
          },
        },
        artifacts: files.map(({ file }) => ({ location: { uri: file } })),
        results,
      },
    ],
  }
  return JSON.stringify(sarif, null, 2) + '\n'
}
