import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseText } from '../../../src/parse/index.ts'
import rule from '../../../src/audit/rules/compliance-three-public-reasons.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { claimIndex, edit } from './narrative-support.ts'

const s003 = seed('003')
const i = claimIndex(s003, 572, '公务用车运行维护费')

const otherFile = fileURLToPath(new URL('../../fixtures/narrative-other-province.txt', import.meta.url))
/** Another template: one 主要原因 for the whole 三公 paragraph; 公务用车 states no change (l.39). */
const other = parseText(otherFile, readFileSync(otherFile)).disclosure!

ruleTester.run(rule, {
  valid: [
    ...seedsValid(seed),
    { name: 'one reason for the whole 三公 paragraph (narrative-other-province.txt l.39)', doc: other, infos: [] },
    {
      name: 'seed 003 公务用车运行维护费 增加 0.50 with its reason kept',
      doc: edit(s003, (d) => {
        d.claims[i]!.change!.fen = 500_000
      }),
      infos: [],
    },
  ],
  invalid: [
    {
      name: 'seed 003 公务用车运行维护费 增加 0.50 and no reason',
      doc: edit(s003, (d) => {
        d.claims[i]!.change!.fen = 500_000
        delete d.claims[i]!.reason
      }),
      errors: [{ messageId: 'noReason', line: 574, path: ['claims', i, 'change'] }],
    },
    {
      name: 'seed 001 without any 三公 statement although 表10 is published',
      doc: edit(seed('001'), (d) => {
        d.claims = d.claims.filter((c) => c.section !== 'three_public')
      }),
      errors: [{ messageId: 'noNarrative', severity: 'warning' }],
    },
  ],
})
