import { toFen, wan, type Cell, type Diagnostic, type Disclosure, type Row, type Table } from '../../model/index.ts'
import { identities, type Identity } from './identities.ts'
import { LOW_CONFIDENCE } from './page.ts'

/** Digits OCR takes for one another in the fonts of budget tables. */
const CONFUSABLE: Record<string, string> = {
  '0': '689',
  '1': '7',
  '3': '58',
  '4': '9',
  '5': '38',
  '6': '089',
  '7': '1',
  '8': '03569',
  '9': '0468',
}

/** A printed figure one OCR slip away from a reading: one confusable digit changed, or a sign that was a mark (`“88.70` read as `-88.70`). */
export function slips(raw: string): string[] {
  const out: string[] = []
  for (let i = 0; i < raw.length; i++)
    for (const d of CONFUSABLE[raw[i]!] ?? '') out.push(raw.slice(0, i) + d + raw.slice(i + 1))
  if (raw.startsWith('-') && /\d/.test(raw)) out.push(raw.slice(1))
  return out
}

/** One correction: the cell, where it sits, and the figure it takes. */
interface Fix {
  table: Table
  row: Row
  cell: Cell
  raw: string
}

/**
 * Numbers OCR misread, put right by the sums the table states. When a sum (合计 = 基本支出 +
 * 项目支出, 类 = Σ款, …) fails by more than rounding (0.01 a part, real in the documents), and
 * exactly one change makes it hold exactly — one confusable digit of ONE cell read with low
 * confidence (3/5/8, 0/6/8/9, 1/7, 4/9), or a sign that was a mark — that cell takes it. Two
 * changes that would both fit, a cell two sums would change differently, or a change that breaks
 * a sum that held: nothing is changed. A corrected cell keeps its low confidence (it was not
 * read so) and gets a `parse/ocr-corrected` warning saying what was read and why it was changed.
 * Changes the model in place; returns the warnings.
 */
export function correctByIdentities(disclosure: Disclosure): Diagnostic[] {
  const fixes: Fix[] = []
  for (const table of disclosure.tables) {
    const sums = identities(table)
    const proposed = new Map<Cell, string | undefined>()
    for (const sum of sums) {
      if (holds(sum, table, new Map())) continue
      const fits = candidates(sum, table).filter(([cell, raw]) => gap(sum, table, new Map([[cell, raw]])) === 0)
      if (fits.length !== 1) continue
      const [cell, raw] = fits[0]!
      // Two sums asking different things of one cell: neither is trusted.
      proposed.set(cell, proposed.has(cell) && proposed.get(cell) !== raw ? undefined : raw)
    }
    for (const [cell, raw] of proposed) {
      if (raw === undefined) continue
      const change = new Map([[cell, raw]])
      const breaks = sums.some((s) => (s.total === cell || s.parts.includes(cell)) && holds(s, table, new Map()) && !holds(s, table, change))
      if (!breaks) fixes.push({ table, row: table.rows.find((r) => r.cells.includes(cell))!, cell, raw })
    }
  }
  return fixes.map(apply)
}

/** The low-confidence cells of a sum, each with the figures one slip away from its reading. */
function candidates(sum: Identity, table: Table): [Cell, string][] {
  return [sum.total, ...sum.parts]
    .filter((c) => c.confidence !== undefined && c.confidence < LOW_CONFIDENCE)
    .flatMap((c) => slips(c.raw).filter((raw) => fen(raw, table) !== undefined).map((raw): [Cell, string] => [c, raw]))
}

/** Total minus the sum of the parts, in fen, with `change` standing in for the readings it names. */
function gap(sum: Identity, table: Table, change: Map<Cell, string>): number {
  const v = (c: Cell) => (change.has(c) ? fen(change.get(c)!, table)! : c.fen)
  return v(sum.total) - sum.parts.reduce((s, c) => s + v(c), 0)
}

/** Whether a sum holds within rounding: 0.01 of the printed unit for each part. */
function holds(sum: Identity, table: Table, change: Map<Cell, string>): boolean {
  const cent = table.unit === '万元' ? 10_000 : 1
  return Math.abs(gap(sum, table, change)) <= Math.max(1, sum.parts.length) * cent
}

/** Fen of a figure as printed (thousands separators and blanks are not part of the number). */
const fen = (raw: string, table: Table) => toFen(raw.replace(/[,，\s]/g, ''), table.unit)

function apply({ table, row, cell, raw }: Fix): Diagnostic {
  const read = cell.raw
  cell.fen = fen(raw, table)!
  cell.value = wan(cell.fen)
  cell.raw = raw
  return {
    ruleId: 'parse/ocr-corrected',
    severity: 'warning',
    message: `OCR 读作「${read}」，按表内合计关系更正为「${raw}」，请对照原件核对 (OCR read ${read}; the table's sums make it ${raw}: check against the page)`,
    place: cell.place,
    path: ['tables', table.key, 'rows', row.key, cell.column],
    actual: read,
    expected: raw,
  }
}

/** A parse result with its OCR'd numbers checked by the table sums (`correctByIdentities`), the corrections' warnings added. */
export function withCorrections<T extends { disclosure?: Disclosure; diagnostics: Diagnostic[] }>(result: T): T {
  if (result.disclosure) result.diagnostics.push(...correctByIdentities(result.disclosure))
  return result
}
