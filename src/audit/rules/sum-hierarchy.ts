import { tableSpec } from '../../model/tables.ts'
import { defineRule } from '../define-rule.ts'
import { codeTree, figure, states, unitGroups, type Figure } from '../figures.ts'
import { checkSum, SUM_MESSAGES, SUM_MESSAGES_EN } from '../sums.ts'

/**
 * A code row equals the sum of the rows directly below it: 类 = Σ 款 = Σ 项 for function codes,
 * 301 = Σ 301xx for economic codes, and in 一般公共预算项目支出情况表 each function-code aggregate
 * = Σ its project rows.
 *
 * Why: the classification is a tree and the tables print it bottom-up (rules.md §3 item 2).
 */
export default defineRule({
  id: 'sum/hierarchy',
  category: 'arithmetic',
  severity: 'error',
  docs: {
    summary: '上级科目等于下级科目之和（类 = Σ款 = Σ项；301 = Σ301xx；项目表汇总行 = Σ项目；单位行 = Σ其下各行）',
    description:
      'Each function-code or economic-code row equals, column by column, the sum of the rows directly below it in the code tree ' +
      '(a 类 printed without its 款 rows sums its 项 rows). Project rows count under the 项 aggregate of their code. ' +
      'In the project and 委托业务费 tables, an implementing-unit row equals the sum of the top rows printed under it.',
    basis: 'rules.md §3 item 2; 政府收支分类科目',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    for (const table of disclosure.tables) {
      const spec = tableSpec(table.key)
      if (!spec) continue
      // An implementing-unit row (一般公共预算项目支出情况表, 委托业务费表) = Σ the top rows grouped under it.
      if (spec.rows === 'project' || spec.rows === 'named') {
        for (const { unit, members } of unitGroups(table)) {
          if (members.length === 0 || !states(unit)) continue
          for (const column of spec.columns.map((c) => c.key)) {
            const stated = figure(table, unit, column)
            if (!stated) continue
            const parts: Figure[] = []
            let partial = false
            for (const m of members) {
              const f = figure(table, m, column)
              if (f) parts.push(f)
              else partial = true
            }
            if (parts.length === 0 || (!stated.cell && parts.every((p) => !p.cell))) continue
            checkSum(report, { total: stated, parts, partial, what: '该单位各项目之和', whatEn: 'sum of the rows under this unit' })
          }
        }
      }
      if (!['function', 'economic', 'project'].includes(spec.rows)) continue
      for (const node of codeTree(table)) {
        if (node.children.length === 0 || !states(node.row)) continue
        for (const column of spec.columns.map((c) => c.key)) {
          const stated = figure(table, node.row, column)
          if (!stated) continue
          const parts: Figure[] = []
          let partial = false
          for (const child of node.children) {
            const f = figure(table, child.row, column)
            if (f) parts.push(f)
            else partial = true
          }
          if (parts.length === 0 || (!stated.cell && parts.every((p) => !p.cell))) continue
          checkSum(report, { total: stated, parts, partial, what: '下级科目之和', whatEn: 'sum of the rows below it' })
        }
      }
    }
  },
})
