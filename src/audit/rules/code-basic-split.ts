import { defineRule } from '../define-rule.ts'
import { codeTree, figure, money, tableOf } from '../figures.ts'
import { rowName, tableName } from '../sums.ts'

/** Economic classes and the column of 一般公共预算基本支出情况表 they belong to by convention. */
const EXPECTED: Record<string, 'personnel' | 'public'> = { '301': 'personnel', '303': 'personnel', '302': 'public', '310': 'public' }
const NAME = { personnel: '人员经费', public: '公用经费' } as const

/**
 * In 一般公共预算基本支出情况表, 301 工资福利支出 and 303 对个人和家庭的补助 are 人员经费, and 302
 * 商品和服务支出 (and 310 资本性支出) are 公用经费. A figure in the other column is a warning.
 *
 * Why: the Xinjiang template's convention (rules.md §3 item 5); real exceptions exist (seed 003
 * puts 30114 医疗费 under 公用经费, and its narrative agrees; other documents split 30302), so this
 * is a warning to look at, never an error.
 */
export default defineRule({
  id: 'code/basic-split',
  category: 'classification',
  severity: 'warning',
  docs: {
    summary: '基本支出经济分类：301、303 列人员经费，302、310 列公用经费（警告）',
    description:
      'Checks the 款 rows of 一般公共预算基本支出情况表 (a 类 row only when none of its 款 are printed): a 301/303 figure in 公用经费 or a 302/310 figure in 人员经费 is reported as a warning.',
    basis: 'rules.md §3 item 5 (convention, with known exceptions)',
  },
  messages: {
    otherColumn: '{table}「{row}」的 {amount} 列在{actual}；按惯例 {class} 类属于{expected}',
  },
  messagesEn: {
    otherColumn: '{tableKey} row {code}: {amount} is under {actualKey}; class {class} is conventionally {expectedKey}',
  },
  check(disclosure, report) {
    const table = tableOf(disclosure, 'general_basic')
    if (!table) return
    for (const node of codeTree(table)) {
      const expected = EXPECTED[node.code.slice(0, 3)]
      if (!expected || (node.code.length === 3 && node.children.length > 0)) continue
      const other = expected === 'personnel' ? 'public' : 'personnel'
      const f = figure(table, node.row, other)
      if (!f?.cell || f.fen === 0) continue
      report({
        messageId: 'otherColumn',
        data: {
          table: tableName(table),
          tableKey: table.key,
          row: rowName(node.row),
          code: node.code,
          amount: money(f.fen),
          actual: NAME[other],
          actualKey: other,
          expected: NAME[expected],
          expectedKey: expected,
          class: node.code.slice(0, 3),
        },
        at: { table, row: node.row, column: other, cell: f.cell },
        actual: other,
        expected,
      })
    }
  },
})
