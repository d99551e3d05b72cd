import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { seedFile } from './seeds.ts'

/** The table rules: the seeds hold real narrative and performance errors, pinned by those rules' tests. */
const TABLE_RULES = 'sum/,cross/,code/'

const root = fileURLToPath(new URL('../../', import.meta.url))

function yusuan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/yusuan.ts', ...args], { cwd: root, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The parts of a SARIF result the test reads. */
interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  locations: { physicalLocation: { region: { startLine: number } } }[]
  relatedLocations: unknown[]
}

/** Seed 002 with 表3 2010350 基本支出 177.72 printed as 178.72 (line 170). */
function mutant(): string {
  const lines = readFileSync(seedFile('002'), 'utf8').split('\n')
  assert.match(lines[169]!, /242\.00\t177\.72\t64\.28$/)
  lines[169] = lines[169]!.replace('177.72', '178.72')
  const file = join(mkdtempSync(join(tmpdir(), 'yusuan-audit-')), '002-mutant.txt')
  writeFileSync(file, lines.join('\n'))
  return file
}

test('yusuan audit: the unmodified seeds exit 0; rounding notes are printed, grouped by table, with the source line', () => {
  const r = yusuan('audit', '--only', TABLE_RULES, seedFile('003'))
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /部门收支总体情况表 \(summary\)/)
  assert.match(r.stdout, /:159:\d+-159:\d+ {2}提示 {2}.*差 -0\.01，在 5 个加数的舍入范围内/)
  assert.match(r.stdout, /> 159 \| 收入总计/)
})

test('yusuan audit: all rules on the seeds exit 0 or 1, never crash', () => {
  for (const id of ['001', '002', '003'] as const) assert.ok([0, 1].includes(yusuan('audit', seedFile(id)).code!))
})

test('yusuan audit: a mutated number exits 1 and names the line', () => {
  const file = mutant()
  const r = yusuan('audit', file)
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stdout, /002-mutant\.txt:170:\d+-170:\d+ {2}错误 {2}部门支出总体情况表「2010350 事业运行」合计为 242\.00/)
  const en = yusuan('audit', '--lang', 'en', file)
  assert.match(en.stdout, /error {2}expenditure\/2010350\/total is 242\.00/)
})

test('yusuan audit --format json: the Frictionless report', () => {
  const r = yusuan('audit', '--format', 'json', mutant())
  assert.equal(r.code, 1)
  const report = JSON.parse(r.stdout) as { valid: boolean; stats: { errors: number }; diagnostics: { ruleId: string; path: unknown[] }[] }
  assert.equal(report.valid, false)
  assert.ok(report.stats.errors >= 1)
  assert.ok(report.diagnostics.some((d) => d.ruleId === 'sum/row-identity' && d.path.join('/') === 'tables/expenditure/rows/2010350/total'))
})

test('yusuan audit --format sarif: SARIF 2.1.0 with regions, related locations and notes', () => {
  const r = yusuan('audit', '--only', TABLE_RULES, '--format', 'sarif', seedFile('001'))
  assert.equal(r.code, 0)
  const sarif = JSON.parse(r.stdout) as {
    version: string
    runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[]
  }
  assert.equal(sarif.version, '2.1.0')
  const run = sarif.runs[0]!
  const note = run.results.find((x) => x.ruleId === 'cross/fiscal-summary-vs-income')!
  assert.equal(note.level, 'note')
  assert.equal(note.locations[0]!.physicalLocation.region.startLine, 291)
  assert.ok(note.relatedLocations.length >= 1)
  assert.equal(run.tool.driver.rules[note.ruleIndex]!.id, note.ruleId)
})

test('yusuan audit: unusable input exits 2', () => {
  assert.equal(yusuan('audit', join(root, 'no-such-file.txt')).code, 2)
  assert.equal(yusuan('audit', '--format', 'xml', seedFile('001')).code, 2)
  assert.equal(yusuan('audit', '--only', 'nope/', seedFile('001')).code, 2)
})

test('yusuan audit --previous: last year\'s disclosure is read; an unusable one exits 2', () => {
  assert.ok([0, 1].includes(yusuan('audit', '--only', TABLE_RULES, '--previous', seedFile('002'), seedFile('001')).code!))
  assert.equal(yusuan('audit', '--previous', join(root, 'no-such-file.txt'), seedFile('001')).code, 2)
})

test('yusuan rules: the catalog', () => {
  const r = yusuan('rules')
  assert.equal(r.code, 0)
  for (const id of ['sum/row-identity', 'cross/summary-vs-income', 'code/known']) assert.match(r.stdout, new RegExp(`^${id} `, 'm'))
  const json = JSON.parse(yusuan('rules', '--format', 'json').stdout) as { id: string; url: string }[]
  assert.ok(json.some((x) => x.id === 'sum/hierarchy' && x.url === 'docs/rules.md#sum/hierarchy'))
})
