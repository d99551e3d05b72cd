import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, test } from 'node:test'
import type { Diagnostic, Disclosure, Row } from '../../src/model/index.ts'
import { parseFile, type ParseResult } from '../../src/parse/index.ts'

/**
 * The three scanned fixtures (test/fixtures/formats/NNN-scanned.pdf: every page of NNN.pdf
 * at 200 dpi, turned 0.25–0.55°, specked, no text layer) through `parseFile`, against the
 * hand-checked facts of their seeds (test/fixtures/seeds/NNN.facts.csv, the same as
 * `yusuan parse examples/seeds/NNN_*.txt --format facts`). OCR costs about 5 s a page, so each
 * fixture is parsed once, before the tests that read it.
 */
const IDS = ['001', '002', '003'] as const

const parsed = new Map<string, ParseResult>()
before(async () => {
  for (const id of IDS) {
    const file = `test/fixtures/formats/${id}-scanned.pdf`
    parsed.set(id, await parseFile(file, new Uint8Array(readFileSync(file))))
  }
})

interface Fact {
  key: string
  table: string
  row: Row
}

/** The facts of the model (table,row,column,value, as `--format facts` writes them), each with its row. */
function facts(d: Disclosure): Fact[] {
  return d.tables.flatMap((t) =>
    t.rows.flatMap((row) => row.cells.filter((c) => !c.derived).map((c) => ({ key: csv([t.key, row.key, c.column, c.value]), table: t.key, row }))),
  )
}

const csv = (fields: string[]) => fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')

/** Whether a warning about an unsure or corrected cell stands in the row (same page, its centre within the row's height). */
function flagged(row: Row, warnings: Diagnostic[]): boolean {
  return row.cells.some((cell) => {
    const [page, box] = [cell.place?.page, cell.place?.box]
    return (
      box !== undefined &&
      warnings.some((d) => {
        const b = d.place?.box
        return d.place?.page === page && b !== undefined && (b[1] + b[3]) / 2 > box[1]! && (b[1] + b[3]) / 2 < box[3]!
      })
    )
  })
}

for (const id of IDS) {
  const want = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').slice(1)

  test(`${id}-scanned.pdf: every fact that differs or is missing sits in a flagged row`, (t) => {
    const { disclosure, diagnostics } = parsed.get(id)!
    const warnings = diagnostics.filter((d) => d.ruleId === 'parse/ocr-low-confidence' || d.ruleId === 'parse/ocr-corrected')
    const got = facts(disclosure!)
    const keys = new Set(got.map((f) => f.key))
    const exact = want.filter((f) => keys.has(f)).length
    t.diagnostic(`${id}-scanned.pdf: ${exact}/${want.length} seed facts exact (${((100 * exact) / want.length).toFixed(1)}%)`)
    // A fact the seed does not have: its row holds a flagged cell.
    const silent = got.filter((f) => !want.includes(f.key) && !flagged(f.row, warnings)).map((f) => f.key)
    // A seed fact that is missing: its row, or the row its value went to instead (same table,
    // column and value under a misread key), holds a flagged cell; or the table reader left out a
    // line with a flagged cell on the table's pages (a label it could not name: 1.一航公共顾算抵欲).
    for (const f of want.filter((f) => !keys.has(f))) {
      const [table, row, column, value] = f.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      const same = got.filter((g) => g.table === table && (g.row.key === row || g.key.endsWith(`,${column},${value}`)))
      const rows = disclosure!.tables.find((t) => t.key === table)?.rows ?? []
      const pages = new Set(rows.flatMap((r) => r.cells.map((c) => c.place?.page)))
      const leftOut = warnings.some((w) => pages.has(w.place?.page) && !rows.some((r) => flagged(r, [w])))
      if (!leftOut && !same.some((g) => flagged(g.row, warnings))) silent.push(`missing ${f}`)
    }
    assert.deepEqual(silent, [])
  })

  test(`${id}-scanned.pdf: every seed fact reproduced exactly`, () => {
    const keys = new Set(facts(parsed.get(id)!.disclosure!).map((f) => f.key))
    assert.deepEqual(want.filter((f) => !keys.has(f)), [])
  })
}
