import type { Cell, Column, Row, Table } from '../../model/index.ts'
import { toFen, wan, type MoneyUnit } from '../../model/money.ts'
import { tableSpec, type TableSpec } from '../../model/tables.ts'
import type { Diagnostic } from '../../model/diagnostic.ts'
import { placeOf, type LayoutLine } from '../layout.ts'
import { squeeze } from '../normalize.ts'
import { assignColumns, fillColumns } from './assign.ts'
import { codeFromCells } from './codes.ts'
import { fieldsOf, rawNumber } from './line-cells.ts'
import type { RawRow } from './raw.ts'
import { recognise } from './recognise.ts'
import { readCodedRows, readNamedRows, readTwoSidedRows } from './rows.ts'
import { findTables, type TableRegion } from './segment.ts'

interface Pending {
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
const SIBLING_TABLES = new Set(SIBLINGS.flatMap(([a, , b]) => [a, b]))

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

function unitOf(region: TableRegion): MoneyUnit {
  for (const l of [region.anchor, ...region.lines]) {
    const m = /单位[:：]\s*(万元|元)/.exec(l.text)
    if (m) return m[1] as MoneyUnit
  }
  return '万元'
}

/** Read every table of 第二部分 from the layout. */
export function readTables(
  file: string,
  lines: LayoutLine[],
  units: Set<string>,
  diagnostics: Diagnostic[],
  kind: '预算' | '决算' = '预算',
): Table[] {
  const pending: Pending[] = []
  let unknown = 0
  // 决算 tables have no keys yet (docs/facts.md): keep them generic rather than force them onto budget keys.
  const recognised = findTables(lines).map((region) => ({ region, r: kind === '决算' ? { key: undefined, by: 'title' as const } : recognise(region) }))
  // A title repeated on the next page (no other 表 number) continues the table above.
  for (let i = recognised.length - 1; i > 0; i--) {
    const { region, r } = recognised[i]!
    const prev = recognised[i - 1]!
    if (r.key && r.key === prev.r.key && (region.number === undefined || region.number === prev.region.number)) {
      prev.region.lines.push(...region.lines)
      if (region.note) prev.region.note = region.note
      recognised.splice(i, 1)
    }
  }
  for (const { region, r } of recognised) {
    const unit = unitOf(region)
    const spec = r.key ? tableSpec(r.key) : undefined
    const key = spec ? spec.key : `table${region.number ?? ++unknown}`
    const ctx = spec && { file, key: spec.key, rows: spec.rows, columns: spec.columns, strictDecimals: unit === '万元', diagnostics }
    const headers = new Map<string, string[]>()
    const rows = !ctx
      ? readGenericRows(file, region.lines, unit === '万元', headers)
      : ctx.rows === 'two-sided'
        ? readTwoSidedRows(ctx, region.lines)
        : ctx.rows === 'three-public' || ctx.rows === 'named'
          ? readNamedRows(ctx, region.lines, units)
          : readCodedRows(ctx, region.lines)
    for (const row of rows) {
      let bad = false
      for (const n of row.numbers) {
        const fen = toFen(n.value, unit)
        if (fen !== undefined) n.fen = fen
        else {
          // A figure finer than a fen (more than six decimals of 万元) is no amount this model can hold exactly.
          bad = true
          diagnostics.push({ ruleId: 'parse/unreadable-number', severity: 'warning', message: `无法精确读取的金额「${n.raw}」，未作为数据`, place: n.place })
        }
      }
      if (bad) row.numbers = row.numbers.filter((n) => n.fen !== undefined)
    }
    if (!spec) {
      const name = region.title?.title ?? region.caption ?? `表 ${region.number ?? '?'}`
      diagnostics.push({
        ruleId: kind === '决算' ? 'parse/final-accounts-table' : 'parse/unknown-table',
        severity: 'info',
        message: kind === '决算' ? `决算表「${name}」尚无标准键，按通用表保留` : `未识别的表「${name}」，按通用表保留`,
        place: placeOf(file, region.anchor, 0, region.anchor.text.length),
      })
    }
    pending.push({
      region,
      headers,
      key,
      spec,
      by: r.by === 'title' ? 'title' : spec ? 'shape' : 'number',
      unit,
      rows,
      columns: rows.map((row) => row.numbers.map((n) => n.column)),
      assignments: rows.map(() => undefined),
      evidence: rows.map(() => undefined),
    })
  }
  // A document prints each table once; a second table with the same key is kept under a numbered key.
  const seen = new Map<string, number>()
  for (const p of pending) {
    const n = (seen.get(p.key) ?? 0) + 1
    seen.set(p.key, n)
    if (n > 1) p.key = `${p.key}#${n}`
  }
  resolve(pending)
  // A figure whose column nothing in the document decides is placed left to right, and said so.
  for (const p of pending) {
    p.assignments.forEach((a, i) => {
      if (a?.by !== 'order') return
      const row = p.rows[i]!
      diagnostics.push({
        ruleId: 'parse/column-undecided',
        severity: 'warning',
        message: `「${row.label || row.key}」的数字 ${row.numbers.map((n) => n.raw).join('、')} 所在列无法由表内外关系唯一确定，已按从左到右取列（${p.columns[i]!.join('、')}）`,
        place: row.place,
      })
    })
  }
  return pending.map((p) => toTable(file, p))
}


/** Place the numbers whose column the layout did not give, using the whole document. */
function resolve(pending: Pending[]): void {
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
      rows: open[t]!,
      rowKeys: p.rows.map((row) => siblingRowKey(row.key)),
      zero: keys.map((c) => zero.has(`${p.key}.${c}`)),
      // Per column, the `table|column` keys of the columns that must agree with it.
      siblings: keys.map((c) => (SIBLING_OF.get(`${p.key}|${c}`) ?? []).map(([table, column]) => `${table}|${column}`)),
    }]
  })
  // Two rounds: the second sees the first's decisions in sibling tables and in the other rows.
  for (let round = 0; round < 2; round++) {
    const values = siblingValues(pending)
    for (const { p, spec, keys, rows, rowKeys, zero: zeroHere, siblings: siblingKeys } of tables) {
      const useCount = new Map<string, number>()
      for (const cols of p.columns) for (const c of cols) if (c) useCount.set(c, (useCount.get(c) ?? 0) + 1)
      for (const i of rows) {
        const row = p.rows[i]!
        if (row.numbers.length >= keys.length) {
          // A figure for every column: placed once, whatever the evidence.
          if (round === 0) ({ columns: p.columns[i], assignment: p.assignments[i] } = fillColumns(spec, row.numbers.length))
          continue
        }
        const own = p.columns[i]!
        const used: boolean[] = []
        const siblings: (number | undefined)[] = []
        const convention: boolean[] = []
        for (let c = 0; c < keys.length; c++) {
          const key = keys[c]!
          let ownUses = 0
          for (const o of own) if (o === key) ownUses++
          // Columns the other rows of this table use: a column no row uses was lost by the export.
          used.push((useCount.get(key) ?? 0) - ownUses > 0)
          siblings.push(firstValue(values, siblingKeys[c]!, rowKeys[i]!))
          convention.push(conventionFits(p.key, row, key))
        }
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

function sameValues<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Indexes of the rows with a figure whose column is not decided. */
function openRows(rows: RawRow[]): number[] {
  const open: number[] = []
  rows.forEach((row, i) => {
    if (row.side !== 'income' && row.numbers.some((n) => !n.column)) open.push(i)
  })
  return open
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

/** Whether a document prints the income line `prefix` (or its sub-lines) and leaves every one of them blank. */
function blankLines(rows: RawRow[], prefix: string): boolean {
  let seen = false
  for (const r of rows) {
    if (r.key !== prefix && !(r.key.startsWith(prefix) && r.key.charCodeAt(prefix.length) === 46)) continue // `prefix.…`
    if (r.numbers.length) return false
    seen = true
  }
  return seen
}

/** The decided figures of the sibling tables: `table|column` → row key → fen. */
function siblingValues(pending: Pending[]): Map<string, Map<string, number>> {
  const values = new Map<string, Map<string, number>>()
  for (const p of pending) {
    if (!SIBLING_TABLES.has(p.key)) continue
    p.rows.forEach((row, i) => {
      const rowKey = siblingRowKey(row.key)
      p.columns[i]!.forEach((c, j) => {
        if (!c) return
        const column = `${p.key}|${c}`
        let byRow = values.get(column)
        if (!byRow) values.set(column, (byRow = new Map()))
        byRow.set(rowKey, row.numbers[j]!.fen!)
      })
    })
  }
  return values
}

/** The value the first of the sibling columns states for a row. */
function firstValue(values: Map<string, Map<string, number>>, columns: string[], rowKey: string): number | undefined {
  for (const column of columns) {
    const v = values.get(column)?.get(rowKey)
    if (v !== undefined) return v
  }
  return undefined
}

/**
 * The spec with its columns in the order the document prints them, read from a plain-text header
 * line that names two or more of them (`科目编码 科目名称 项目支出 基本支出 合计`). Numbers are
 * placed in order, so a template that prints its columns in another order must be read in its own.
 * Drawn cells are placed under their header instead, and a multi-level header that names fewer than
 * two columns on one line keeps the spec's order.
 */
function printedOrder(spec: TableSpec, region: TableRegion): TableSpec {
  if (region.lines.some((l) => l.cells)) return spec
  let best: { key: string; at: number }[] = []
  const labels = labelsOf(spec)
  // The header is above the first figure.
  for (const line of region.lines) {
    if (/\d\.\d/.test(line.text)) break
    // Layout text is normalised already (half-width brackets).
    const text = squeeze(line.text)
    if (!text) continue
    const taken: [number, number][] = []
    const found: { key: string; at: number }[] = []
    for (const { key, label } of labels) {
      if (hasKey(found, key)) continue
      let at = text.indexOf(label)
      while (at >= 0 && overlaps(taken, at, at + label.length)) at = text.indexOf(label, at + 1)
      if (at < 0) continue
      taken.push([at, at + label.length])
      found.push({ key, at })
    }
    if (found.length > best.length) best = found
  }
  if (best.length < 2) return spec
  const printed = [...best].sort((a, b) => a.at - b.at).map((f) => f.key)
  const inSpec = spec.columns.map((c) => c.key).filter((k) => printed.includes(k))
  if (printed.every((k, i) => k === inSpec[i])) return spec
  // The named columns take their printed order in the slots they hold; the others stay where they are.
  const byKey = new Map(spec.columns.map((c) => [c.key, c]))
  let next = 0
  const columns = spec.columns.map((c) => (printed.includes(c.key) ? byKey.get(printed[next++]!)! : c))
  return { ...spec, columns }
}

function hasKey(found: { key: string }[], key: string): boolean {
  for (const f of found) if (f.key === key) return true
  return false
}

function overlaps(spans: [number, number][], start: number, end: number): boolean {
  for (const [a, b] of spans) if (start < b && end > a) return true
  return false
}

const labelLists = new WeakMap<TableSpec, { key: string; label: string }[]>()

/** A spec's column labels, longest first (so 项目支出合计 is not read as 合计), listed once per spec. */
function labelsOf(spec: TableSpec): { key: string; label: string }[] {
  let labels = labelLists.get(spec)
  if (!labels) {
    labels = spec.columns.flatMap((c) => c.labels.map((label) => ({ key: c.key, label }))).sort((a, b) => b.label.length - a.label.length)
    labelLists.set(spec, labels)
  }
  return labels
}

/**
 * The Xinjiang convention for 一般公共预算基本支出情况表: 301 工资福利 and 303 对个人和家庭的补助
 * are 人员经费, the rest 公用经费 (../shared/reference/rules.md §3.5). Documents break it (seed
 * 003 prints 30114 医疗费 as 公用经费), so it only breaks ties when the layout lost the column.
 */
function conventionFits(table: string, row: RawRow, column: string): boolean {
  if (table !== 'general_basic' || !row.code) return false
  const personnel = /^30[13]/.test(row.code)
  return column === (personnel ? 'personnel' : 'public')
}

function toTable(file: string, p: Pending): Table {
  const extra = new Set<string>()
  for (const cols of p.columns) for (const c of cols) if (c?.startsWith('x:')) extra.add(c)
  const columns: Column[] = p.spec
    ? [...p.spec.columns.map((c) => ({ key: c.key, path: [c.labels[0]!] })), ...[...extra].map((key) => ({ key, path: [key.slice(2)] }))]
    : genericColumns(p.rows, p.headers)
  const rows: Row[] = p.rows.map((raw, i) => {
    const cells: Cell[] = []
    raw.numbers.forEach((n, j) => {
      const column = p.columns[i]![j]
      if (!column) return
      const fen = n.fen!
      const cell: Cell = { column, value: wan(fen), fen, raw: n.raw, place: n.place }
      const a = p.assignments[i]
      if (a) cell.assignment = a
      if (n.confidence !== undefined) cell.confidence = n.confidence
      cells.push(cell)
    })
    const row: Row = { key: raw.key, label: raw.label, cells, place: raw.place }
    if (raw.code) row.code = raw.code
    if (raw.project) row.project = raw.project
    return row
  })
  const table: Table = {
    key: p.key,
    unit: p.unit,
    recognisedBy: p.by,
    columns,
    rows,
    empty: rows.every((r) => r.cells.length === 0),
    place: placeOf(file, p.region.anchor, 0, p.region.anchor.text.trimEnd().length),
  }
  if (p.region.title) table.title = p.region.title.title
  else if (p.region.caption) table.title = p.region.caption
  if (p.region.number !== undefined) table.number = p.region.number
  if (p.region.note) table.emptyNote = { text: squeeze(p.region.note.text), place: placeOf(file, p.region.note, 0, p.region.note.text.trimEnd().length) }
  return table
}

/** Columns of a table we do not know: `c<N>` by the drawn cell (or number) position, with the header words above it as its path. */
function genericColumns(rows: RawRow[], headers: Map<string, string[]>): Column[] {
  const keys = new Set<string>()
  for (const r of rows) for (const n of r.numbers) if (n.column) keys.add(n.column)
  return [...keys]
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((key) => ({ key, path: headers.get(key) ?? [] }))
}

/** Rows of an unknown table: every line with numbers, keyed by its code or label; header lines give the column paths. */
function readGenericRows(file: string, lines: LayoutLine[], strict: boolean, headers: Map<string, string[]>): RawRow[] {
  const rows: RawRow[] = []
  for (const line of lines) {
    const code = line.cells && codeFromCells(line.cells, 'function')
    // Code cells (类 | 款 | 项) are not amounts.
    const fields = fieldsOf(line, strict).filter((f) => !code || f.index === undefined || f.index >= code.fields)
    const nums = fields.filter((f) => f.number !== undefined)
    if (!nums.length) {
      if (rows.length === 0) {
        for (const f of fields) {
          if (f.index === undefined || !f.text || /^(编制|单位)/.test(f.text)) continue
          const key = `c${f.index + 1}`
          headers.set(key, [...(headers.get(key) ?? []), squeeze(f.text)])
        }
      }
      continue
    }
    // A header fragment may share the line of the total row (`类 | 款 | 项 | 合计 | 2,946.25` in PDF 决算 tables).
    const label = squeeze(fields.filter((f) => f.number === undefined).map((f) => f.text).join('')).replace(/^类款项?/, '')
    rows.push({
      key: code ? code.code : /^(合计|总计)$/.test(label) ? 'total' : label ? `label:${label}` : `line:${line.line}`,
      label,
      place: placeOf(file, line, 0, line.text.length),
      numbers: nums.map((f, i) => rawNumber(file, line, f, `c${(f.index ?? i) + 1}`)),
    })
  }
  return rows
}
