import type { Cell, Disclosure, Place, Row, Table } from '../model/index.ts'
import { wan } from '../model/index.ts'
import { tableSpec } from '../model/tables.ts'

/**
 * Reading numbers out of the model for the arithmetic and cross-table rules: stated, blank-as-zero
 * or unknown; sums with their rounding allowance; the places and paths reports point at.
 *
 * A blank cell is **unknown**, not zero, unless its context shows that blanks mean zero: the row
 * states some other column and the column is stated somewhere in the table (seed 002 表3 prints
 * 2010303 with 合计 and 项目支出 and leaves 基本支出 blank), or the column is stated nowhere but
 * the table's identities hold in most rows with it as zero (seed 001 表5 has no 项目支出 at all).
 * A column stated nowhere whose identities fail in most rows was lost by the layout (seed 002
 * 一般公共预算支出情况表 has no 基本支出 cell): it stays unknown. A blank next to a number the
 * parser could not place (`x:…`) is unknown. A fixed line of 表1, 表4 or the 三公 table printed
 * with its label and no number is zero; a line the layout lost is not in the model and is unknown.
 */

/** A number the rules compare: its fen, and where it came from. */
export interface Figure {
  /** The value in fen (0 for a blank read as zero). */
  fen: number
  /** The stated cell; absent when the figure is a blank read as zero or a sum. */
  cell?: Cell | undefined
  table: Table
  row?: Row | undefined
  column: string
  /** Fen of one unit in the last printed decimal of the figure (10,000 for 0.01 万元). */
  cent: number
}

/** Rows that carry no figures of their own: group headers naming an implementing unit. */
export const isUnitRow = (row: Row): boolean => row.key.startsWith('unit:')

/** The table with that key, if the document has it. */
export function tableOf(d: Disclosure, key: string): Table | undefined {
  return d.tables.find((t) => t.key === key)
}

// Lookups are cached per model object: the audit reads a document many times and never changes it.
const rowIndex = new WeakMap<Table, Map<string, Row>>()
const cellIndex = new WeakMap<Row, Map<string, Cell>>()

/** A row by key (the first, if a key repeats). */
export function rowOf(table: Table | undefined, key: string): Row | undefined {
  if (!table) return undefined
  let index = rowIndex.get(table)
  if (!index) {
    index = new Map()
    for (const r of table.rows) if (!index.has(r.key)) index.set(r.key, r)
    rowIndex.set(table, index)
  }
  return index.get(key)
}

/** A stated (not derived) cell. */
export function cellOf(row: Row | undefined, column: string): Cell | undefined {
  if (!row) return undefined
  let index = cellIndex.get(row)
  if (!index) {
    index = new Map()
    for (const c of row.cells) if (!c.derived && !index.has(c.column)) index.set(c.column, c)
    cellIndex.set(row, index)
  }
  return index.get(column)
}

/** Whether a row states any number. */
export const states = (row: Row | undefined): boolean => !!row && (cellIndex.get(row)?.size ?? row.cells.filter((c) => !c.derived).length) > 0

/** The model path of a cell. */
export function pathOf(table: Table, row: Row | string, column?: string): (string | number)[] {
  const key = typeof row === 'string' ? row : row.key
  return column === undefined ? ['tables', table.key, 'rows', key] : ['tables', table.key, 'rows', key, column]
}

/** Fen of one unit in the last printed decimal of a cell (0.01 万元 = 10,000 fen; 1 元 = 100 fen). */
export function centOf(cell: Cell | undefined, unit: Table['unit']): number {
  const scale = unit === '万元' ? 1_000_000 : 100
  if (!cell) return scale / 100
  // Count the printed decimals by hand: this runs for every figure the rules read.
  const raw = cell.raw
  let decimals = -1
  let digits = 0
  for (let i = raw.length - 1; i >= 0; i--) {
    const ch = raw.charCodeAt(i)
    if (ch >= 48 && ch <= 57) digits++
    else if (ch === 46 || ch === 0xff0e) {
      decimals = digits
      break
    }
  }
  if (decimals < 0) decimals = digits > 0 ? 0 : 2
  return Math.max(1, Math.round(scale / 10 ** decimals))
}

const lostCache = new WeakMap<Table, Set<string>>()
const zeroCache = new WeakMap<Table, Set<string>>()

const unplacedCache = new WeakMap<Row, boolean>()

