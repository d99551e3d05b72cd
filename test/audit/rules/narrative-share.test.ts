import assert from 'node:assert/strict'
import { test } from 'node:test'
import rule from '../../../src/audit/rules/narrative-share.ts'
import { shareHundredths } from '../../../src/audit/rules/narrative-support.ts'
import { ruleTester } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { claimIndex, edit, mutateMoney, mutatePercent } from './narrative-support.ts'

const s001 = seed('001')
const s002 = seed('002')
const s003 = seed('003')

test('shares are rounded half away from zero on exact fen', () => {
  assert.equal(shareHundredths(51_890_000, 1_219_430_000), 426) // seed 003 l.503: 4.2553% → 4.26
  assert.equal(shareHundredths(369_270_000, 421_630_000), 8758) // seed 001 l.655: 87.5816%
  assert.equal(shareHundredths(1, 200), 50) // 0.5 hundredths rounds up
  assert.equal(shareHundredths(-1, 200), -50)
  // printed with one decimal: 421.63 ÷ 509.90 = 82.688% → 82.7
  assert.equal(shareHundredths(421_630_000, 509_900_000, 10), 8270)
})

ruleTester.run(rule, {
  valid: [
    // Each share is right; together they make 100.01% (seed 001 notes #7, seed 002 notes #1).
    { name: 'seed 001 unmodified: 87.58 + 6.34 + 2.72 + 3.37 = 100.01', doc: s001, infos: [{ messageId: 'sum', line: 655 }] },
    { name: 'seed 002 unmodified: 93.79 + 2.77 + 1.18 + 2.27 = 100.01', doc: s002, infos: [{ messageId: 'sum', line: 423 }] },
    {
      name: 'seed 001 with 一般公共预算 占 82.7% (one decimal, correctly rounded at its precision)',
      doc: edit(s001, (d) => {
        d.claims[claimIndex(s001, 589, '一般公共预算')]!.share = { value: '82.7', hundredths: 8270, raw: '82.7' }
        d.claims[claimIndex(s001, 607, '单位资金')]!.share = { value: '17.3', hundredths: 1730, raw: '17.3' }
      }),
      infos: [{ messageId: 'sum', line: 655 }],
    },
    {
      name: 'seed 003 with 卫生健康支出 4.26% (the correct share): the five add to 100.00',
      doc: mutatePercent(s003, claimIndex(s003, 503, '卫生健康支出'), 'share', 0.01),
      infos: [],
    },
  ],
  invalid: [
    // Seed 003 notes #9: 51.89 ÷ 1,219.43 = 4.2553% is printed 4.25%.
    { name: 'seed 003 unmodified: 卫生健康支出 4.25% (l.503)', doc: s003, errors: [{ messageId: 'wrong', line: 503 }] },
    {
      name: 'seed 001 一般公共预算 82.69% → 82.70% (l.589)',
      doc: mutatePercent(s001, claimIndex(s001, 589, '一般公共预算'), 'share', 0.01),
      errors: [{ messageId: 'wrong', line: 589, path: ['claims', claimIndex(s001, 589, '一般公共预算'), 'share'] }],
    },
    {
      name: 'seed 002 基本支出 48.95% → 48.94% (l.391); the group is then not summed',
      doc: mutatePercent(s002, claimIndex(s002, 391, '基本支出'), 'share', -0.01),
      errors: [{ messageId: 'wrong', line: 391 }],
    },
    {
      name: 'seed 003 收入预算 1,221.42 → 1,231.42 (l.454): 一般公共预算 99.84% no longer fits (1.99 is still 0.16%)',
      doc: mutateMoney(s003, claimIndex(s003, 454, '收入预算'), 'amount', 10),
      errors: [{ messageId: 'wrong', line: 456 }, { messageId: 'wrong', line: 503 }],
    },
    {
      name: 'seed 002 住房保障支出 share 2.27% → 3.27% (l.429)',
      doc: edit(s002, (d) => {
        const c = d.claims[claimIndex(s002, 429, '住房保障支出')]!
        c.share!.hundredths += 100
      }),
      errors: [{ messageId: 'wrong', line: 429 }],
    },
  ],
})
