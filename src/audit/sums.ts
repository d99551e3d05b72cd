import { functionCodes } from '../catalog/index.ts'
import type { Row, Table } from '../model/index.ts'
import { tableSpec } from '../model/tables.ts'
import type { At, Report } from './define-rule.ts'
import {
  centOfAll,
  codeTree,
  codeValue,
  columnValue,
  compare,
  fenOf,
  figure,
  lostColumns,
  rowOf,
  money,
  signed,
  topUnder,
  type ColumnValue,
  type Figure,
} from './figures.ts'

/**
 * Reporting a stated figure against a sum, shared by the arithmetic and cross-table rules: one
 * phrasing (found, expected, difference, as remark-lint's "Unexpected …, expected …"), rounding as
 * `info` with the number of addends, a sum of only the known addends as a lower bound.
 */

/** The Chinese message templates of a sum check. */
export const SUM_MESSAGES = {
  mismatch: '{where}为 {actual}，{what}为 {expected}（差 {diff}）',
  excess: '{where}为 {actual}，已列明的{what}已达 {expected}，超过了它（差 {diff}）',
  rounding: '{where}为 {actual}，{what}为 {expected}（差 {diff}，在 {addends} 个加数的舍入范围内）',
} as const

/** The English message templates of a sum check. */
export const SUM_MESSAGES_EN = {
  mismatch: '{whereEn} is {actual}, {whatEn} is {expected} (difference {diff})',
  excess: '{whereEn} is {actual}, but the stated {whatEn} already come to {expected} (difference {diff})',
  rounding: '{whereEn} is {actual}, {whatEn} is {expected} (difference {diff}, within rounding of {addends} addends)',
} as const

/** Message ids of a sum check. */
export type SumMessageId = keyof typeof SUM_MESSAGES

/** 表名 of a table: its printed title, else the standard one, else its key. */
export function tableName(table: Table): string {
  return (table.title?.replace(/\s+/g, '') || tableSpec(table.key)?.title) ?? table.key
}

/** How a row is named in messages: its code and label as printed, or 合计. */
export function rowName(row: Row | undefined, key?: string): string {
  if (!row) return key === 'total' ? '合计' : key ?? ''
  if (row.key === 'total') return row.label.replace(/\s+/g, '') || '合计'
  const label = row.label.replace(/\s+/g, '')
  const code = row.code ?? ''
  if (code && !label.startsWith(code)) return label ? `${code} ${label}` : code
  return label || row.key
}

/** How a column is named in messages: the spec's first label, nothing for a one-column table. */
export function columnName(table: Table, column: string): string {
  if (column === 'amount') return ''
  const printed = table.columns.find((c) => c.key === column)?.path.join('/')
  return printed?.replace(/\s+/g, '') || tableSpec(table.key)?.columns.find((c) => c.key === column)?.labels[0] || column
}

/** `部门支出总体情况表「合计」基本支出` */
export function where(table: Table, row: Row | undefined, column: string, key?: string): string {
  const col = columnName(table, column)
  return `${tableName(table)}「${rowName(row, key)}」${col}`
}

/** `expenditure/total/basic` */
export function whereEn(table: Table, row: Row | undefined, column: string, key?: string): string {
  return [table.key, row?.key ?? key ?? '', column === 'amount' ? '' : column].filter(Boolean).join('/')
}

/** A cell reference for reports. */
export function atOf(f: Figure): At {
  return { table: f.table, row: f.row, column: f.column, cell: f.cell }
}

/** One check: a stated figure against the sum of other figures. */
export interface SumCheck {
  /** The stated figure the report points at. */
  total: Figure
  /** The stated addends (blanks read as zero included). */
  parts: Figure[]
  /** Some addends are unknown: the sum is a lower bound of the total. */
  partial?: boolean
  /** How many printed figures the sum is made of, when more than `parts` (a sum of sums). */
  addends?: number
  /** What the sum is, in Chinese (`明细之和`). */
  what: string
  /** What the sum is, in English (`sum of the detail rows`). */
  whatEn: string
  /** Where, when the total is not a cell (a sum standing in for a lost total). */
  where?: string
  /** The same in English. */
  whereEn?: string
}

/**
 * Compare and report. Returns the verdict kind, so callers can count what they checked.
 * Rounding differences are reported at severity `info`.
 */