/**
 * Whether a row holds a number the parser could not put in a standard column (`x:…`, `c3`): its
 * blank cells may be where that number belongs, so they are unknown rather than zero.
 */
export function hasUnplaced(table: Table, row: Row): boolean {
  let v = unplacedCache.get(row)
  if (v === undefined) {
    const spec = tableSpec(table.key)
    v = !!spec && row.cells.some((c) => !c.derived && !spec.columns.some((k) => k.key === c.column))
    unplacedCache.set(row, v)
  }
  return v
}

const statedCache = new WeakMap<Table, Set<string>>()

/** Whether a column has a stated cell in some row of the table. */
export function columnStated(table: Table, column: string): boolean {
  let set = statedCache.get(table)
  if (!set) {
    set = new Set(table.rows.flatMap((r) => r.cells.filter((c) => !c.derived).map((c) => c.column)))
    statedCache.set(table, set)
  }
  return set.has(column)
}

/** Rows an identity across columns applies to (in two-sided tables only the expenditure side has all the columns). */
export function identityRows(table: Table): Row[] {
  return table.rows.filter((r) => !r.key.startsWith('inc.'))
}

/**
 * Columns the spec names but the table states nowhere, split into those read as zero (the
 * identities hold with them as zero in most rows) and those lost (unknown).
 */
function classifyMissingColumns(table: Table): void {
  if (lostCache.has(table)) return
  const lost = new Set<string>()
  const zero = new Set<string>()
  const spec = tableSpec(table.key)
  const missing = new Set((spec?.columns ?? []).map((c) => c.key).filter((k) => !columnStated(table, k)))
  for (const identity of spec?.identities ?? []) {
    const absent = [identity.total, ...identity.parts].filter((k) => missing.has(k))
    if (absent.length === 0) continue
    let hold = 0
    let fail = 0
    for (const row of identityRows(table)) {
      if (!states(row) || hasUnplaced(table, row)) continue
      const total = missing.has(identity.total) ? 0 : cellOf(row, identity.total)?.fen ?? 0
      const parts = identity.parts.map((k) => (missing.has(k) ? 0 : cellOf(row, k)?.fen ?? 0))
      const sum = parts.reduce((a, b) => a + b, 0)
      if (total === 0 && sum === 0) continue
      if (Math.abs(total - sum) <= identity.parts.length * centOf(cellOf(row, identity.total), table.unit)) hold++
      else fail++
    }
    // One failing row is a wrong number, not a lost column: a column counts as lost only on repeated evidence.
    // Zero needs evidence: the identity holds with the column as zero in most rows. One failing
    // row is a wrong number, not a lost column, so a column counts as lost only on repeated failure.
    for (const k of absent) {
      if (fail >= 2 && fail > hold) lost.add(k)
      else if (hold + fail > 0) zero.add(k)
    }
  }
  // A column lost for one identity is unknown everywhere; one no identity speaks for stays unknown
  // too (blank cells in rows that state other columns are still zero: see figure()).
  for (const k of lost) zero.delete(k)
  lostCache.set(table, lost)
  zeroCache.set(table, zero)
}

/** Columns the table states nowhere and whose identities fail with them as zero: lost by the layout. */
export function lostColumns(table: Table): Set<string> {
  classifyMissingColumns(table)
  return lostCache.get(table)!
}

/** Columns the table states nowhere that its identities show to be zero. */
export function zeroColumns(table: Table): Set<string> {
  classifyMissingColumns(table)
  return zeroCache.get(table)!
}

/**
 * The value of a cell: stated, zero (a blank whose context means zero), or undefined (unknown).
 */
export function figure(table: Table, row: Row | undefined, column: string): Figure | undefined {
  if (!row) return undefined
  if (!states(row)) {
    return printedBlankLine(table, row, column) ? { fen: 0, table, row, column, cent: centOf(undefined, table.unit) } : undefined
  }
  const cell = cellOf(row, column)
  if (cell) return { fen: cell.fen, cell, table, row, column, cent: centOf(cell, table.unit) }
  if (hasUnplaced(table, row)) return undefined
  if (!columnStated(table, column) && !zeroColumns(table).has(column)) return undefined
  // The row states other columns; the column is stated elsewhere in the table or read as zero by context.
  return { fen: 0, table, row, column, cent: centOf(undefined, table.unit) }
}

