import { defineRule } from '../define-rule.ts'
import { figure, rowOf, tableOf } from '../figures.ts'
import { atOf, where, whereEn } from '../sums.ts'
import { money, signed } from '../figures.ts'

/** 三公 lines and the economic 款 of basic expenditure that usually carries the same money. */
const PAIRS = [
  { line: 'vehicles.operation', code: '30231' },
  { line: 'reception', code: '30217' },
]

/**
 * 公务用车运行维护费 in the 三公 table equals economic 款 30231 of 一般公共预算基本支出情况表, and
 * 公务接待费 equals 30217, when 三公 is paid from basic expenditure only.
 *
 * Why: inferred rule (rules.md §3 item 7: seed 001 2.00 = 2.00, seed 003 2.40 = 2.40). 三公 can
 * also be paid from project money, so a difference is a warning, never an error.
 */
export default defineRule({
  id: 'cross/three-public-vs-economic',
  category: 'cross-table',
  severity: 'warning',
  docs: {
    summary: '“三公”经费表公务用车运行维护费、公务接待费与基本支出经济分类 30231、30217 一致（警告）',
    description: 'Compared only when both figures are printed; 三公 may also be paid from project money, so a difference is a warning.',
    basis: 'rules.md §3 item 7 (inferred)',
  },
  messages: {
    differs: '{where} 为 {actual}，{other} 为 {expected}（差 {diff}）；如“三公”经费全部由基本支出安排，两者应相等',
  },
  messagesEn: {
    differs: '{whereEn} is {actual}, {otherEn} is {expected} (difference {diff}); they agree when 三公 is paid from basic expenditure only',
  },
  check(disclosure, report) {
    const three = tableOf(disclosure, 'three_public')
    const basic = tableOf(disclosure, 'general_basic')
    if (!three || !basic) return
    for (const { line, code } of PAIRS) {
      const row = rowOf(three, line)
      const a = figure(three, row, 'general')?.cell ? figure(three, row, 'general') : figure(three, row, 'total')
      const bRow = rowOf(basic, code)
      const b = figure(basic, bRow, 'total')
      if (!a?.cell || !b?.cell || a.fen === b.fen) continue
      report({
        messageId: 'differs',
        data: {
          where: where(three, row, a.column),
          whereEn: whereEn(three, row, a.column),
          other: where(basic, bRow, 'total'),
          otherEn: whereEn(basic, bRow, 'total'),
          actual: money(a.fen),
          expected: money(b.fen),
          diff: signed(a.fen - b.fen),
        },
        at: atOf(a),
        actual: money(a.fen),
        expected: money(b.fen),
        related: [{ message: `${where(basic, bRow, 'total')} ${money(b.fen)}`, messageEn: `${whereEn(basic, bRow, 'total')} ${money(b.fen)}`, at: atOf(b) }],
      })
    }
  },
})
