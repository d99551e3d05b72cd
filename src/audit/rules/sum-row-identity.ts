import { tableSpec } from '../../model/tables.ts'
import { defineRule } from '../define-rule.ts'
import { figure, identityRows, lostColumns, type Figure } from '../figures.ts'
import { checkSum, columnName, SUM_MESSAGES, SUM_MESSAGES_EN, tableName } from '../sums.ts'

/**
 * Each row satisfies its table's column identities (src/model/tables.ts): 合计 = 基本支出 + 项目支出,
 * 合计 = 人员经费 + 公用经费, 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转…, 小计 = 一般公共预算 +
 * 政府性基金 + 国有资本经营, and so on.
 *
 * Why: the columns of a standard table partition its 合计 (部门预算公开格式, 表3/表5/表6 headers);
 * a row that does not add up has a typo or a number in the wrong column.
 */
export default defineRule({
  id: 'sum/row-identity',
  category: 'arithmetic',
  severity: 'error',
  docs: {
    summary: '行内各列之和等于合计列（合计 = 基本支出 + 项目支出；合计 = 人员经费 + 公用经费；收入各列）',
    description:
      'For every row of a standard table, the total column equals the sum of its part columns as the table spec declares. ' +
      'A blank cell in a row that states other columns is zero; a column the table states nowhere and whose identities fail in most rows was lost by the layout and is not checked (reported once as info).',
    basis: 'rules.md §3 item 2 and 4; 部门预算公开格式各表表头',
  },
  messages: {
    ...SUM_MESSAGES,
    columnNotStated: '{table}没有列出「{column}」列的任何数字，涉及该列的等式未核对',
  },
  messagesEn: {
    ...SUM_MESSAGES_EN,
    columnNotStated: '{tableKey} states no figure in column {columnKey}; identities with it were not checked',
  },
  check(disclosure, report) {
    for (const table of disclosure.tables) {
      const spec = tableSpec(table.key)
      if (!spec || spec.identities.length === 0) continue
      for (const column of lostColumns(table)) {
        report({
          messageId: 'columnNotStated',
          severity: 'info',
          data: { table: tableName(table), column: columnName(table, column), tableKey: table.key, columnKey: column },
          at: { table },
        })
      }
      const names = spec.identities.map((identity) => identity.parts.map((k) => columnName(table, k)).join(' + '))
      for (const row of identityRows(table)) {
        for (const [i, identity] of spec.identities.entries()) {
          const total = figure(table, row, identity.total)
          if (!total) continue
          const parts: Figure[] = []
          let partial = false
          for (const k of identity.parts) {
            const f = figure(table, row, k)
            if (f) parts.push(f)
            else partial = true
          }
          if (parts.length === 0) continue
          checkSum(report, {
            total,
            parts,
            partial,
            what: names[i]!,
            whatEn: identity.parts.join(' + '),
          })
        }
      }
    }
  },
})