/**
 * A fixed line of 部门收支总体情况表, 财政拨款收支总体情况表 or the 三公 table printed with its
 * label and no number, in a table that states numbers in that column: the template prints every
 * line and leaves it blank for none (seed 002 表1 prints 上级一般公共预算安排转移支付 blank). A line
 * the layout lost is not in the model at all and stays unknown (seed 001 表1 一、本年收入).
 */
function printedBlankLine(table: Table, row: Row, column: string): boolean {
  const kind = tableSpec(table.key)?.rows
  if (kind !== 'two-sided' && kind !== 'three-public') return false
  if (!row.place || !row.label.trim() || row.cells.length > 0) return false
  // In a two-sided table the income lines have only the first column.
  if (row.key.startsWith('inc.') && column !== 'amount' && column !== 'total') return false
  return columnStated(table, column)
}

/** The place a report points at: the cell, else its row, else its table. */
export function placeOf(f: { cell?: Cell | undefined; row?: Row | undefined; table?: Table | undefined }): Place | undefined {
  return f.cell?.place ?? f.row?.place ?? f.table?.place
}

/** 万元 with two decimals at least, for messages. */
export const money = (fen: number): string => wan(fen)

/** The result of comparing a stated figure with a sum of addends. */
export type Verdict =
  | { kind: 'equal' }
  | { kind: 'rounding'; diff: number; cents: number; addends: number }
  | { kind: 'mismatch'; diff: number }

/**
 * Compare a stated figure with the sum of `addends` stated figures. Each printed figure carries up
 * to half a unit of its last digit, so a sum of N figures may differ from the separately rounded
 * total by up to N units of the last digit (rules.md §3: real documents differ by ±0.01 万元 per
 * addend). `cent` is that unit in fen. With `partial`, the addends are only those known and the
 * total may exceed them: only an excess of the addends over the total is a mismatch.
 */
export function compare(stated: number, sum: number, addends: number, cent: number, partial = false): Verdict {
  const diff = stated - sum
  if (diff === 0 || (partial && diff > 0)) return { kind: 'equal' }
  const cents = Math.abs(diff) / cent
  if (Math.abs(diff) <= Math.max(1, addends) * cent) return { kind: 'rounding', diff, cents: Math.round(cents), addends: Math.max(1, addends) }
  return { kind: 'mismatch', diff }
}

/** The larger cent of several figures (a 元 table against a 万元 table compares at the coarser unit). */
export const centOfAll = (...fs: ({ cent: number } | undefined)[]): number => Math.max(1, ...fs.map((f) => f?.cent ?? 1))

/** Signed 万元 difference for messages (`+0.01`, `-1.00`). */
export const signed = (fen: number): string => (fen > 0 ? `+${wan(fen)}` : wan(fen))

/** A row in the code hierarchy of a table (function or economic codes, projects under their 项). */
export interface CodeNode {
  row: Row
  /** Digits of the code (`2010303`); the 项 code of a project row. */
  code: string
  /** A project row (`2010303/日常专项业务项目`): always a leaf. */
  project: boolean
  parent?: CodeNode | undefined
  children: CodeNode[]
}

const treeCache = new WeakMap<Table, CodeNode[]>()

/** The code of a row of a code-keyed table, or undefined for totals, units and named rows. */
export function codeOfRow(row: Row): { code: string; project: boolean } | undefined {
  const slash = row.key.indexOf('/')
  if (slash > 0 && /^\d{3,}$/.test(row.key.slice(0, slash))) return { code: row.key.slice(0, slash), project: true }
  if (/^\d{3,}$/.test(row.key)) return { code: row.key, project: false }
  return undefined
}

/**
 * The hierarchy of a code-keyed table: each row's parent is the nearest row whose code is a
 * proper prefix of its own (a project's parent may be the 项 row of the same code). A 类 printed
 * without its 款 rows has its 项 rows as children (seed 001 prints only 项 rows).
 */
