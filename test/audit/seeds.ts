import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Cell, Disclosure, Row, Table } from '../../src/model/index.ts'
import { toFen, wan } from '../../src/model/index.ts'
import { tableSpec } from '../../src/model/tables.ts'
import { parseText } from '../../src/parse/index.ts'
import { parseCsvLine } from '../../src/catalog/index.ts'

/**
 * The seeds as the audit tests see them: the tables are the hand-verified facts of
 * test/fixtures/seeds/<id>.facts.csv, not whatever the parser prints today; the parser supplies
 * only what the facts do not carry (row labels, source places, table titles, empty-table notes,
 * and the lines of 表1, 表4 and the 三公 table printed blank).
 */

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Seed ids with a facts fixture. */
export const SEED_IDS = ['001', '002', '003'] as const
export type SeedId = (typeof SEED_IDS)[number]

/** Path of a seed's source text, relative to the repository root. */
export function seedFile(id: SeedId): string {
  const name = readdirSync(`${root}examples/seeds`).find((f) => f.startsWith(`${id}_`))
  if (!name) throw new Error(`no seed ${id}`)
  return `${root}examples/seeds/${name}`
}

/** The facts of a seed: [table, row, column, value] in document order. */
export function seedFacts(id: SeedId): [string, string, string, string][] {
  const text = readFileSync(`${root}test/fixtures/seeds/${id}.facts.csv`, 'utf8')
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => parseCsvLine(l) as [string, string, string, string])
}

const cache = new Map<SeedId, Disclosure>()

function emptyDisclosure(file: string): Disclosure {
  return {
    file,
    kind: '预算',
    unit: '万元',
    overview: { units: [], staffing: {} },
    tables: [],
    sections: [],
    claims: [],
    performance: { counts: [], tables: [], notes: [] },
    glossary: [],
    partial: false,
  } as unknown as Disclosure
}

function build(id: SeedId): Disclosure {
  const file = seedFile(id)
  let parsed: Disclosure | undefined
  try {
    parsed = parseText(file, readFileSync(file)).disclosure
  } catch {
    parsed = undefined
  }
  const base: Disclosure = parsed ? structuredClone(parsed) : emptyDisclosure(file)
  const byTable = new Map<string, [string, string, string][]>()
  for (const [t, r, c, v] of seedFacts(id)) {
    if (!byTable.has(t)) byTable.set(t, [])
    byTable.get(t)!.push([r, c, v])
  }
  const tables: Table[] = []
  const done = new Set<string>()
  const factTable = (key: string, from: Table | undefined): Table => {
    const facts = byTable.get(key) ?? []
    const table: Table = from
      ? { ...from, rows: [] }
      : { key, unit: '万元', recognisedBy: 'title', columns: [], rows: [], empty: facts.length === 0 }
    const usedPlaces = new Set<Cell>()
    const parsedCells = (from?.rows ?? []).flatMap((r) => r.cells.map((c) => ({ row: r, cell: c })))
    for (const [rowKey, column, value] of facts) {
      let row = table.rows.find((r) => r.key === rowKey)
      if (!row) {
        const p = from?.rows.find((r) => r.key === rowKey)
        const code = /^\d+/.exec(rowKey)?.[0] ?? /^exp\.(\d+)$/.exec(rowKey)?.[1]
        row = { key: rowKey, label: p?.label ?? '', cells: [] } as Row
        if (code) row.code = code
        if (rowKey.includes('/')) row.project = rowKey.slice(rowKey.indexOf('/') + 1)
        if (p?.place) row.place = p.place
        table.rows.push(row)
      }
      const fen = toFen(value, '万元')!
      const exact = parsedCells.find((x) => x.row.key === rowKey && x.cell.column === column && x.cell.fen === fen && !usedPlaces.has(x.cell))
      const any = exact ?? parsedCells.find((x) => x.cell.fen === fen && !usedPlaces.has(x.cell))
      const cell: Cell = { column, value, fen, raw: value }
      if (any) {
        usedPlaces.add(any.cell)
        if (any.cell.place) cell.place = any.cell.place
        cell.raw = any.cell.raw
      } else if (row.place) cell.place = row.place
      row.cells.push(cell)
    }
    // Lines of the fixed-line tables printed with a label and no number: the facts have no row for
    // them, the parser does (a printed blank line reads as zero, a lost one as unknown).
    const kind = tableSpec(key)?.rows
    if (facts.length > 0 && (kind === 'two-sided' || kind === 'three-public')) {
      for (const p of from?.rows ?? []) {
        if (p.cells.length === 0 && !table.rows.some((r) => r.key === p.key)) table.rows.push({ ...p, cells: [] })
      }
    }
    table.empty = facts.length === 0
    if (facts.length === 0) table.rows = []
    return table
  }
  for (const t of base.tables) {
    if (done.has(t.key) || !tableSpec(t.key)) continue
    done.add(t.key)
    tables.push(factTable(t.key, t))
  }
  for (const key of byTable.keys()) if (!done.has(key)) tables.push(factTable(key, undefined))
  base.tables = tables
  return base
}

