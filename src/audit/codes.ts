import { economicCodes, functionCodes, type Catalog } from '../catalog/index.ts'
import type { Disclosure, Row, Table } from '../model/index.ts'
import { tableSpec } from '../model/tables.ts'
import { codeOfRow } from './figures.ts'

/** A classification code printed in a table row. */
export interface PrintedCode {
  table: Table
  row: Row
  code: string
  kind: 'function' | 'economic'
  /** The printed name, without the code digits and whitespace. */
  label: string
}

const printedCache = new WeakMap<Disclosure, PrintedCode[]>()

/** The catalog of a kind of code. */
export const catalogOf = (kind: PrintedCode['kind']): Catalog => (kind === 'function' ? functionCodes() : economicCodes())

/** 类/款/项 by code length (function 3/5/7, economic 3/5); undefined for a malformed code. */
export function levelOf(code: string, kind: PrintedCode['kind']): '类' | '款' | '项' | undefined {
  if (code.length === 3) return '类'
  if (code.length === 5) return '款'
  if (code.length === 7 && kind === 'function') return '项'
  return undefined
}

/**
 * Every code printed as a row, once per table: function codes of the coded tables and of the
 * expenditure side of the two-sided tables, economic codes of 基本支出 tables. A project row
 * (`2010303/…`) names its 项 code but not its name, so it is not a printed code here.
 */
export function printedCodes(d: Disclosure): PrintedCode[] {
  const cached = printedCache.get(d)
  if (cached) return cached
  const out: PrintedCode[] = []
  printedCache.set(d, out)
  for (const table of d.tables) {
    const spec = tableSpec(table.key)
    if (!spec) continue
    const seen = new Set<string>()
    for (const row of table.rows) {
      let code: string | undefined
      let kind: PrintedCode['kind'] = 'function'
      if (spec.rows === 'two-sided') {
        const m = /^exp\.(\d+)$/.exec(row.key)
        code = m?.[1]
      } else if (spec.rows === 'function' || spec.rows === 'project' || spec.rows === 'economic') {
        const c = codeOfRow(row)
        if (c && !c.project) code = c.code
        kind = spec.rows === 'economic' ? 'economic' : 'function'
      }
      if (!code || seen.has(code)) continue
      seen.add(code)
      out.push({ table, row, code, kind, label: bareLabel(row.label, code) })
    }
  }
  return out
}

/** A printed name for comparison: no whitespace, half-width brackets, no leading code or 其中. */
export function bareLabel(label: string, code = ''): string {
  let s = label.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
  if (code && s.startsWith(code)) s = s.slice(code.length)
  s = s.replace(/^\d+/, '').replace(/^(其中[:：])/, '').replace(/\((类|款|项)\)$/, '')
  // A label that runs into the next code (`粮油物资储备支出223国有资本…`, two-sided lines merged by
  // a PDF layout) is cut there: the name is what precedes the next code.
  const next = /\d{3,}/.exec(s)
  if (next && next.index > 0) s = s.slice(0, next.index)
  return s
}

/** Dice similarity of character bigrams, 0…1. */
export function similarity(a: string, b: string): number {
  const grams = (s: string): string[] => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2))
  const x = grams(a)
  const y = grams(b)
  if (x.length + y.length === 0) return a === b ? 1 : 0
  const pool = [...y]
  let common = 0
  for (const g of x) {
    const i = pool.indexOf(g)
    if (i >= 0) (common++, pool.splice(i, 1))
  }
  return (2 * common) / (x.length + y.length)
}
