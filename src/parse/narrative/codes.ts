import type { Table } from '../../model/index.ts'
import { functionCodes } from '../../catalog/index.ts'
import { isDigit } from '../numbers.ts'
import { squeezeProse } from '../chars.ts'
import { isCode } from '../tables/codes.ts'

const FULL_WIDTH_PARENS = /[（）]/
/** A name without white space, with `()` for `（）` (most names have neither, and are returned as they are). */
function norm(name: string): string {
  const s = squeezeProse(name)
  return FULL_WIDTH_PARENS.test(s) ? s.replace(/（/g, '(').replace(/）/g, ')') : s
}

let classByName: Map<string, string> | undefined

/** Function class (类) code of a class name, from the catalog (complete at 类 level). */
function catalogClass(name: string): string | undefined {
  if (!classByName) {
    classByName = new Map()
    for (const e of functionCodes().entries) if (e.level === '类' && !classByName.has(norm(e.name))) classByName.set(norm(e.name), e.code)
  }
  return classByName.get(norm(name))
}

/** Resolves 类/款/项 names of the narrative to function codes. */
export interface CodeResolver {
  /** Code of a 类 by its exact name: the catalog, else the document's own 类 rows. */
  classCode(name: string): string | undefined
  /**
   * Code of a 类/款/项 path from the document's own table rows: the 项 row whose printed name
   * matches, under the 款 whose name matches, under the 类. Never by name alone across classes;
   * undefined when no row or more than one row fits.
   */
  pathCode(path: string[]): string | undefined
}

/**
 * Build a resolver over the function-coded rows of the document's tables. The rows are indexed by
 * name only when a name is first looked up there: most claims resolve by key or by the catalog.
 */
export function codeResolver(tables: Table[]): CodeResolver {
  let codesOf: Map<string, string[]> | undefined
  const byName = (len: number, prefix: string, name: string): string[] =>
    ((codesOf ??= rowCodesByName(tables)).get(name) ?? []).filter((code) => code.length === len && code.startsWith(prefix))
  const classCode = (name: string): string | undefined => {
    const c = catalogClass(name)
    if (c) return c
    const rows = byName(3, '', norm(name))
    return rows.length === 1 ? rows[0] : undefined
  }
  return {
    classCode,
    pathCode(path) {
      const [cls, kuan, xiang] = path.map(norm)
      if (!cls) return undefined
      const c = classCode(cls)
      if (!c || !kuan) return kuan ? undefined : c
      const ks = byName(5, c, kuan)
      if (ks.length > 1 || (ks.length === 0 && !xiang)) return undefined
      if (!xiang) return ks[0]
      // Without a printed 款 row, the 项 is still looked for under its own 类 only.
      const xs = byName(7, ks[0] ?? c, xiang)
      return xs.length === 1 ? xs[0] : undefined
    },
  }
}

const LEADING_DIGITS = /^\d+/
/** Name → the codes of the function-coded rows that print it (income, expenditure, general_expenditure …), first row first. */
function rowCodesByName(tables: Table[]): Map<string, string[]> {
  // code → printed name, from the first row with the code.
  const names = new Map<string, string>()
  for (const t of tables) {
    for (const r of t.rows) {
      if (!r.code || !isCode(r.code, 'function') || names.has(r.code)) continue
      const name = norm(r.label)
      // The leading-digit replace only for a name that opens with a digit: 23 k fewer instructions a document.
      names.set(r.code, isDigit(name.charCodeAt(0)) ? name.replace(LEADING_DIGITS, '') : name)
    }
  }
  const codesOf = new Map<string, string[]>()
  for (const [code, n] of names) {
    const list = codesOf.get(n)
    if (list) list.push(code)
    else codesOf.set(n, [code])
  }
  return codesOf
}
