import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { parseFile, toFacts } from '../../src/parse/index.ts'

/**
 * One model whatever the format: each seed rendered as DOCX, XLSX, HTML and ruled PDF
 * (test/fixtures/formats, built by `npm run fixtures` from the seeds) parses through parseFile —
 * the format decided by the bytes — to exactly the facts of the hand extraction. Facts are
 * compared as sets: a rendering may order two-sided rows differently from the PDF text of seed 001.
 */
const FORMATS = ['docx', 'xlsx', 'html', 'pdf'] as const

for (const id of ['001', '002', '003']) {
  const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort()
  for (const format of FORMATS) {
    test(`seed ${id} as ${format.toUpperCase()}: the same facts as the text seed, each placed in its source`, async () => {
      const file = `test/fixtures/formats/${id}.${format}`
      const { disclosure } = await parseFile(file, readFileSync(file))
      assert.deepEqual(toFacts(disclosure!).trim().split('\n').sort(), expected)
      assert.equal(disclosure!.partial, false)
      for (const t of disclosure!.tables) {
        for (const r of t.rows) {
          for (const c of r.cells) {
            const p = c.place!
            if (format === 'pdf') assert.ok(p.page && p.box, `${t.key}/${r.key}/${c.column} has page and box`)
            if (format === 'xlsx') assert.ok(p.sheet && /^[A-Z]+\d+$/.test(p.cell ?? ''), `${t.key}/${r.key}/${c.column} has sheet and cell`)
            assert.ok(p.start.line >= 1)
          }
        }
      }
    })
  }
}
