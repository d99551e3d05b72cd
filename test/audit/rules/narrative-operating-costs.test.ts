import rule from '../../../src/audit/rules/narrative-operating-costs.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

const s001 = seed('001')
const s003 = seed('003')
const shift = (d: ReturnType<typeof seed>, delta: number) =>
  edit(d, (x) => {
    const m = x.operatingCosts!.amount!
    m.fen += Math.round(delta * 1_000_000)
    // The same claim may also be listed among the claims: keep both in step.
    const c = x.claims.find((c) => c.section === 'operating_costs' && c.amount)
    if (c && c.amount !== m) c.amount!.fen = m.fen
  })

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 003 机关运行经费 161.34 → 151.34 (l.592)',
      doc: shift(s003, -10),
      errors: [{ messageId: 'differs', line: 592, severity: 'warning' }],
    },
    {
      name: 'seed 001 机关运行经费 106.71 → 107.71 (l.760) against the narrative 公用经费 (表6 prints no 合计)',
      doc: shift(s001, 1),
      errors: [{ messageId: 'differs', line: 760 }],
    },
    {
      name: 'seed 003 表6 合计 公用经费 161.34 → 162.34',
      doc: mutate(s003, ['tables', 'general_basic', 'rows', 'total', 'public'], 1),
      errors: [{ messageId: 'differs', line: 592 }],
    },
  ],
})
