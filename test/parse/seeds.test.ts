import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { Disclosure } from '../../src/model/index.ts'
import { parseText, toFacts } from '../../src/parse/index.ts'

/**
 * Each seed against its expected facts: test/fixtures/seeds/NNN.facts.csv was written by hand
 * from the seed text (not by this parser), every number of the seed's tables checked line by
 * line; NNN.notes.md says how each cell whose column is not given by layout was decided.
 */
const SEEDS = ['001_6033798d33b6d9fb', '002_40f9bb7e09049ed6', '003_69c2207f0ca31962']

for (const seed of SEEDS) {
  const id = seed.slice(0, 3)
  const file = `examples/seeds/${seed}.txt`
  const result = parseText(file, readFileSync(file))

  test(`seed ${id}: facts equal the hand extraction, cell by cell and in order`, () => {
    const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n')
    const actual = toFacts(result.disclosure!).trim().split('\n')
    const missing = expected.filter((l) => !actual.includes(l))
    const extra = actual.filter((l) => !expected.includes(l))
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] })
    assert.deepEqual(actual, expected)
  })

  test(`seed ${id}: the model satisfies its schema and every cell has a source place`, () => {
    const d = Disclosure.parse(result.disclosure)
    for (const t of d.tables) {
      for (const r of t.rows) {
        for (const c of r.cells) {
          assert.ok(c.place, `${t.key}/${r.key}/${c.column} has a place`)
          const line = readFileSync(file, 'utf8').split(/\r?\n/)[c.place.start.line - 1]!
          // The place points at the printed number itself.
          const printed = line.slice(c.place.start.column - 1, c.place.end!.column - 1)
          assert.equal(printed, c.raw, `${t.key}/${r.key}/${c.column} at ${c.place.start.line}:${c.place.start.column}`)
        }
      }
    }
  })
}

test('seed 001: all eleven tables are recognised by shape although their titles were lost', () => {
  const { disclosure } = parseText('001.txt', readFileSync(`examples/seeds/${SEEDS[0]}.txt`))
  assert.deepEqual(
    disclosure!.tables.map((t) => [t.number, t.key, t.recognisedBy]),
    [
      [1, 'summary', 'shape'],
      [2, 'income', 'shape'],
      [3, 'expenditure', 'shape'],
      [4, 'fiscal_summary', 'shape'],
      [5, 'general_expenditure', 'shape'],
      [6, 'general_basic', 'shape'],
      [7, 'general_project', 'shape'],
      [8, 'gov_fund', 'shape'],
      [9, 'state_capital', 'shape'],
      [10, 'three_public', 'shape'],
      [11, 'carryover', 'shape'],
    ],
  )
  assert.deepEqual(disclosure!.tables.filter((t) => t.empty).map((t) => t.key), ['general_project', 'gov_fund', 'state_capital', 'carryover'])
})

test('seed 003: twelve tables by title, including 委托业务费', () => {
  const { disclosure } = parseText('003.txt', readFileSync(`examples/seeds/${SEEDS[2]}.txt`))
  assert.deepEqual(
    disclosure!.tables.map((t) => t.key),
    ['summary', 'income', 'expenditure', 'fiscal_summary', 'general_expenditure', 'general_basic', 'general_project',
      'gov_fund', 'state_capital', 'three_public', 'entrusted', 'carryover'],
  )
  assert.ok(disclosure!.tables.every((t) => t.recognisedBy === 'title'))
})

test('department and year of each seed, with their source lines', () => {
  const expected = [
    ['吉木萨尔县政务服务和公共资源交易管理局', 2024],
    ['新疆维吾尔自治区喀什地区喀什市政务服务中心', 2024],
    ['库尔勒市人民政府办公室', 2026],
  ] as const
  SEEDS.forEach((seed, i) => {
    const { disclosure } = parseText(seed, readFileSync(`examples/seeds/${seed}.txt`))
    assert.equal(disclosure!.department?.value, expected[i]![0])
    assert.equal(disclosure!.year?.value, expected[i]![1])
    assert.ok(disclosure!.department?.place?.start.line)
  })
})
