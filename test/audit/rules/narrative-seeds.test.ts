import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { test } from 'node:test'
import { audit } from '../../../src/audit/engine.ts'
import { rules } from '../../../src/audit/rules/index.ts'
import { seed, SEED_IDS } from '../seeds.ts'

/**
 * What the narrative, compliance and performance rules report on each unmodified seed, checked by
 * hand against test/fixtures/seeds/<id>.notes.md and listed in
 * test/fixtures/audit-narrative/<id>.json as `[line, severity, ruleId, messageId, note]`: exactly
 * these, nothing else. `UPDATE=1` rewrites the lists (review the diff against the notes).
 */
const MINE = /^(narrative|compliance|performance|year)\//

for (const id of SEED_IDS) {
  test(`seed ${id}: the narrative, compliance and performance findings are the hand-checked ones`, () => {
    const file = new URL(`../../fixtures/audit-narrative/${id}.json`, import.meta.url)
    const found = audit(seed(id), { rules: rules.filter((r) => MINE.test(r.id)), strict: true }).diagnostics.map((d) => [
      d.place?.start.line ?? null,
      d.severity,
      d.ruleId,
      d.messageId ?? '',
    ])
    const listed = JSON.parse(readFileSync(file, 'utf8')) as { findings: [number | null, string, string, string, string][] }
    if (process.env.UPDATE) {
      const notes = new Map(listed.findings.map((f) => [JSON.stringify(f.slice(0, 4)), f[4]]))
      const findings = found.map((f) => [...f, notes.get(JSON.stringify(f)) ?? 'TODO: check by hand'])
      const lines = findings.map((f) => '    ' + JSON.stringify(f)).join(',\n')
      writeFileSync(file, `{\n  "seed": ${JSON.stringify(id)},\n  "findings": [\n${lines}\n  ]\n}\n`)
      return
    }
    assert.deepEqual(found, listed.findings.map((f) => f.slice(0, 4)))
  })
}
