import { defineRule } from '../define-rule.ts'
import { bareLabel, catalogOf, printedCodes, similarity } from '../codes.ts'
import { tableName } from '../sums.ts'

/**
 * The name printed next to a code is the catalog's name for that code, after normalising
 * whitespace and full-/half-width brackets. A near miss (a word added or dropped, an old name) is a
 * warning; a different name is a warning that the code or the name may be wrong. Codes missing from
 * the catalog or catalogued only from recall are not compared.
 *
 * Why: names drift between editions and templates (其他文化体育与传媒支出 vs
 * 其他文化旅游体育与传媒支出); 项 names repeat across 款, so the code decides and the name confirms.
 */
export default defineRule({
  id: 'code/name',
  category: 'classification',
  severity: 'warning',
  docs: {
    summary: '科目名称与分类目录一致（规范化括号与空白后比较；近似名称为警告）',
    basis: '政府收支分类科目；src/catalog/data/README.md',
  },
  messages: {
    nearMiss: '{table} 编码 {code} 印作“{actual}”，目录名称为“{expected}”',
    differs: '{table} 编码 {code} 印作“{actual}”，目录中该编码是“{expected}”：编码或名称可能有误',
  },
  messagesEn: {
    nearMiss: '{tableKey} code {code} is printed as “{actual}”, the catalog name is “{expected}”',
    differs: '{tableKey} code {code} is printed as “{actual}”, but the catalog names it “{expected}”: the code or the name may be wrong',
  },
  check(disclosure, report) {
    for (const p of printedCodes(disclosure)) {
      const entry = catalogOf(p.kind).get(p.code)
      if (!entry || entry.unverified || !p.label) continue
      const expected = bareLabel(entry.name)
      if (p.label === expected) continue
      const near = p.label.includes(expected) || expected.includes(p.label) || similarity(p.label, expected) >= 0.5
      report({
        messageId: near ? 'nearMiss' : 'differs',
        data: { table: tableName(p.table), tableKey: p.table.key, code: p.code, actual: p.label, expected: entry.name },
        at: { table: p.table, row: p.row },
        actual: p.label,
        expected: entry.name,
      })
    }
  },
})
