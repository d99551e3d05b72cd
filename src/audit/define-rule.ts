import type { Cell, Diagnostic, Disclosure, Place, Row, Severity, Table } from '../model/index.ts'

/** Rule categories, as in the catalog page. */
export type Category = 'arithmetic' | 'cross-table' | 'narrative' | 'compliance' | 'classification' | 'performance' | 'year-over-year'

/**
 * A table cell a report is about. The engine turns it into `path` (['tables', table, 'rows', row,
 * column]) and `place` (the cell's, else the row's, else the table's), so rules never build them.
 */
export interface At {
  table: Table | string
  row?: Row | string | undefined
  column?: string | undefined
  cell?: Cell | undefined
}

/** What a rule reports: a message id with its data, and where. */
export interface Report<M extends string> {
  messageId: M
  data?: Record<string, string | number>
  /** The table cell the report is about; the engine derives `place` and `path` from it. */
  at?: At | undefined
  /** The place in the source document. */
  place?: Place | undefined
  /** The place in the model. */
  path?: (string | number)[]
  actual?: string
  expected?: string
  /** The other side(s) of a mismatch. */
  related?: { message?: string; messageEn?: string; at?: At | undefined; place?: Place | undefined; path?: (string | number)[] }[]
  /** Overrides the rule's severity for this report (rounding differences are `info`). */
  severity?: Severity
}

/** Options a rule gets besides the document (e.g. last year's disclosure). */
export interface RuleOptions {
  previous?: Disclosure
}

/** An audit rule: ESLint's contract, typed so a wrong messageId does not compile. */
export interface Rule<M extends string = string> {
  id: string
  category: Category
  severity: Severity
  docs: { summary: string; description?: string; basis?: string }
  messages: Record<M, string>
  /** English messages (`--lang en`). */
  messagesEn: Record<M, string>
  check(disclosure: Disclosure, report: (r: Report<M>) => void, options: RuleOptions): void
}

/** Define a rule; identity at run time, types at compile time. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule
}

/** Fill `{name}` placeholders of a message template. */
export function format(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m))
}

export type { Diagnostic }
