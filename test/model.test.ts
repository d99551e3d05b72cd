import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import * as model from '../src/model/index.ts'
import { disclosureJsonSchema } from '../src/model/json-schema.ts'
import { toFen, wan } from '../src/model/money.ts'

test('schema/disclosure.schema.json is the current model (run `npm run schema` after changing src/model)', () => {
  assert.deepEqual(JSON.parse(readFileSync('schema/disclosure.schema.json', 'utf8')), disclosureJsonSchema())
})

test('the public API of model is pinned', () => {
  assert.deepEqual(Object.keys(model).sort(), [
    'Assets', 'Assignment', 'CENT_OF_WAN', 'Cell', 'Claim', 'Column', 'Diagnostic', 'Disclosure', 'FISCAL_INCOME_LINES',
    'Indicator', 'Money', 'Percent', 'Place', 'Point', 'Procurement', 'Row', 'SUMMARY_INCOME_LINES', 'Section', 'Severity',
    'Staffing', 'TABLES', 'THREE_PUBLIC_ROWS', 'Table', 'TargetCount', 'TargetTable', 'Term', 'tableSpec', 'toFen', 'wan',
  ])
})

test('money: 万元 and 元 figures are whole fen; 万元 prints with at least two decimals and exactly', () => {
  assert.equal(toFen('415.89', '万元'), 415_890_000)
  assert.equal(toFen('0.00', '万元'), 0)
  assert.equal(toFen('-39.08', '万元'), -39_080_000)
  assert.equal(wan(toFen('47483458', '元')!), '4748.3458')
  assert.equal(wan(toFen('3286618082.20', '元')!), '328661.80822')
  assert.equal(wan(toFen('1.9915', '万元')!), '1.9915')
  assert.equal(toFen('1.0000001', '万元'), undefined, 'finer than a fen is refused, not rounded')
  assert.equal(toFen('12a', '万元'), undefined)
  for (const bad of ['', '-', '.5', '1.', '1.2.3', '--1', '1,000.00']) assert.equal(toFen(bad, '万元'), undefined, bad)
  assert.equal(toFen('12.5', '元'), 1250)
  assert.equal(toFen('0.001', '元'), undefined)
  assert.equal(toFen('90071992547409.93', '元'), undefined, 'beyond 2^53 fen is refused')
  assert.equal(wan(-10_000), '-0.01')
})

test('wan is exact for every safe integer (checked against BigInt arithmetic on 100,000 values)', () => {
  let seed = 42
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let i = 0; i < 100_000; i++) {
    const fen = Math.floor(next() * next() * Number.MAX_SAFE_INTEGER) * (next() < 0.5 ? -1 : 1)
    const a = BigInt(Math.abs(fen))
    let frac = (a % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '')
    if (frac.length < 2) frac = frac.padEnd(2, '0')
    assert.equal(wan(fen), `${fen < 0 ? '-' : ''}${a / 1_000_000n}.${frac}`, String(fen))
  }
})
