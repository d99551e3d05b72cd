import type { Cell, Table } from '../../model/index.ts'
import type { MoneyUnit } from '../../model/money.ts'
import type { TableSpec } from '../../model/tables.ts'
import { assignColumns, fillColumns } from './assign.ts'
import { printedOrder } from './printed-order.ts'
import type { RawRow } from './raw.ts'
import type { TableRegion } from './segment.ts'

/** A table as read, before the columns of its figures are all decided. */
export interface Pending {
  region: TableRegion
  /** Header paths of an unknown table's columns. */
  headers: Map<string, string[]>
  key: string
  spec: TableSpec | undefined
  by: Table['recognisedBy']
  unit: MoneyUnit
  rows: RawRow[]
  /** Columns per row once decided (undefined entries: not yet). */
  columns: (string | undefined)[][]
  assignments: (Cell['assignment'] | undefined)[]
  /** The evidence each row was last solved with. */
  evidence: ({ siblings: (number | undefined)[]; used: boolean[] } | undefined)[]
}

/** Which columns of which tables must agree, row by row (`exp.201` in 财政拨款收支总体表 is `201` elsewhere). */
const SIBLINGS: [string, string, string, string][] = [
  ['expenditure', 'total', 'general_expenditure', 'total'],
  ['expenditure', 'basic', 'general_expenditure', 'basic'],
  ['expenditure', 'project', 'general_expenditure', 'project'],
  ['income', 'total', 'expenditure', 'total'],
  ['income', 'fiscal.general', 'general_expenditure', 'total'],
  ['income', 'fiscal.subtotal', 'general_expenditure', 'total'],
  ['fiscal_summary', 'general', 'general_expenditure', 'total'],
]

/** The sibling columns of each `table|column`, both ways round, and the tables that have any. */
const SIBLING_OF = new Map<string, [string, string][]>()
for (const [a, ac, b, bc] of SIBLINGS) {
  SIBLING_OF.set(`${a}|${ac}`, [...(SIBLING_OF.get(`${a}|${ac}`) ?? []), [b, bc]])
  SIBLING_OF.set(`${b}|${bc}`, [...(SIBLING_OF.get(`${b}|${bc}`) ?? []), [a, ac]])
}
/** The columns of each table that have sibling columns: only their figures are looked up. */
const SIBLING_COLUMNS = new Map<string, Set<string>>()
for (const [a, ac, b, bc] of SIBLINGS) {
  for (const [table, column] of [[a, ac], [b, bc]] as const) {
    if (!SIBLING_COLUMNS.has(table)) SIBLING_COLUMNS.set(table, new Set())
    SIBLING_COLUMNS.get(table)!.add(column)
  }
}

/** Columns an empty table or a blank income line shows to be empty everywhere. */
const EMPTY_TABLE_ZEROES: Record<string, string[]> = {
  general_project: ['general_expenditure.project'],
  gov_fund: ['income.fiscal.gov_fund', 'fiscal_summary.gov_fund', 'three_public.gov_fund', 'entrusted.gov_fund'],
  state_capital: ['income.fiscal.state_capital', 'fiscal_summary.state_capital', 'three_public.state_capital', 'entrusted.state_capital'],
  carryover: ['income.carryover.fiscal', 'income.carryover.nonfiscal'],
}
const BLANK_LINE_ZEROES: [string, string[]][] = [
  ['inc.general.transfer', ['income.fiscal.general_transfer']],
  ['inc.gov_fund', ['income.fiscal.gov_fund', 'fiscal_summary.gov_fund', 'income.fiscal.gov_fund_transfer']],
  ['inc.state_capital', ['income.fiscal.state_capital', 'fiscal_summary.state_capital', 'income.fiscal.state_capital_transfer']],
  ['inc.special_account', ['income.special_account']],
  ['inc.unit', ['income.unit']],
  ['inc.carryover.fiscal', ['income.carryover.fiscal']],
  ['inc.carryover.nonfiscal', ['income.carryover.nonfiscal']],
  ['inc.fiscal.gov_fund', ['fiscal_summary.gov_fund']],
  ['inc.fiscal.state_capital', ['fiscal_summary.state_capital']],
]

