import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { readDocx } from '../../src/parse/docx/index.ts'
import { parseLayout, toFacts } from '../../src/parse/index.ts'

/**
 * The DOCX renderings of the seeds (test/fixtures/formats, npm run fixtures) against the facts
 * checked by hand from the seed texts. Compared as sorted lines: a rendered two-sided table
 * lists income and class side by side where the seed text interleaved them (seed 001 line 28),
 * so document order may differ; every fact and value must be the same.
 */
for (const id of ['001', '002', '003']) {
  const file = `test/fixtures/formats/${id}.docx`
  test(`${id}.docx parses to exactly the facts of seed ${id}, each placed at its printed text`, () => {
    const { layout, diagnostics, partial } = readDocx(file, readFileSync(file))
    assert.deepEqual(diagnostics, [])
    assert.equal(partial, false)
    const { disclosure } = parseLayout(layout)
    const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n')
    const actual = toFacts(disclosure!).trim().split('\n')
    assert.deepEqual({ missing: expected.filter((l) => !actual.includes(l)), extra: actual.filter((l) => !expected.includes(l)) }, { missing: [], extra: [] })
    assert.deepEqual([...actual].sort(), [...expected].sort())
    const text = new Map(layout.lines.map((l) => [l.line, l.text]))
    for (const t of disclosure!.tables)
      for (const r of t.rows)
        for (const c of r.cells) {
          if (c.derived) continue
          const line = text.get(c.place!.start.line)!
          assert.equal(line.slice(c.place!.start.column - 1, c.place!.end!.column - 1), c.raw, `${t.key}/${r.key}/${c.column}`)
        }
  })
}
