import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { test } from 'node:test'
import { parseFile, parseText } from '../../src/parse/index.ts'
import { forgetMemos, Memo } from '../../src/parse/memo.ts'

test('a memo holds at most its limit and starts again when full', () => {
  const m = new Memo<string, number>(2)
  assert.equal(m.set('a', 1), 1)
  m.set('b', 2)
  assert.equal(m.get('a'), 1)
  m.set('c', 3)
  assert.equal(m.get('a'), undefined)
  assert.equal(m.get('c'), 3)
  forgetMemos()
  assert.equal(m.get('c'), undefined)
})

test("a document's model does not depend on the documents read before it", () => {
  const seeds = readdirSync('examples/seeds').map((f) => [f, readFileSync(`examples/seeds/${f}`)] as const)
  const first = seeds.map(([f, bytes]) => {
    forgetMemos()
    return JSON.stringify(parseText(f, bytes))
  })
  // Now with the memos full of every seed's labels, in the opposite order.
  for (const [f, bytes] of seeds) parseText(f, bytes)
  for (let i = seeds.length - 1; i >= 0; i--) assert.equal(JSON.stringify(parseText(seeds[i]![0], seeds[i]![1])), first[i], seeds[i]![0])
})

test('the same for a document read from cells (DOCX, XLSX): its header words go through the memos too', async () => {
  for (const file of ['test/fixtures/formats/002.docx', 'test/fixtures/formats/003.xlsx']) {
    const bytes = new Uint8Array(readFileSync(file))
    forgetMemos()
    const first = JSON.stringify(await parseFile(file, bytes))
    for (const f of readdirSync('examples/seeds')) parseText(f, readFileSync(`examples/seeds/${f}`))
    assert.equal(JSON.stringify(await parseFile(file, bytes)), first, file)
  }
})
