import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { parseFile, toFacts } from '../../src/parse/index.ts'

/**
 * Tables drawn without rules: each seed's borderless PDF (test/fixtures/formats/<id>-noborders.pdf)
 * gives exactly the facts of the hand extraction, as the ruled PDF does. Columns come from the
 * whitespace between figures and from the header's words (src/parse/pdf/columns.ts), so blank
 * columns, multi-line headers and names wrapped around their row all have to come out right.
 */
for (const id of ['001', '002', '003']) {
  test(`seed ${id} as PDF without table rules: the same facts as the text seed, placed by page and box`, async () => {
    const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort()
    const file = `test/fixtures/formats/${id}-noborders.pdf`
    const { disclosure } = await parseFile(file, readFileSync(file))
    assert.deepEqual(toFacts(disclosure!).trim().split('\n').sort(), expected)
    for (const t of disclosure!.tables)
      for (const r of t.rows) for (const c of r.cells) assert.ok(c.place?.page && c.place.box, `${t.key}/${r.key}/${c.column} has page and box`)
  })
}
