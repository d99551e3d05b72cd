import { tableSpec } from '../../model/tables.ts'
import { defineRule } from '../define-rule.ts'
import { codeTree, figure, isUnitRow, rowOf, states, sumRows, topUnder } from '../figures.ts'
import { checkSum, SUM_MESSAGES, SUM_MESSAGES_EN } from '../sums.ts'

/**
 * The 合计 row of a table equals the sum of its top-level rows, column by column: the 类 rows of
 * a function- or economic-coded table (or the highest rows printed), the project rows of a named
 * table (委托业务费, 上年结转结余).
 *
 * Why: the 合计 row is built from the rows above it; a difference beyond rounding means a typo or a
 * dropped row.
 */
export default defineRule({
  id: 'sum/column-total',
  category: 'arithmetic',
  severity: 'error',
  docs: {
    summary: '合计行等于各类（或各项目）行之和，逐列核对',
    description:
      'In every coded or named standard table, the total row equals, in each column, the sum of the top-level rows ' +
      '(类 rows, or the highest rows printed when a 类 row is missing; project rows in named tables, not the unit rows).',
    basis: 'rules.md §3 items 2 and 9',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    for (const table of disclosure.tables) {
      const spec = tableSpec(table.key)
      if (!spec || spec.rows === 'two-sided' || spec.rows === 'three-public') continue
      const total = rowOf(table, 'total')
      if (!total || !states(total)) continue
      const rows = codeTree(table).length
        ? topUnder(table, '').map((n) => n.row)
        : table.rows.filter((r) => r !== total && !isUnitRow(r) && r.key.startsWith('project:'))
      if (rows.length === 0) continue
      for (const column of spec.columns.map((c) => c.key)) {
        const stated = figure(table, total, column)
        if (!stated) continue
        const { parts, partial } = sumRows(table, rows, column)
        if (parts.length === 0 || (!stated.cell && parts.every((p) => !p.cell))) continue
        checkSum(report, { total: stated, parts, partial, what: '各行之和', whatEn: 'sum of the top-level rows' })
      }
    }
  },
})
