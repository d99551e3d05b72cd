import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseText } from '../../../src/parse/index.ts'
import rule from '../../../src/audit/rules/narrative-sum-of-parts.ts'
import { ruleTester } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { claimIndex, edit, mutateMoney } from './narrative-support.ts'

const s001 = seed('001')
const s002 = seed('002')
const s003 = seed('003')
const info = (line: number) => ({ messageId: 'rounding', line, severity: 'info' as const })

const otherFile = fileURLToPath(new URL('../../fixtures/narrative-other-province.txt', import.meta.url))
/** Another template: one 主要原因 for the whole 三公 paragraph; 公务用车 states no change (l.39). */
const other = parseText(otherFile, readFileSync(otherFile)).disclosure!

ruleTester.run(rule, {
  valid: [
    // Seed 001 notes #1, #3, #4: the narrative says 421.63 while its own parts (the 7 项, and
    // 人员经费 314.93 + 公用经费 106.71) add to 421.64.
    { name: 'seed 001 unmodified: two one-cent notes', doc: s001, infos: [info(645), info(710)] },
    { name: 'seed 002 unmodified', doc: s002, infos: [] },
    { name: 'a 三公 item without its change leaves the change sum unchecked (narrative-other-province.txt l.39)', doc: other, infos: [] },
    // Seed 003 notes #8 (996.10 + 161.34 = 1,157.44) and #10 (the 11 项 changes add to −112.97, not −112.96).
    { name: 'seed 003 unmodified: two one-cent notes', doc: s003, infos: [info(494), info(532)] },
  ],
  invalid: [
    {
      name: 'seed 002 项目支出 212.33 → 213.33 (l.393): 基本 + 项目 ≠ 支出预算 (l.389)',
      doc: mutateMoney(s002, claimIndex(s002, 393, '项目支出'), 'amount', 1),
      errors: [{ messageId: 'mismatch', line: 389 }],
    },
    {
      name: 'seed 003 单位资金 1.99 → 2.99 (l.468): sources ≠ 收入预算 (l.454)',
      doc: mutateMoney(s003, claimIndex(s003, 468, '单位资金'), 'amount', 1),
      errors: [{ messageId: 'mismatch', line: 454 }],
    },
    {
      name: 'seed 003 公务用车运行维护费 2.40 → 3.40 (l.572): items ≠ “三公”经费',
      doc: mutateMoney(s003, claimIndex(s003, 572, '公务用车运行维护费'), 'amount', 1),
      errors: [{ messageId: 'mismatch', line: 572, path: ['claims', claimIndex(s003, 572, '三公'), 'amount'] }],
    },
    {
      name: 'seed 001 “三公”经费 增加 0.00 → 1.00 (l.741): item changes ≠ total change',
      doc: mutateMoney(s001, claimIndex(s001, 735, '三公'), 'change', 1),
      errors: [{ messageId: 'mismatch', line: 741 }],
    },
    {
      name: 'seed 003 行政运行 减少 25.98 → 35.98 (l.508): the 项 changes fall short of the 规模变化 (warning)',
      doc: mutateMoney(s003, claimIndex(s003, 508, '行政运行'), 'change', -10),
      errors: [{ messageId: 'shortfall', line: 494, severity: 'warning' }],
    },
    {
      name: 'seed 003 行政运行 812.15 → 912.15 (l.508): the 具体使用 项 exceed 一般公共预算拨款合计 (l.492)',
      doc: mutateMoney(s003, claimIndex(s003, 508, '行政运行'), 'amount', 100),
      errors: [{ messageId: 'mismatch', line: 492, severity: 'error' }],
    },
    {
      name: 'seed 003 行政运行 812.15 → 712.15 (l.508): the listed 项 fall short (warning: the list may be incomplete)',
      doc: mutateMoney(s003, claimIndex(s003, 508, '行政运行'), 'amount', -100),
      errors: [{ messageId: 'shortfall', line: 492, severity: 'warning' }],
    },
    {
      name: 'seed 003 政府采购服务 87.62 → 88.62 (l.596)',
      doc: edit(s003, (d) => {
        const m = d.procurement!.services!
        m.fen += 1_000_000
      }),
      errors: [{ messageId: 'mismatch', line: 596, path: ['procurement', 'total'] }],
    },
    {
      name: 'seed 001 面向中小企业预留 25.50 → 26.50 (l.772): more than the procurement total, less than 小微企业',
      doc: edit(s001, (d) => {
        d.procurement!.sme!.fen += 1_000_000
      }),
      errors: [{ messageId: 'exceeds', path: ['procurement', 'sme'] }],
    },
    {
      name: 'seed 002 小微企业预留 33.78 → 34.28 (l.537)',
      doc: edit(s002, (d) => {
        d.procurement!.smallMicro!.fen += 500_000
      }),
      errors: [{ messageId: 'exceeds', line: 537, path: ['procurement', 'smallMicro'] }],
    },
  ],
})
