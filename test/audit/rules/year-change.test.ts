import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Rule } from '../../../src/audit/define-rule.ts'
import rule from '../../../src/audit/rules/year-change.ts'
import type { Disclosure } from '../../../src/model/index.ts'
import { parseText } from '../../../src/parse/index.ts'
import { ruleTester } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { claimIndex, edit, mutateMoney } from './narrative-support.ts'

/**
 * Last year's disclosure of seed 003's department, built from seed 003's own 比上年 statements
 * (test/fixtures/previous/README.md): `yusuan audit 003 --previous 003-2025.txt`.
 */
const file = fileURLToPath(new URL('../../fixtures/previous/003-2025.txt', import.meta.url))
const last = parseText(file, readFileSync(file)).disclosure!

/** The rule with `options.previous` set, as the CLI's --previous sets it. */
const withPrevious = (previous: Disclosure): Rule<string> => ({ ...rule, check: (d, report) => rule.check(d, report, { previous }) })

/** Last year's document with one stated figure changed. */
const lastWith = (line: number, subject: string, delta: number) => mutateMoney(last, claimIndex(last, line, subject), 'amount', delta)

const s003 = seed('003')
const at = (line: number, subject: string) => ({ messageId: 'mismatch', line, path: ['claims', claimIndex(s003, line, subject, 'change'), 'change'] })

ruleTester.run(withPrevious(last), {
  valid: [
    { name: 'seed 003 against its consistent previous year: every 比上年 agrees', doc: s003, infos: [] },
  ],
  invalid: [
    {
      name: 'seed 002 (another department) against it: reported, nothing compared',
      doc: seed('002'),
      errors: [{ messageId: 'otherDocument', severity: 'warning', path: ['previous'] }],
    },
    {
      name: 'seed 003 一般公共预算 比上年减少 112.96 → 102.96 (l.456)',
      doc: mutateMoney(s003, claimIndex(s003, 456, '一般公共预算', 'change'), 'change', 10),
      errors: [at(456, '一般公共预算')],
    },
    {
      name: 'seed 003 机关运行经费 比上年增加 69.79 → 69.89 (l.592)',
      doc: mutateMoney(s003, claimIndex(s003, 592, '运行经费', 'change'), 'change', 0.1),
      errors: [{ messageId: 'mismatch', line: 592 }],
    },
    {
      name: 'seed 003 of 2025 audited against 2025: not the previous year',
      doc: edit(s003, (d) => (d.year = { value: 2025 })),
      errors: [{ messageId: 'otherDocument', severity: 'warning' }],
    },
  ],
})

// An inconsistent previous year: last year's published figures differ from what this year's
// 比上年 statements imply.
ruleTester.run(withPrevious(lastWith(175, '一般公共预算', 10)), {
  valid: [],
  invalid: [
    {
      name: 'last year 一般公共预算 1,342.39 (l.175): seed 003 减少 112.96 should be 122.96',
      doc: s003,
      errors: [at(456, '一般公共预算')],
    },
  ],
})

ruleTester.run(withPrevious(lastWith(217, '基本养老保险', -0.01)), {
  valid: [
    {
      name: 'last year 基本养老保险缴费 98.40 (l.217): seed 003 减少 9.71 is one cent off (rounding)',
      doc: s003,
      infos: [{ messageId: 'rounding', line: 520, severity: 'info' }],
    },
  ],
  invalid: [
    {
      name: 'and 行政运行 比上年减少 25.98 → 26.98 (l.508) beyond it',
      doc: mutateMoney(s003, claimIndex(s003, 508, '行政运行', 'change'), 'change', -1),
      errors: [{ messageId: 'mismatch', line: 508 }],
    },
  ],
})
