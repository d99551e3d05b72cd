import { tableSpec } from '../../model/tables.ts'
import { defineRule } from '../define-rule.ts'
import { figure, rowOf, tableOf, type Figure } from '../figures.ts'
import { checkSum, SUM_MESSAGES, SUM_MESSAGES_EN } from '../sums.ts'

const LINES = [
  { total: 'total', parts: ['overseas', 'reception', 'vehicles'], what: '因公出国（境）费、公务接待费与公务用车费之和', whatEn: 'overseas + reception + vehicles' },
  { total: 'vehicles', parts: ['vehicles.purchase', 'vehicles.operation'], what: '购置费与运行维护费之和', whatEn: 'purchase + operation' },
]

/**
 * 财政拨款“三公”经费支出情况表: 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费;
 * 公务用车购置及运行费 = 购置费 + 运行维护费, in every column.
 *
 * Why: rules.md §3 item 8 (seeds, Shanghai district budgets 2026). A line printed blank is
 * unknown here, so the parts of a line with a blank part are a lower bound of it.
 */
export default defineRule({
  id: 'sum/three-public',
  category: 'arithmetic',
  severity: 'error',
  docs: {
    summary: '“三公”经费表：合计 = 出国 + 接待 + 公务用车；公务用车 = 购置 + 运行维护',
    description: 'In each column of the 三公 table the total equals its three lines, and the vehicle line equals purchase plus operation.',
    basis: 'rules.md §3 item 8',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const table = tableOf(disclosure, 'three_public')
    if (!table) return
    for (const column of tableSpec('three_public')!.columns.map((c) => c.key)) {
      for (const line of LINES) {
        const total = figure(table, rowOf(table, line.total), column)
        if (!total) continue
        const parts: Figure[] = []
        let partial = false
        for (const k of line.parts) {
          const f = figure(table, rowOf(table, k), column)
          if (f) parts.push(f)
          else partial = true
        }
        if (parts.length === 0 || (!total.cell && parts.every((p) => !p.cell))) continue
        checkSum(report, { total, parts, partial, what: line.what, whatEn: line.whatEn })
      }
    }
  },
})
