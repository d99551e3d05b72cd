import { defineRule } from '../define-rule.ts'
import { catalogOf, levelOf, printedCodes } from '../codes.ts'
import { rowName, tableName } from '../sums.ts'

/**
 * Every classification code printed in a table exists in the catalog. The function 类 list is
 * complete, so an unknown 类 is an error; 款, 项 and economic codes are only partly catalogued, so
 * an unknown one is a warning that says the catalog is partial, never "wrong".
 *
 * Why: src/catalog/data/README.md ("Unknown code must be a warning citing catalogue
 * incompleteness until a complete catalogue is loaded").
 */
export default defineRule({
  id: 'code/known',
  category: 'classification',
  severity: 'error',
  docs: {
    summary: '科目编码在分类目录中存在（功能分类“类”不存在为错误；款、项及经济分类目录不完整，未收录仅为警告）',
    description:
      'Checks each function and economic code printed as a table row against src/catalog. The function-class list is complete; ' +
      'other levels are partial, so an unknown code there is a warning naming the gap in the catalog. Codes are never looked up by name.',
    basis: '政府收支分类科目；src/catalog/data/README.md',
  },
  messages: {
    unknownClass: '{table}「{row}」：功能分类中没有“{code}”这一类（类级目录完整）',
    unknownPartial: '{table}「{row}」：编码 {code} 不在本项目的{kind}目录中（该级目录不完整，请人工核对）',
    malformed: '{table}「{row}」：编码 {code} 的位数不符合{kind}（类 3 位、款 5 位、项 7 位）',
  },
  messagesEn: {
    unknownClass: '{tableKey} row {code}: no function class {code} exists (the class list is complete)',
    unknownPartial: '{tableKey} row {code}: code {code} is not in our {kindEn} catalog (the catalog is partial at this level; check by hand)',
    malformed: '{tableKey} row {code}: code {code} has the wrong number of digits for a {kindEn} code',
  },
  check(disclosure, report) {
    for (const p of printedCodes(disclosure)) {
      const data = {
        table: tableName(p.table),
        tableKey: p.table.key,
        row: rowName(p.row),
        code: p.code,
        kind: p.kind === 'function' ? '支出功能分类' : '支出经济分类',
        kindEn: p.kind === 'function' ? 'function classification' : 'economic classification',
      }
      const at = { table: p.table, row: p.row }
      const level = levelOf(p.code, p.kind)
      if (!level) {
        report({ messageId: 'malformed', severity: 'warning', data, at, actual: p.code })
        continue
      }
      const catalog = catalogOf(p.kind)
      if (catalog.get(p.code)) continue
      // The class list is complete, so a 款 or 项 under a class that does not exist is wrong too.
      const cls = p.code.slice(0, 3)
      if (p.kind === 'function' && catalog.complete('类') && !catalog.get(cls)) {
        report({ messageId: 'unknownClass', data: { ...data, code: cls }, at, actual: p.code })
      } else report({ messageId: 'unknownPartial', severity: 'warning', data, at, actual: p.code })
    }
  },
})
