import assert from 'node:assert/strict'
import { test } from 'node:test'
import rule from '../../../src/audit/rules/narrative-change-rate.ts'
import { checkRate } from '../../../src/audit/rules/narrative-support.ts'
import { ruleTester } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { claimIndex, edit, mutateMoney, mutatePercent } from './narrative-support.ts'

const s001 = seed('001')
const s002 = seed('002')
const s003 = seed('003')
const W = 1_000_000
const H = 5_000 // half a cent of 万元
const fromZero = (line: number) => ({ messageId: 'fromZero', line, severity: 'warning' as const })

test('a rate is X ÷ (current − X), with the rounding box of the inputs', () => {
  // seed 003 l.456: −112.96 ÷ 1,332.39 = −8.478% → −8.48
  assert.deepEqual(checkRate(-112.96 * W, 1219.43 * W, -848, H, H), { kind: 'exact', expected: -848 })
  // seed 001 l.671: 0.42 ÷ 0.31 = 135.48%; 135.50 is within the inputs' rounding, 150.00 is not
  assert.equal(checkRate(0.42 * W, 0.73 * W, 13550, H, H).kind, 'rounding')
  assert.equal(checkRate(0.42 * W, 0.73 * W, 15000, H, H).kind, 'wrong')
  // last year 0: undefined
  assert.equal(checkRate(88.27 * W, 88.27 * W, 10000, H, H).kind, 'undefined')
  // printed with one decimal: −8.5% is the correct rounding of −8.478%; −8.4% is not
  assert.equal(checkRate(-112.96 * W, 1219.43 * W, -850, H, H, 10).kind, 'exact')
  assert.equal(checkRate(-112.96 * W, 1219.43 * W, -840, H, H, 10).kind, 'wrong')
})

// Seed 003 without its two rates from zero, to test the rest of the seed as a clean document.
const clean003 = edit(s003, (d) => {
  for (const [line, subject] of [[468, '单位资金'], [522, '职业年金']] as const) delete d.claims[claimIndex(s003, line, subject)]!.rate
})

ruleTester.run(rule, {
  valid: [
    { name: 'seed 003 without its two 增长 100.00% from zero (l.468, l.522): every rate is exact', doc: clean003, infos: [] },
    {
      name: 'seed 001 without its rates from zero; 0.73 +0.42 at 135.50% is within the amounts’ rounding (info)',
      doc: mutatePercent(
        edit(s001, (d) => {
          delete d.claims[claimIndex(s001, 607, '单位资金')]!.rate
          delete d.claims[claimIndex(s001, 618, '项目支出')]!.rate
        }),
        claimIndex(s001, 673, '事业单位离退休', 'rate'),
        'rate',
        0.02,
      ),
      infos: [{ messageId: 'rounding', line: 673 }],
    },
  ],
  invalid: [
    // Seed 001 notes #6, seed 002 notes #2: growth from a zero base printed as 100.00%.
    { name: 'seed 001 unmodified: 单位资金 and 项目支出 增长 100.00% from 0', doc: s001, errors: [fromZero(609), fromZero(620)] },
    {
      name: 'seed 002 unmodified (a new unit): eleven rates from 0',
      doc: s002,
      errors: [371, 391, 393, 417, 419, 433, 435, 437, 439, 443, 527].map(fromZero),
    },
    { name: 'seed 003 unmodified: 单位资金 (l.468) and 职业年金 (l.522) from 0', doc: s003, errors: [fromZero(468), fromZero(522)] },
    {
      name: 'seed 003 基本支出 增长 3.93% → 3.94% (l.474)',
      doc: mutatePercent(clean003, claimIndex(s003, 474, '基本支出'), 'rate', 0.01),
      errors: [{ messageId: 'wrong', line: 474, path: ['claims', claimIndex(s003, 474, '基本支出'), 'rate'] }],
    },
    {
      name: 'seed 003 项目支出 下降 71.40% printed as 增长 71.40% (l.496)',
      doc: edit(clean003, (d) => {
        const r = d.claims[claimIndex(s003, 496, '项目支出')]!.rate!
        r.hundredths = -r.hundredths
      }),
      errors: [{ messageId: 'wrong', line: 496 }],
    },
    {
      name: 'seed 003 机关运行经费 增加 69.79 → 59.79 (l.592)',
      doc: mutateMoney(clean003, claimIndex(s003, 592, '运行经费'), 'change', -10),
      errors: [{ messageId: 'wrong', line: 592 }],
    },
    {
      name: 'seed 003 单位资金 增长 100.00% → 50.00% from 0 (l.468)',
      doc: mutatePercent(s003, claimIndex(s003, 468, '单位资金'), 'rate', -50),
      errors: [{ messageId: 'undefinedRate', line: 468 }, fromZero(522)],
    },
  ],
})