export function checkSum(report: (r: Report<SumMessageId>) => void, c: SumCheck): 'equal' | 'rounding' | 'mismatch' {
  const sum = c.parts.reduce((a, f) => a + f.fen, 0)
  // Only printed figures carry rounding: a blank read as zero is exact.
  const addends = c.addends ?? Math.max(1, c.parts.filter((f) => f.cell).length)
  const cent = centOfAll(c.total, ...c.parts)
  const v = compare(c.total.fen, sum, addends, cent, c.partial ?? false)
  if (v.kind === 'equal') return 'equal'
  const data = {
    where: c.where ?? where(c.total.table, c.total.row, c.total.column),
    whereEn: c.whereEn ?? whereEn(c.total.table, c.total.row, c.total.column),
    what: c.what,
    whatEn: c.whatEn,
    actual: money(c.total.fen),
    expected: money(sum),
    diff: signed(v.diff),
    addends: v.kind === 'rounding' ? v.addends : addends,
  }
  // Every stated addend is listed: a reviewer (or a mutation test) looks for the cell that is off among them.
  const related = c.parts
    .filter((f) => f.cell)
    .map((f) => ({
      message: `${where(f.table, f.row, f.column)} ${money(f.fen)}`,
      messageEn: `${whereEn(f.table, f.row, f.column)} ${money(f.fen)}`,
      at: atOf(f),
    }))
  report({
    messageId: v.kind === 'rounding' ? 'rounding' : c.partial ? 'excess' : 'mismatch',
    data,
    at: atOf(c.total),
    actual: money(c.total.fen),
    expected: money(sum),
    related,
    ...(v.kind === 'rounding' ? { severity: 'info' as const } : {}),
  })
  return v.kind
}

/** One side of a cross-table comparison. */
export interface Side {
  /** The stated figure, or the rows it sums. */
  value: ColumnValue
  /** Where this side is, for messages when it is a sum (`部门收入总体情况表「201」合计`). */
  where: string
  /** The same in English (`income/201/total`). */
  whereEn: string
  /** The table a sum without a cell is reported at. */
  table: Table
}

/**
 * Compare the same quantity as two tables give it. The report points at a stated figure (the first
 * side's if it has one) and lists the other side under `related`. A side that is a sum of rows
 * counts each row as an addend for rounding; a partial sum is only a lower bound.
 */
export function checkSame(report: (r: Report<SumMessageId>) => void, a: Side, b: Side): 'equal' | 'rounding' | 'mismatch' | 'skipped' {
  // Put a stated, complete side first: the report needs a cell to point at, and a lower bound can only be the addends.
  const order = [a, b].sort((x, y) => rank(x) - rank(y))
  const [first, second] = order as [Side, Side]
  if (first.value.partial) return 'skipped'
  // A sum with one stated row (the others blank, read as zero) is that row: point at its cell.
  const statedParts = first.value.parts.filter((p) => p.cell)
  const single = !first.value.stated && statedParts.length === 1 ? { ...statedParts[0]!, fen: fenOf(first.value) } : undefined
  const total: Figure = first.value.stated ?? single ?? {
    fen: fenOf(first.value),
    table: first.table,
    column: first.value.parts[0]?.column ?? 'total',
    cent: centOfAll(...first.value.parts),
  }
  const parts = second.value.stated ? [second.value.stated] : second.value.parts
  const printed = (v: ColumnValue): number => Math.max(1, v.parts.filter((f) => f.cell).length)
  const addends = printed(first.value) + printed(second.value) - 1
  return checkSum(report, {
    total,
    parts,
    partial: second.value.partial,
    addends,
    what: second.where,
    whatEn: second.whereEn,
    ...(first.value.stated || single ? {} : { where: first.where, whereEn: first.whereEn }),
  })
}

/** Stated first, then a sum with one printed figure (it can be pointed at), then other sums, partial ones last. */
const rank = (s: Side): number =>
  s.value.partial ? 3 : s.value.stated ? 0 : s.value.parts.filter((f) => f.cell).length === 1 ? 1 : 2

/** A side made of one stated cell (undefined when the cell is unknown). */
export function cellSide(table: Table | undefined, rowKey: string, column: string): Side | undefined {
  if (!table) return undefined
  const row = rowOf(table, rowKey)
  const f = figure(table, row, column)
  if (!f) return undefined
  return { value: { stated: f, parts: [], partial: false }, where: where(table, row, column), whereEn: whereEn(table, row, column), table }
}

