import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { audit, position } from '../../src/audit/index.ts'
import { parseFile } from '../../src/parse/index.ts'

/**
 * The same finding on every format, placed where a person finds it: seed 003's 支出总计 1221.42
 * against its classes' 1221.43 (a one-cent rounding note) points to the PDF page and box, or to
 * the sheet and cell of the workbook.
 */
async function finding(file: string) {
  const { disclosure } = await parseFile(file, readFileSync(file))
  const report = audit(disclosure!)
  const d = report.diagnostics.find((d) => d.ruleId === 'sum/summary-balance')
  assert.ok(d, `${file}: the 支出总计 rounding note`)
  assert.equal(d.severity, 'info')
  return d
}

test('on a PDF, a finding points to page and box', async () => {
  const d = await finding('test/fixtures/formats/003.pdf')
  assert.ok(d.place?.page && d.place.box, 'page and box')
  assert.match(position(d.place), /\(p\.\d+ \[[\d.]+,[\d.]+,[\d.]+,[\d.]+\]\)$/)
  assert.ok(d.related?.every((r) => r.place?.page), 'the addends too')
})

test('on a workbook, a finding points to sheet and cell', async () => {
  const d = await finding('test/fixtures/formats/003.xlsx')
  assert.equal(d.place?.sheet, '部门收支总体情况表')
  assert.match(d.place?.cell ?? '', /^[A-Z]+\d+$/)
  assert.match(position(d.place), /\(部门收支总体情况表![A-Z]+\d+\)$/)
})

test('a 决算 (final accounts) PDF gets only the table rules, and says so, instead of budget-narrative false errors', async () => {
  const file = '../shared/field/putuo-finance-2024-final.pdf'
  const { disclosure } = await parseFile(file, readFileSync(file))
  assert.equal(disclosure!.kind, '决算')
  const report = audit(disclosure!)
  assert.ok(report.diagnostics.some((d) => d.ruleId === 'audit/final-accounts' && d.severity === 'info'))
  assert.deepEqual(report.diagnostics.filter((d) => /^(narrative|compliance|performance|year)\//.test(d.ruleId)), [])
})