/** Place the numbers whose column the layout did not give, using the whole document. */
export function resolve(pending: Pending[]): void {
  // Rows with a figure the layout left without a column (income lines have one column each).
  const open = pending.map((p) => (p.spec ? openRows(p.rows) : []))
  if (open.every((rows) => rows.length === 0)) return
  const zero = zeroColumns(pending)
  const tables = pending.flatMap((p, t) => {
    if (!p.spec || open[t]!.length === 0) return []
    // Each table's columns in the order it prints them, read once.
    const spec = printedOrder(p.spec, p.region)
    const keys = spec.columns.map((c) => c.key)
    return [{
      p,
      spec,
      keys,
      columnIndex: new Map(keys.map((c, i) => [c, i])),
      rows: open[t]!,
      rowKeys: p.rows.map((row) => siblingRowKey(row.key)),
      zero: keys.map((c) => zero.has(`${p.key}.${c}`)),
      // Per column, the `table|column` keys of the columns that must agree with it.
      siblings: keys.map((c) => SIBLING_OF.get(`${p.key}|${c}`) ?? []),
      // The convention's evidence for every row it says nothing about (all but the 基本支出 table's), shared.
      noConvention: keys.map(() => false),
    }]
  })
  // Two rounds: the second sees the first's decisions in sibling tables and in the other rows.
  for (let round = 0; round < 2; round++) {
    const values = siblingValues(pending)
    for (const { p, spec, keys, columnIndex, rows, rowKeys, zero: zeroHere, siblings: siblingKeys, noConvention } of tables) {
      const uses = columnUses(p.columns, columnIndex)
      for (const i of rows) {
        const row = p.rows[i]!
        if (row.numbers.length >= keys.length) {
          // A figure for every column: placed once, whatever the evidence.
          if (round === 0) ({ columns: p.columns[i], assignment: p.assignments[i] } = fillColumns(spec, row.numbers.length))
          continue
        }
        // Columns the other rows of this table use: a column no row uses was lost by the export.
        const used = usedByOthers(uses, p.columns[i]!, columnIndex)
        const conventional = conventionalColumn(p.key, row)
        const siblings: (number | undefined)[] = []
        for (let c = 0; c < keys.length; c++) {
          siblings.push(siblingKeys[c]!.length ? firstValue(values, siblingKeys[c]!, rowKeys[i]!) : undefined)
        }
        const convention = conventional ? keys.map((k) => k === conventional) : noConvention
        // The second round changes nothing for a row whose evidence did not change.
        const evidence = p.evidence[i]
        if (evidence && sameValues(evidence.siblings, siblings) && sameValues(evidence.used, used)) continue
        p.evidence[i] = { siblings, used }
        const { columns, assignment } = assignColumns({
          spec,
          values: row.numbers.map((n) => n.fen!),
          hints: row.numbers.map((n) => n.hint),
          siblings,
          zero: zeroHere,
          used,
          convention,
          cent: p.unit === '万元' ? 10_000 : 1,
        })
        p.columns[i] = columns
        p.assignments[i] = assignment
      }
    }
  }
}

/** Element-wise equality. */
function sameValues<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Indexes of the rows with a figure whose column is not decided. */
function openRows(rows: RawRow[]): number[] {
  const open: number[] = []
  for (let i = 0; i < rows.length; i++) if (rows[i]!.side !== 'income' && hasOpenNumber(rows[i]!)) open.push(i)
  return open
}

function hasOpenNumber(row: RawRow): boolean {
  for (const n of row.numbers) if (!n.column) return true
  return false
}

