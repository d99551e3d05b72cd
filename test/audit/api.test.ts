import assert from 'node:assert/strict'
import { test } from 'node:test'

// The audit stage's public API (vfile-message pins its exports the same way).
test('src/audit/index.ts exports', async () => {
  assert.deepEqual(Object.keys(await import('../../src/audit/index.ts')).sort(), [
    'audit',
    'defineRule',
    'format',
    'formatHuman',
    'formatJson',
    'formatSarif',
    'position',
    'ruleUrl',
    'rules',
  ])
})
