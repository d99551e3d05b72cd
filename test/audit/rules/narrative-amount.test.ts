import rule from '../../../src/audit/rules/narrative-amount.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'
import { claimIndex, edit, mutateMoney } from './narrative-support.ts'

const s001 = seed('001')
const s002 = seed('002')
const s003 = seed('003')
const info = (line: number) => ({ messageId: 'rounding', line, severity: 'info' as const })

ruleTester.run(rule, {
  valid: [
    {
      // Seed 001 loses its 合计 lines (notes: 表1–表4 total lines lost), so the narrative's totals meet
      // sums of the printed rows, which are one cent off: 509.91 (notes #2), 421.64 (#1), 314.94 (#3), 106.70 (#4).
      name: 'seed 001 unmodified: ten one-cent rounding notes',
      doc: s001,
      infos: [info(577), info(585), info(610), info(614), info(624), info(645), info(647), info(710), info(712), info(720)],
    },
    { name: 'seed 002 unmodified', doc: s002, infos: [] },
    { name: 'seed 003 unmodified', doc: s003, infos: [] },
  ],
  invalid: [
    {
      name: 'seed 003 一般公共预算 1,219.43 → 1,220.43 (l.456) against 表1',
      doc: mutateMoney(s003, claimIndex(s003, 456, '一般公共预算'), 'amount', 1),
      errors: [{ messageId: 'mismatch', line: 456, path: ['claims', claimIndex(s003, 456, '一般公共预算'), 'amount'] }],
    },
    {
      name: 'seed 003 行政运行 812.15 → 812.16 (l.508): a stated cell allows no rounding',
      doc: mutateMoney(s003, claimIndex(s003, 508, '行政运行'), 'amount', 0.01),
      errors: [{ messageId: 'mismatch', line: 508 }],
    },
    {
      name: 'seed 002 人员经费 164.30 → 164.20 (l.451)',
      doc: mutateMoney(s002, claimIndex(s002, 451, '人员经费'), 'amount', -0.1),
      errors: [{ messageId: 'mismatch', line: 451 }],
    },
    {
      name: 'seed 001 公用经费 106.71 → 107.71 (l.720): beyond the rounding of the summed rows',
      doc: mutateMoney(s001, claimIndex(s001, 720, '公用经费'), 'amount', 1),
      errors: [{ messageId: 'mismatch', line: 720 }],
    },
    {
      name: 'seed 003 表1 收入总计 +1.00: 收支总预算 (l.446) and 收入预算 (l.454) no longer restate it',
      doc: mutate(s003, ['tables', 'summary', 'rows', 'inc.total', 'amount'], 1),
      errors: [{ messageId: 'mismatch', line: 446 }, { messageId: 'mismatch', line: 454 }],
    },
    {
      name: 'seed 003 表4 社会保障和就业支出 一般公共预算 +1.00: 四、财政拨款收支 restates 表4 (l.486), 五、结构 restates 表5',
      doc: mutate(s003, ['tables', 'fiscal_summary', 'rows', 'exp.208', 'general'], 1),
      errors: [{ messageId: 'mismatch', line: 486 }],
    },
    {
      name: 'seed 002 表7 单位运转项目 64.28 → 65.28: 预算安排规模 (l.489)',
      doc: mutate(s002, ['tables', 'general_project', 'rows', '2010350/单位运转项目', 'total'], 1),
      errors: [{ messageId: 'mismatch', line: 489 }],
    },
    {
      name: 'seed 003 委托业务费 62.00 → 61.00 (l.578)',
      doc: mutateMoney(s003, claimIndex(s003, 578, '委托业务费'), 'amount', -1),
      errors: [{ messageId: 'mismatch', line: 578 }],
    },
    {
      name: 'seed 003 表6 合计 公用经费 left blank: 公用经费 161.34 (l.536) meets a blank (warning)',
      doc: edit(s003, (d) => {
        const row = d.tables.find((t) => t.key === 'general_basic')!.rows.find((r) => r.key === 'total')!
        row.cells = row.cells.filter((c) => c.column !== 'public')
      }),
      errors: [{ messageId: 'blank', line: 536, severity: 'warning' }],
    },
    {
      name: 'seed 003 made to spend 5.00 of 政府性基金 (表8 合计) while its section states 6.00 (l.564)',
      doc: edit(s003, (d) => {
        const t = d.tables.find((x) => x.key === 'gov_fund')!
        t.empty = false
        t.rows = [{ key: 'total', label: '合计', cells: [{ column: 'total', value: '5.00', fen: 5_000_000, raw: '5.00' }] }]
        const place = { file: d.file, start: { line: 564, column: 1 } }
        d.claims.push({ section: 'gov_fund', subject: '政府性基金预算支出', amount: { value: '6.00', fen: 6_000_000, raw: '6.00', place }, text: '政府性基金预算支出6.00万元', place })
      }),
      errors: [{ messageId: 'mismatch', line: 564 }],
    },
    {
      name: 'seed 003 公务用车运行维护费 2.40 → 2.50 (l.572)',
      doc: mutateMoney(s003, claimIndex(s003, 572, '公务用车运行维护费'), 'amount', 0.1),
      errors: [{ messageId: 'mismatch', line: 572 }],
    },
  ],
})
