/**
 * The body of a table as printed: one row of cells per model row, aligned with the columns of its
 * standard header (headers.ts). Only what the model states is printed: a cell the model does not
 * have stays blank, and derived cells (not facts of the document) are left out.
 */
import type { Cell, Row, Table } from '../model/index.ts'
import type { ColumnRef, HeaderGrid, Side } from './headers.ts'

/** One printed body cell. */
export interface BodyCell {
  /** The text as printed (`1,221.42`, `201`, `行政运行`), empty for a blank cell. */
  text: string
  /** A money cell: its value in the table's unit as a JS number (for spreadsheets) and its decimals. */
  number?: { value: number; decimals: number }
  align: 'left' | 'center' | 'right'
}

/** A body row; `total` marks the 合计/总计 row. */
export interface BodyRow {
  cells: BodyCell[]
  total: boolean
}

const BLANK: BodyCell = { text: '', align: 'left' }

/**
 * Labels in the model are normalised (half-width brackets and colon); the originals print them
 * full-width (`政府办公厅（室）及相关机构事务`, `其中：一般财力`). Only code names and fixed labels
 * go through this; project and unit names are printed exactly as their row key has them.
 */
export function printedLabel(label: string): string {
  return label.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：')
}

/** A sentence of the model (normalised, as an empty table's note) with the full-width punctuation of the originals. */
export function printedText(text: string): string {
  return printedLabel(text).replace(/,/g, '，').replace(/;/g, '；')
}

/** `1234567.5` → `1,234,567.5`: thousands separators on the integer part of a plain decimal. */
export function withThousands(decimal: string): string {
  const [int = '', frac] = decimal.split('.')
  const sign = int.startsWith('-') ? '-' : ''
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${digits}${frac === undefined ? '' : `.${frac}`}`
}

/** The value of a cell in the unit its table is printed in, as a plain decimal. */
export function inUnit(cell: Cell, unit: Table['unit']): string {
  if (unit === '万元') return cell.value
  // 1 元 = 100 fen; a model value from a 元 table is whole fen, so this is exact.
  const neg = cell.fen < 0
  const abs = Math.abs(cell.fen)
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

function money(cell: Cell | undefined, unit: Table['unit']): BodyCell {
  if (!cell || cell.derived) return BLANK
  const plain = inUnit(cell, unit)
  return { text: withThousands(plain), number: { value: Number(plain), decimals: plain.split('.')[1]?.length ?? 0 }, align: 'right' }
}

const text = (t: string | undefined, align: BodyCell['align'] = 'left'): BodyCell => (t ? { text: t, align } : BLANK)

/** Split a classification code into its printed parts: 类 3 digits, then 款 and 项 2 each. */
export function codeParts(code: string): string[] {
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter((p) => p !== '')
}

/** The name printed for a row: unit and project names exactly as their key has them. */
function rowName(row: Row): string {
  for (const prefix of ['unit:', 'project:']) if (row.key.startsWith(prefix)) return row.key.slice(prefix.length)
  return printedLabel(row.label)
}

/** The project name of a `<项 code>/<项目名称>` row. */
function projectName(row: Row): string | undefined {
  const slash = row.key.indexOf('/')
  return slash > 0 && /^\d+$/.test(row.key.slice(0, slash)) ? row.key.slice(slash + 1) : undefined
}

function cellOf(row: Row | undefined, ref: ColumnRef, unit: Table['unit']): BodyCell {
  if (!row) return BLANK
  switch (ref.kind) {
    case 'value':
      return money(row.cells.find((c) => c.column === ref.key), unit)
    case 'code':
      return row.code ? text(codeParts(row.code)[ref.part], 'center') : BLANK
    case 'project':
      return text(projectName(row))
    case 'name': {
      if (ref.side === 'exp' && /^exp\.\d+$/.test(row.key)) return text(`${row.key.slice(4)} ${printedLabel(row.label)}`)
      if (row.key === 'total' || row.key.endsWith('.total')) return text(printedLabel(row.label), 'center')
      return text(rowName(row))
    }
  }
}

const isTotal = (row: Row | undefined) => row !== undefined && (row.key === 'total' || row.key.endsWith('.total'))

/** The printed body of a table under the given header. */
export function tableBody(table: Table, header: HeaderGrid): BodyRow[] {
  const two = header.columns.some((c) => 'side' in c && c.side !== undefined)
  const line = (pick: (side: Side | undefined) => Row | undefined): BodyRow => ({
    cells: header.columns.map((ref) => cellOf(pick('side' in ref ? ref.side : undefined), ref, table.unit)),
    total: isTotal(pick('inc')) || isTotal(pick(undefined)),
  })

  if (two) {
    // Two-sided tables (部门收支总体情况表, 财政拨款收支预算总体情况表): income lines down the left,
    // function classes down the right, the two 总计 lines side by side at the bottom.
    // Any row that is not an expenditure class stays on the income side, so no model row is dropped.
    const inc = table.rows.filter((r) => !r.key.startsWith('exp.') && r.key !== 'inc.total')
    const exp = table.rows.filter((r) => r.key.startsWith('exp.') && r.key !== 'exp.total')
    const rows: BodyRow[] = []
    for (let i = 0; i < Math.max(inc.length, exp.length); i++) rows.push(line((s) => (s === 'exp' ? exp[i] : inc[i])))
    const incTotal = table.rows.find((r) => r.key === 'inc.total')
    const expTotal = table.rows.find((r) => r.key === 'exp.total')
    if (incTotal || expTotal) rows.push({ ...line((s) => (s === 'exp' ? expTotal : incTotal)), total: true })
    return rows
  }

  const rows = table.rows.map((row) => line(() => row))
  // An empty table still prints its blank 总计 row (seed 003, 表 8, 9 and 12).
  if (rows.length === 0) rows.push(line(() => ({ key: 'total', label: '总计', cells: [] })))
  return rows
}
