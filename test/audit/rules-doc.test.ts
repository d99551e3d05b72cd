import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { rulesDoc } from '../../scripts/rules-doc.ts'

test('docs/rules.md is generated from the current rule metadata (run `npm run rules-doc`)', () => {
  const onDisk = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')
  assert.equal(onDisk, rulesDoc(), 'docs/rules.md is stale: run `node --import tsx scripts/rules-doc.ts`')
})