/** A fresh copy of a seed's model (tables from the hand-verified facts). */
export function seed(id: SeedId): Disclosure {
  if (!cache.has(id)) cache.set(id, build(id))
  return structuredClone(cache.get(id)!)
}

/** A path to a cell: ['tables', table, 'rows', row, column]. */
export type CellPath = ['tables', string, 'rows', string, string]

/** The cell at a path, or an Error naming the path. */
export function cellAt(d: Disclosure, path: CellPath): Cell {
  const [, t, , r, c] = path
  const cell = d.tables.find((x) => x.key === t)?.rows.find((x) => x.key === r)?.cells.find((x) => x.column === c)
  if (!cell) throw new Error(`no cell ${path.join('/')}`)
  return cell
}

/** Set a cell's fen, keeping value and raw in step. */
function setFen(cell: Cell, fen: number): void {
  cell.fen = fen
  cell.value = wan(fen)
  cell.raw = cell.value
}

/** A single-number mutant: the cell at `path` changed by `delta` 万元 (a copy; the input is untouched). */
export function mutate(d: Disclosure, path: CellPath, delta: number): Disclosure {
  const copy = structuredClone(d)
  const cell = cellAt(copy, path)
  setFen(cell, cell.fen + Math.round(delta * 1_000_000))
  return copy
}

/** A mutant that states a number in a blank cell of an existing row (a copy). */
export function fill(d: Disclosure, path: CellPath, value: number): Disclosure {
  const copy = structuredClone(d)
  const [, t, , r, c] = path
  const row = copy.tables.find((x) => x.key === t)?.rows.find((x) => x.key === r)
  if (!row) throw new Error(`no row ${path.join('/')}`)
  const cell: Cell = { column: c, value: '', fen: 0, raw: '' }
  if (row.place) cell.place = row.place
  setFen(cell, Math.round(value * 1_000_000))
  row.cells.push(cell)
  return copy
}

/** A mutant with one row's key (and code) changed, as a misprinted code (a copy). */
export function recode(d: Disclosure, table: string, from: string, to: string, label?: string): Disclosure {
  const copy = structuredClone(d)
  const row = copy.tables.find((x) => x.key === table)?.rows.find((x) => x.key === from)
  if (!row) throw new Error(`no row ${table}/${from}`)
  row.key = to
  const code = /^exp\.(\d+)$/.exec(to)?.[1] ?? (/^\d+$/.test(to) ? to : undefined)
  if (code) row.code = code
  if (label !== undefined) row.label = label
  return copy
}

/** A mutant with one row's printed label changed (a copy). */
export function relabel(d: Disclosure, table: string, rowKey: string, label: string): Disclosure {
  const copy = structuredClone(d)
  const row = copy.tables.find((x) => x.key === table)?.rows.find((x) => x.key === rowKey)
  if (!row) throw new Error(`no row ${table}/${rowKey}`)
  row.label = label
  return copy
}