/** A side made of a column total of a table (its 合计 row, else the sum of its top rows). */
export function columnSide(table: Table | undefined, column: string): Side | undefined {
  if (!table) return undefined
  const value = columnValue(table, column)
  if (!value) return undefined
  return { value, where: where(table, undefined, column, 'total'), whereEn: whereEn(table, undefined, column, 'total'), table }
}

/**
 * A side made of the value of a code in a column (its row, else the sum of the rows under it).
 * A code nothing is printed under counts as zero when the table prints other codes at least as
 * deep: coded tables list every code that has money.
 */
export function codeSide(table: Table | undefined, code: string, column: string): Side | undefined {
  if (!table) return undefined
  let value = codeValue(table, code, column)
  if (!value) {
    // Zero only where the table prints codes as deep as this one: a table printed down to 款 says nothing of a 项.
    const deepEnough = codeTree(table).some((n) => !n.project && n.code.length >= code.length)
    if (table.empty || (deepEnough && topUnder(table, code).length === 0 && !lostColumns(table).has(column))) {
      value = { parts: [], partial: false }
    } else return undefined
  }
  const row = rowOf(table, code)
  return { value, where: where(table, row, column, code), whereEn: whereEn(table, row, column, code), table }
}

/** Compare each pair whose both sides are known. */
export function checkPairs(report: (r: Report<SumMessageId>) => void, pairs: [Side | undefined, Side | undefined][]): void {
  for (const [a, b] of pairs) if (a && b) checkSame(report, a, b)
}

/** Function classes (`201`) a two-sided table prints on its expenditure side. */
export function expClasses(table: Table | undefined): string[] {
  return (table?.rows ?? []).filter((r) => /^exp\.\d{3}$/.test(r.key)).map((r) => r.key.slice(4))
}

/** `total = Σ parts` among the lines of a two-sided table; `subset` parts only bound it. */
export interface Relation {
  /** Row key of the line that is the sum. */
  total: string
  /** Row keys of its addends. */
  parts: string[]
  /** The parts are 其中 lines: their sum may be less than the total. */
  subset?: boolean
  /** What the sum is, in Chinese. */
  what: string
  /** What the sum is, in English. */
  whatEn: string
}

/**
 * Check the relations of a two-sided table in one column, and `exp.total = Σ exp.<类>`.
 * A line not printed (or printed blank) is unknown, so a sum with such a line is a lower bound:
 * the seeds lose whole lines in layout (seed 001 表1 loses 一、本年收入 and 收入总计).
 */
export function checkTwoSided(
  table: Table,
  relations: Relation[],
  column: string,
  report: (r: Report<SumMessageId>) => void,
): void {
  for (const rel of relations) {
    const total = figure(table, rowOf(table, rel.total), column)
    if (!total) continue
    const parts: Figure[] = []
    let partial = !!rel.subset
    for (const k of rel.parts) {
      const f = figure(table, rowOf(table, k), column)
      if (f) parts.push(f)
      else partial = true
    }
    if (parts.length === 0) continue
    checkSum(report, { total, parts, partial, what: rel.what, whatEn: rel.whatEn })
  }
  const classes = table.rows.filter((r) => /^exp\.\d{3}$/.test(r.key))
  const parts = classes.map((r) => figure(table, r, column)).filter((f): f is Figure => !!f)
  if (parts.length === 0) return
  const expTotal = figure(table, rowOf(table, 'exp.total'), column)
  // Without 支出总计, 收入总计 stands for it (the balance of the table).
  const incTotal = column === 'amount' || column === 'total' ? figure(table, rowOf(table, 'inc.total'), column) : undefined
  const total = expTotal ?? incTotal
  if (!total) return
  checkSum(report, {
    total,
    parts,
    // Exact only when every function class is printed (the Xinjiang template lists all 30, blank for
    // none); otherwise an unprinted class cannot be told from a line the layout lost.
    partial: !functionCodes()
      .entries.filter((e) => e.level === '类')
      .every((e) => figure(table, rowOf(table, `exp.${e.code}`), column)),
    what: '各类支出之和',
    whatEn: 'sum of the expenditure classes',
  })
}

