import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { readHtml } from '../../src/parse/html/index.ts'
import { parseLayout, toFacts } from '../../src/parse/index.ts'

/**
 * The HTML renderings of the seeds against the facts checked by hand from the seed texts,
 * compared as sorted lines (see docx-fixtures.test.ts). Every fact's place is the table cell
 * element in the HTML source that prints it.
 */
for (const id of ['001', '002', '003']) {
  const file = `test/fixtures/formats/${id}.html`
  test(`${id}.html parses to exactly the facts of seed ${id}, each placed at its <td> in the source`, () => {
    const bytes = readFileSync(file)
    const { layout, diagnostics, partial } = readHtml(file, bytes)
    assert.deepEqual(diagnostics, [])
    assert.equal(partial, false)
    const { disclosure } = parseLayout(layout)
    const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n')
    const actual = toFacts(disclosure!).trim().split('\n')
    assert.deepEqual({ missing: expected.filter((l) => !actual.includes(l)), extra: actual.filter((l) => !expected.includes(l)) }, { missing: [], extra: [] })
    assert.deepEqual([...actual].sort(), [...expected].sort())
    const source = bytes.toString('utf8')
    for (const t of disclosure!.tables)
      for (const r of t.rows)
        for (const c of r.cells) {
          if (c.derived) continue
          const html = source.slice(c.place!.start.offset, c.place!.end!.offset)
          assert.match(html, /^<t[dh]\b[^>]*>[\s\S]*<\/t[dh]>$/, `${t.key}/${r.key}/${c.column}`)
          assert.ok(html.replace(/<[^>]+>/g, '').includes(c.raw), `${t.key}/${r.key}/${c.column}: ${html} prints ${c.raw}`)
        }
  })
}