/** How many rows use each column (by its index in `columnIndex`). */
function columnUses(columns: (string | undefined)[][], columnIndex: Map<string, number>): number[] {
  const uses = new Array<number>(columnIndex.size).fill(0)
  for (const cols of columns) {
    for (const c of cols) {
      const at = c === undefined ? undefined : columnIndex.get(c)
      if (at !== undefined) uses[at]!++
    }
  }
  return uses
}

/** Per column: whether a row other than the one with columns `own` uses it. */
function usedByOthers(uses: number[], own: (string | undefined)[], columnIndex: Map<string, number>): boolean[] {
  const others = uses.slice()
  for (const c of own) {
    const at = c === undefined ? undefined : columnIndex.get(c)
    if (at !== undefined) others[at]!--
  }
  const used: boolean[] = []
  for (const n of others) used.push(n > 0)
  return used
}

/** A row's key as sibling tables share it (`exp.201` in the two-sided tables is `201` elsewhere). */
function siblingRowKey(key: string): string {
  return key.startsWith('exp.') ? key.slice(4) : key
}

/** `table.column` of the columns an empty table or a blank income line shows to be empty. */
function zeroColumns(pending: Pending[]): Set<string> {
  const zero = new Set<string>()
  for (const p of pending) {
    if (p.rows.every((r) => r.numbers.length === 0)) for (const z of EMPTY_TABLE_ZEROES[p.key] ?? []) zero.add(z)
    if (p.key !== 'summary' && p.key !== 'fiscal_summary') continue
    for (const [prefix, zs] of BLANK_LINE_ZEROES) if (blankLines(p.rows, prefix)) for (const z of zs) zero.add(z)
  }
  return zero
}

/** Whether a document prints the income line `prefix` (or its sub-lines) and leaves every one of them blank (the other side of the table lists classes). */
function blankLines(rows: RawRow[], prefix: string): boolean {
  let seen = false
  for (const r of rows) {
    if (r.side !== 'income' || (r.key !== prefix && !(r.key.startsWith(prefix) && r.key.charCodeAt(prefix.length) === 46))) continue // `prefix.…`
    if (r.numbers.length) return false
    seen = true
  }
  return seen
}

/** The decided figures of the sibling tables: table → column → row key → fen. */
type SiblingValues = Map<string, Map<string, Map<string, number>>>

function siblingValues(pending: Pending[]): SiblingValues {
  const values: SiblingValues = new Map()
  for (const p of pending) {
    const wanted = SIBLING_COLUMNS.get(p.key)
    if (!wanted) continue
    const table = new Map<string, Map<string, number>>()
    values.set(p.key, table)
    p.rows.forEach((row, i) => {
      const columns = p.columns[i]!
      for (let j = 0; j < columns.length; j++) {
        const c = columns[j]
        if (!c || !wanted.has(c)) continue
        let byRow = table.get(c)
        if (!byRow) table.set(c, (byRow = new Map()))
        byRow.set(siblingRowKey(row.key), row.numbers[j]!.fen!)
      }
    })
  }
  return values
}

/** The value the first of the sibling columns (`[table, column]`) states for a row. */
function firstValue(values: SiblingValues, columns: [string, string][], rowKey: string): number | undefined {
  for (const [table, column] of columns) {
    const v = values.get(table)?.get(column)?.get(rowKey)
    if (v !== undefined) return v
  }
  return undefined
}

/**
 * The Xinjiang convention for 一般公共预算基本支出情况表: 301 工资福利 and 303 对个人和家庭的补助
 * are 人员经费, the rest 公用经费 (../shared/reference/rules.md §3.5). Documents break it (seed
 * 003 prints 30114 医疗费 as 公用经费), so it only breaks ties when the layout lost the column.
 */
function conventionalColumn(table: string, row: RawRow): string | undefined {
  if (table !== 'general_basic' || !row.code) return undefined
  return /^30[13]/.test(row.code) ? 'personnel' : 'public'
}
