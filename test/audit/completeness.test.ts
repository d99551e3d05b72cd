import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import { rules } from '../../src/audit/rules/index.ts'

const root = new URL('../../', import.meta.url)
const file = (id: string) => id.replace(/\//g, '-')

/** The cases array named `key` in a test file, without its brackets, when it is written inline. */
function inlineCases(source: string, key: 'valid' | 'invalid'): string | undefined {
  const m = new RegExp(`${key}:\\s*(\\[|seedsValid\\()`).exec(source)
  if (!m) return undefined
  if (m[1] === 'seedsValid(') return 'seedsValid'
  const rest = source.slice(m.index + m[0].length)
  return rest.trimStart().startsWith(']') ? '' : rest
}

// ESLint's checkRuleFiles: every registered rule has its module, docs, English messages and a test with both kinds of case.
test('the registry is sorted by id, without duplicates', () => {
  const ids = rules.map((r) => r.id)
  assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)))
  assert.equal(new Set(ids).size, ids.length)
})

for (const rule of rules) {
  test(`${rule.id}: module, docs, messages and tests`, () => {
    assert.match(rule.id, /^[a-z]+\/[a-z0-9-]+$/, 'id is category/kebab-case')
    assert.ok(existsSync(new URL(`src/audit/rules/${file(rule.id)}.ts`, root)), 'module file named after the id')
    assert.ok(rule.docs.summary.trim().length > 0, 'docs.summary')
    assert.deepEqual(Object.keys(rule.messagesEn).sort(), Object.keys(rule.messages).sort(), 'an English message for each message id')
    const testFile = new URL(`test/audit/rules/${file(rule.id)}.test.ts`, root)
    assert.ok(existsSync(testFile), `test/audit/rules/${file(rule.id)}.test.ts exists`)
    const source = readFileSync(testFile, 'utf8')
    assert.match(source, /ruleTester\.run\(/, 'uses the RuleTester')
    assert.ok(inlineCases(source, 'valid'), 'has a valid case')
    assert.ok(inlineCases(source, 'invalid'), 'has an invalid case')
  })
}