export function codeTree(table: Table): CodeNode[] {
  const cached = treeCache.get(table)
  if (cached) return cached
  const nodes: CodeNode[] = []
  const seen = new Map<string, string>()
  for (const row of table.rows) {
    const c = codeOfRow(row)
    if (!c) continue
    // A row printed twice with the same figures (a line repeated over a page break) counts once.
    const sig = row.cells.filter((x) => !x.derived).map((x) => `${x.column}=${x.fen}`).sort().join(';')
    if (seen.get(row.key) === sig) continue
    seen.set(row.key, sig)
    nodes.push({ row, code: c.code, project: c.project, children: [] })
  }
  for (const n of nodes) {
    let best: CodeNode | undefined
    for (const p of nodes) {
      if (p === n || p.project) continue
      const proper = p.code.length < n.code.length || (n.project && p.code.length === n.code.length)
      if (proper && n.code.startsWith(p.code) && (!best || p.code.length > best.code.length)) best = p
    }
    n.parent = best
    best?.children.push(n)
  }
  treeCache.set(table, nodes)
  return nodes
}

/** A column of a table, or of part of it, as stated or summed from rows. */
export interface ColumnValue {
  /** The stated figure, when the table prints it (a 合计 row, a class row). */
  stated?: Figure | undefined
  /** The rows it is the sum of, when not stated. */
  parts: Figure[]
  /** Some rows are unknown in this column: the sum is a lower bound. */
  partial: boolean
}

/** The top-most rows of the code tree under `prefix` (all roots with prefix ''). */
export function topUnder(table: Table, prefix: string): CodeNode[] {
  return codeTree(table).filter(
    (n) => n.code.startsWith(prefix) && (!n.parent || !n.parent.code.startsWith(prefix) || n.parent.code.length < prefix.length),
  )
}

/** Sum figures of rows; unknown ones make the result partial. */
export function sumRows(table: Table, rows: Row[], column: string): ColumnValue {
  const parts: Figure[] = []
  let partial = false
  for (const r of rows) {
    const f = figure(table, r, column)
    if (f) parts.push(f)
    else partial = true
  }
  return { parts, partial }
}

/**
 * The value of a function or economic code in a column: the row of that code if printed, else the
 * sum of the top-most rows under it. Undefined when nothing under the code is printed.
 */
export function codeValue(table: Table, code: string, column: string): ColumnValue | undefined {
  const row = rowOf(table, code)
  if (row && states(row)) {
    const f = figure(table, row, column)
    return f ? { stated: f, parts: [], partial: false } : undefined
  }
  const top = topUnder(table, code)
  if (top.length === 0) return undefined
  const v = sumRows(table, top.map((n) => n.row), column)
  return v.parts.length ? v : undefined
}

/**
 * The total of a column: the 合计 row if printed, else the sum of the top-level rows (code tables)
 * or of the project rows (named tables). Undefined when nothing is printed; an empty table is zero.
 */
export function columnValue(table: Table, column: string): ColumnValue | undefined {
  const total = rowOf(table, 'total')
  if (total && states(total)) {
    const f = figure(table, total, column)
    return f ? { stated: f, parts: [], partial: false } : undefined
  }
  if (table.empty || table.rows.every((r) => !states(r))) return { parts: [], partial: false }
  const rows = codeTree(table).length
    ? topUnder(table, '').map((n) => n.row)
    : table.rows.filter((r) => r.key !== 'total' && !isUnitRow(r) && states(r))
  const v = sumRows(table, rows, column)
  return v.parts.length || !v.partial ? v : undefined
}

/** The fen of a column value. */
export const fenOf = (v: ColumnValue): number => v.stated?.fen ?? v.parts.reduce((a, f) => a + f.fen, 0)

/**
 * The rows grouped under each implementing-unit row (`unit:<name>`) of a project or named table:
 * the rows after it up to the next unit row or the 合计 row. Of these, the top-level ones (code
 * rows without a parent in the group, project rows of a named table) add up to the unit row.
 */
export function unitGroups(table: Table): { unit: Row; members: Row[] }[] {
  const groups: { unit: Row; rows: Row[] }[] = []
  let current: { unit: Row; rows: Row[] } | undefined
  for (const row of table.rows) {
    if (isUnitRow(row)) groups.push((current = { unit: row, rows: [] }))
    else if (row.key === 'total') current = undefined
    else current?.rows.push(row)
  }
  const tree = new Map(codeTree(table).map((n) => [n.row, n]))
  return groups.map(({ unit, rows }) => {
    const inGroup = new Set(rows)
    const members = rows.filter((r) => {
      const node = tree.get(r)
      if (node) return !node.parent || !inGroup.has(node.parent.row)
      return r.key.startsWith('project:')
    })
    return { unit, members }
  })
}
