import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defineRule } from '../../src/audit/define-rule.ts'
import { audit } from '../../src/audit/engine.ts'
import { compare } from '../../src/audit/figures.ts'
import rowIdentity from '../../src/audit/rules/sum-row-identity.ts'
import { mutate, seed } from './seeds.ts'

test('rounding: up to one cent per addend is info, beyond is a mismatch', () => {
  const cent = 10_000
  assert.deepEqual(compare(100, 100, 3, cent), { kind: 'equal' })
  assert.deepEqual(compare(1_000_000, 1_010_000, 2, cent), { kind: 'rounding', diff: -10_000, cents: 1, addends: 2 })
  assert.deepEqual(compare(1_000_000, 1_020_000, 2, cent), { kind: 'rounding', diff: -20_000, cents: 2, addends: 2 })
  assert.equal(compare(1_000_000, 1_030_000, 2, cent).kind, 'mismatch')
  // A lower bound: a total above its known parts is fine, below them is not.
  assert.equal(compare(2_000_000, 1_000_000, 2, cent, true).kind, 'equal')
  assert.equal(compare(1_000_000, 2_000_000, 2, cent, true).kind, 'mismatch')
})

test('report() stamps ruleId, severity, url, place and path; rules fill none of them', () => {
  const doc = mutate(seed('003'), ['tables', 'general_basic', 'rows', '30101', 'personnel'], 1)
  const r = audit(doc, { rules: [rowIdentity] })
  assert.equal(r.valid, false)
  assert.deepEqual(r.stats, { errors: 1, warnings: 0, infos: 1 })
  const d = r.diagnostics.find((x) => x.severity === 'error')!
  assert.equal(d.ruleId, 'sum/row-identity')
  assert.equal(d.url, 'docs/rules.md#sum/row-identity')
  assert.deepEqual(d.path, ['tables', 'general_basic', 'rows', '30101', 'total'])
  assert.equal(d.place?.start.line, 325)
  assert.equal(d.actual, '245.50')
  assert.equal(d.expected, '246.50')
  assert.match(d.message, /^一般公共预算基本支出情况表「30101 基本工资」合计为 245\.50，人员经费 \+ 公用经费为 246\.50（差 -1\.00）$/)
  assert.equal(d.related?.length, 1)
  assert.deepEqual(d.related?.[0]?.path, ['tables', 'general_basic', 'rows', '30101', 'personnel'])
})

test('messages render in English with lang en', () => {
  const doc = mutate(seed('003'), ['tables', 'general_basic', 'rows', '30101', 'personnel'], 1)
  const d = audit(doc, { rules: [rowIdentity], lang: 'en' }).diagnostics.find((x) => x.severity === 'error')!
  assert.equal(d.message, 'general_basic/30101/total is 245.50, personnel + public is 246.50 (difference -1.00)')
})

test('the rounding note names the cents and the addends', () => {
  const d = audit(seed('003'), { rules: [rowIdentity] }).diagnostics[0]!
  assert.equal(d.severity, 'info')
  assert.match(d.message, /差 -0\.01，在 2 个加数的舍入范围内/)
})

test('diagnostics are in document order', () => {
  const lines = audit(seed('003')).diagnostics.map((d) => d.place?.start.line ?? Infinity)
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b))
})

test('a rule that throws is reported, not fatal (and rethrown in strict mode)', () => {
  const broken = defineRule({
    id: 'test/broken',
    category: 'arithmetic',
    severity: 'error',
    docs: { summary: 'broken' },
    messages: { x: 'x' },
    messagesEn: { x: 'x' },
    check() {
      throw new Error('boom')
    },
  })
  const r = audit(seed('001'), { rules: [broken] })
  assert.equal(r.diagnostics[0]?.messageId, 'crash')
  assert.equal(r.diagnostics[0]?.severity, 'warning')
  assert.throws(() => audit(seed('001'), { rules: [broken], strict: true }), /boom/)
})
