import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { audit } from '../../src/audit/engine.ts'
import { rules } from '../../src/audit/rules/index.ts'
import { parseFile } from '../../src/parse/index.ts'
import { seed } from './seeds.ts'

/**
 * The audit works on the canonical model, whatever the source format: the table findings on each
 * seed's DOCX, XLSX, HTML and PDF renderings (test/fixtures/formats) are those of the hand-verified
 * facts — same rule, severity, message id and model path.
 */
const tableRules = rules.filter((r) => /^(sum|cross|code)\//.test(r.id))
const key = (d: { ruleId: string; severity: string; messageId?: string | undefined; path?: (string | number)[] | undefined }) =>
  `${d.severity} ${d.ruleId} ${d.messageId} ${d.path?.join('/')}`

for (const id of ['001', '002', '003'] as const) {
  const expected = audit(seed(id), { rules: tableRules }).diagnostics.map(key).sort()
  for (const ext of ['docx', 'xlsx', 'html', 'pdf']) {
    test(`seed ${id} as ${ext}: the same table findings`, async () => {
      const file = `test/fixtures/formats/${id}.${ext}`
      const { disclosure } = await parseFile(file, readFileSync(new URL(`../../${file}`, import.meta.url)))
      assert.ok(disclosure)
      assert.deepEqual(audit(disclosure, { rules: tableRules }).diagnostics.map(key).sort(), expected)
    })
  }
}
