import type { Cell, Column, Row, Table } from '../../model/index.ts'
import { toFen, wan, type MoneyUnit } from '../../model/money.ts'
import { tableSpec } from '../../model/tables.ts'
import type { Diagnostic } from '../../model/diagnostic.ts'
import { placeOf, type LayoutLine } from '../layout.ts'
import { squeeze } from '../chars.ts'
import { codeFromCells } from './codes.ts'
import { rawNumber, rowFields } from './line-cells.ts'
import type { RawRow } from './raw.ts'
import { recognise } from './recognise.ts'
import { resolve, type Pending } from './resolve.ts'
import { readCodedRows, readNamedRows } from './rows.ts'
import { readTwoSidedRows } from './two-sided.ts'
import { findTables, type TableRegion } from './segment.ts'

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
  // A standard title with nothing under it, not even an empty-table note, followed later by a
  // table of the same key is an entry of the contents (a scanned 目录 loses its list marks), not a
  // table: the later one is the table, with rows, a note, or empty too (its note unread by OCR).
  const tables = pending.filter(
    (p, i) => !(p.spec && p.rows.length === 0 && !p.region.note && pending.slice(i + 1).some((q) => q.key === p.key)),
  )
  // A document prints each table once; a second table with the same key is kept under a numbered key.
  const seen = new Map<string, number>()
  for (const p of tables) {
    const n = (seen.get(p.key) ?? 0) + 1
    seen.set(p.key, n)
    if (n > 1) p.key = `${p.key}#${n}`
  }
  resolve(tables)
  // A figure whose column nothing in the document decides is placed left to right, and said so.
  for (const p of tables) {
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
  // A document states most figures several times (each total in three to five tables): each is
  // formatted once per document (2% of the table reader's instructions on the seeds).
  const formatted = new Map<number, string>()
  return tables.map((p) => toTable(file, p, formatted))
}

/** The model's table; `formatted` holds the 万元 text of each figure the document's tables formatted already. */
function toTable(file: string, p: Pending, formatted: Map<number, string>): Table {
  const extra = new Set<string>()
  for (const cols of p.columns) for (const c of cols) if (c?.startsWith('x:')) extra.add(c)
  const columns: Column[] = p.spec
    ? [...p.spec.columns.map((c) => ({ key: c.key, path: [c.labels[0]!] })), ...[...extra].map((key) => ({ key, path: [key.slice(2)] }))]
    : genericColumns(p.rows, p.headers)
  // Cells and rows are made with their properties in one literal where they can be (a property
  // added later costs the object a second allocation), in the model's key order.
  const rows: Row[] = p.rows.map((raw, i) => {
    const cells: Cell[] = []
    const columns = p.columns[i]!
    const assignment = p.assignments[i]
    for (let j = 0; j < raw.numbers.length; j++) {
      const column = columns[j]
      if (!column) continue
      const { fen, raw: printed, place, confidence } = raw.numbers[j]!
      let value = formatted.get(fen!)
      if (value === undefined) {
        value = wan(fen!)
        formatted.set(fen!, value)
      }
      const cell: Cell = assignment
        ? { column, value, fen: fen!, raw: printed, place, assignment }
        : { column, value, fen: fen!, raw: printed, place }
      if (confidence !== undefined) cell.confidence = confidence
      cells.push(cell)
    }
    const row: Row = raw.code
      ? { key: raw.key, label: raw.label, cells, place: raw.place, code: raw.code }
      : { key: raw.key, label: raw.label, cells, place: raw.place }
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
    const fields = rowFields(line, strict, code ? code.fields : 0)
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
