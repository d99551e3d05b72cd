import type { Diagnostic, Disclosure, Place } from '../model/index.ts'
import { format, type At, type Report, type Rule } from './define-rule.ts'
import { rules as allRules } from './rules/index.ts'

/** Languages messages are rendered in. */
export type Lang = 'zh' | 'en'

/** Options of {@link audit}. */
export interface AuditOptions {
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule<string>[] | undefined
  /** Last year's disclosure of the same department, for 比上年 checks. */
  previous?: Disclosure | undefined
  /** Message language: Chinese by default. */
  lang?: Lang | undefined
  /** Rethrow a rule's exception instead of reporting it (tests). */
  strict?: boolean | undefined
}

/** A Frictionless-style validation report. */
export interface AuditReport {
  /** No error (warnings and infos do not make a document invalid). */
  valid: boolean
  stats: { errors: number; warnings: number; infos: number }
  diagnostics: Diagnostic[]
}

/** Where the catalog documents a rule. */
export const ruleUrl = (id: string): string => `docs/rules.md#${id}`

/** The model path of a cell reference. */
export function pathOfAt(at: At): (string | number)[] {
  const table = typeof at.table === 'string' ? at.table : at.table.key
  const path: (string | number)[] = ['tables', table]
  if (at.row !== undefined) path.push('rows', typeof at.row === 'string' ? at.row : at.row.key)
  if (at.row !== undefined && at.column !== undefined) path.push(at.column)
  return path
}

/** The source place of a cell reference: the cell's, else the row's, else the table's. */
export function placeOfAt(at: At): Place | undefined {
  const row = typeof at.row === 'object' ? at.row : undefined
  const table = typeof at.table === 'object' ? at.table : undefined
  const cell = at.cell ?? (row && at.column !== undefined ? row.cells.find((c) => c.column === at.column) : undefined)
  return cell?.place ?? row?.place ?? table?.place
}

/**
 * Audit one disclosure. Each rule reports through `report`, which stamps the rule id, severity,
 * docs url, rendered message, `place` and `path` (from `at`); rules never fill those in.
 */
export function audit(disclosure: Disclosure, options: AuditOptions = {}): AuditReport {
  const lang = options.lang ?? 'zh'
  const diagnostics: Diagnostic[] = []
  let selected = options.rules ?? allRules
  if (disclosure.kind === '决算') {
    // The narrative, compliance and performance rules read a 预算 disclosure's sentences and
    // tables; on 决算 (final accounts) they would misread its own phrasing. Until 决算 support
    // lands, only the table arithmetic and classification rules run, and the report says so.
    selected = selected.filter((r) => r.category === 'arithmetic' || r.category === 'cross-table' || r.category === 'classification')
    diagnostics.push({
      ruleId: 'audit/final-accounts',
      severity: 'info',
      messageId: 'finalAccounts',
      message:
        lang === 'en'
          ? 'final accounts (决算): only the table arithmetic and classification rules apply; narrative, compliance and performance rules are for budget disclosures'
          : '决算文件：仅运行表内、表间与科目规则；情况说明、完整性与绩效规则适用于预算公开',
    })
  }
  for (const rule of selected) {
    const report = (r: Report<string>): void => {
      diagnostics.push(toDiagnostic(rule, r, lang))
    }
    try {
      rule.check(disclosure, report, options.previous ? { previous: options.previous } : {})
    } catch (e) {
      if (options.strict) throw e
      // A bug in one rule must not hide the findings of the others; it is reported, not swallowed.
      diagnostics.push({
        ruleId: rule.id,
        severity: 'warning',
        messageId: 'crash',
        message: lang === 'en' ? `rule failed: ${(e as Error).message}` : `规则执行失败：${(e as Error).message}`,
        url: ruleUrl(rule.id),
      })
    }
  }
  diagnostics.sort(byPlace)
  const stats = { errors: 0, warnings: 0, infos: 0 }
  for (const d of diagnostics) {
    if (d.severity === 'error') stats.errors++
    else if (d.severity === 'warning') stats.warnings++
    else stats.infos++
  }
  return { valid: stats.errors === 0, stats, diagnostics }
}

/** Render a rule's report as a diagnostic. */
function toDiagnostic(rule: Rule<string>, r: Report<string>, lang: Lang): Diagnostic {
  const template = (lang === 'en' ? rule.messagesEn[r.messageId] : undefined) ?? rule.messages[r.messageId]
  if (template === undefined) throw new Error(`rule ${rule.id}: unknown messageId ${r.messageId}`)
  const d: Diagnostic = {
    ruleId: rule.id,
    severity: r.severity ?? rule.severity,
    message: format(template, r.data),
    messageId: r.messageId,
  }
  const place = r.place ?? (r.at ? placeOfAt(r.at) : undefined)
  if (place) d.place = place
  const path = r.path ?? (r.at ? pathOfAt(r.at) : undefined)
  if (path) d.path = path
  if (r.expected !== undefined) d.expected = r.expected
  if (r.actual !== undefined) d.actual = r.actual
  if (r.related?.length) {
    d.related = r.related.map((o) => {
      const rel: Diagnostic = { ruleId: rule.id, severity: 'info', message: (lang === 'en' ? o.messageEn : undefined) ?? o.message ?? '' }
      const p = o.place ?? (o.at ? placeOfAt(o.at) : undefined)
      if (p) rel.place = p
      const pa = o.path ?? (o.at ? pathOfAt(o.at) : undefined)
      if (pa) rel.path = pa
      return rel
    })
  }
  d.url = ruleUrl(rule.id)
  return d
}

/** Document order: by file, line and column; diagnostics without a place last, in rule order. */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (!a.place || !b.place) return (a.place ? 0 : 1) - (b.place ? 0 : 1)
  return (
    a.place.file.localeCompare(b.place.file) ||
    a.place.start.line - b.place.start.line ||
    a.place.start.column - b.place.start.column
  )
}
