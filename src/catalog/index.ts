import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Classification catalogs (支出功能分类 and 部门预算支出经济分类), copied from
 * ../shared/reference (see data/README.md for sources). Only the function 类 list is complete;
 * 款/项 and most economic codes are partial, so a code missing here is "not in our catalog",
 * never "wrong".
 */
export interface CatalogEntry {
  code: string
  level: '类' | '款' | '项'
  name: string
  /** Where the code and name were seen. */
  source: string
  /** From the unverified list: recall or name order, not an authoritative source. */
  unverified: boolean
}

export interface Catalog {
  get(code: string): CatalogEntry | undefined
  /** How complete the catalog is at a code's level: only function 类 is complete. */
  complete(level: CatalogEntry['level']): boolean
  entries: CatalogEntry[]
}

function load(name: string, unverified: boolean): CatalogEntry[] {
  const text = readFileSync(fileURLToPath(new URL(`data/${name}`, import.meta.url)), 'utf8')
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((line) => {
      const cells = parseCsvLine(line)
      return { code: cells[0]!, level: cells[1] as CatalogEntry['level'], name: cells[2]!, source: cells[3] ?? '', unverified }
    })
}

/** One CSV line with double-quoted fields (RFC 4180 quoting; the catalog and facts files are small and simple). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++
      else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') out.push(cur), (cur = '')
    else cur += ch
  }
  out.push(cur)
  return out
}

function catalog(entries: CatalogEntry[], completeLevels: CatalogEntry['level'][]): Catalog {
  const byCode = new Map<string, CatalogEntry>()
  for (const e of entries) if (!byCode.has(e.code)) byCode.set(e.code, e)
  return { get: (code) => byCode.get(code), complete: (level) => completeLevels.includes(level), entries }
}

let fn: Catalog | undefined
let econ: Catalog | undefined

/** The function classification (类 complete, 款/项 partial). */
export function functionCodes(): Catalog {
  return (fn ??= catalog(load('function-codes.csv', false), ['类']))
}

/** The economic classification (partial; unverified entries flagged). */
export function economicCodes(): Catalog {
  return (econ ??= catalog([...load('economic-codes.csv', false), ...load('economic-codes-unverified.csv', true)], []))
}

/** Compare names as the reference README asks: brackets and whitespace normalised. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
  return n(a) === n(b)
}
