import { test } from 'node:test'
import { audit } from '../../src/audit/engine.ts'
import type { Rule } from '../../src/audit/define-rule.ts'
import { rules } from '../../src/audit/rules/index.ts'
import { assertDiagnostics, type Expected } from './rule-tester.ts'
import { seed, type SeedId } from './seeds.ts'

/**
 * The exact findings of the table rules (sum/*, cross/*, code/*) on each unmodified seed, checked
 * by hand against the seed text and test/fixtures/seeds/<id>.notes.md. Narrative, compliance and
 * performance findings are pinned by their own tests.
 */
const tableRules: Rule<string>[] = rules.filter((r) => /^(sum|cross|code)\//.test(r.id))

const warning = (ruleId: string, messageId: string, path: (string | number)[], line: number): Expected & { ruleId: string } => ({
  ruleId,
  messageId,
  path,
  line,
  severity: 'warning',
})

const at = (table: string, row: string, column: string): (string | number)[] => ['tables', table, 'rows', row, column]
const info = (ruleId: string, path: (string | number)[], line: number, messageId = 'rounding'): Expected & { ruleId: string } => ({
  ruleId,
  messageId,
  path,
  line,
  severity: 'info',
})

const EXPECTED: Record<SeedId, (Expected & { ruleId: string })[]> = {
  // notes 001 item 1: 表4 一般公共预算 421.63 (L291), and 表1 一般财力 421.63 (L28), against the 表2 一般公共预算 column, 369.27 + 0.73 + 17.33 + 8.66 +
  // 10.29 + 1.17 + 14.19 = 421.64 (L161–256). Item 2 (表1 509.90 vs 509.91) cannot be seen in the tables alone: 表1 lost
  // its total lines, and 509.90 is only in the narrative. Items 3–7 are narrative.
  '001': [
    info('cross/fiscal-summary-vs-income', at('fiscal_summary', 'inc.fiscal.general', 'total'), 291),
    // The same 0.01 in 表1: 其中：一般财力 421.63 (L28; 上级转移支付 printed blank, the heading line lost) against the column.
    info('cross/summary-vs-income', at('summary', 'inc.general.own', 'amount'), 28),
  ],
  // notes 002: every table identity holds; 一般公共预算支出情况表 lost its 基本支出 column (L234–247): one info, no error.
  '002': [info('sum/row-identity', ['tables', 'general_expenditure'], 224, 'columnNotStated')],
  // notes 003 items 1–8: all 0.01 rounding.
  '003': [
    // 1. 表1 支出总计 1221.42 vs 912.02 + 4.68 + 180.35 + 51.89 + 72.49 = 1221.43
    info('sum/summary-balance', at('summary', 'exp.total', 'amount'), 159),
    // 2. 表2 21011 51.89 vs 40.18 + 11.70 = 51.88 in three columns; 总计 row vs the class rows in three columns
    info('sum/hierarchy', at('income', '21011', 'total'), 195),
    info('sum/hierarchy', at('income', '21011', 'fiscal.subtotal'), 195),
    info('sum/hierarchy', at('income', '21011', 'fiscal.general'), 195),
    info('sum/column-total', at('income', 'total', 'total'), 201),
    info('sum/column-total', at('income', 'total', 'fiscal.subtotal'), 201),
    info('sum/column-total', at('income', 'total', 'fiscal.general'), 201),
    // 3. 表3 21011 (合计, 基本支出) and 总计 (1221.42 vs 1221.43; 1159.42 vs 1159.43)
    info('sum/hierarchy', at('expenditure', '21011', 'total'), 230),
    info('sum/hierarchy', at('expenditure', '21011', 'basic'), 230),
    info('sum/column-total', at('expenditure', 'total', 'total'), 236),
    info('sum/column-total', at('expenditure', 'total', 'basic'), 236),
    // 4. 表4 支出总计 1219.43 vs 1219.44 (合计 and 一般公共预算)
    info('sum/fiscal-summary-balance', at('fiscal_summary', 'exp.total', 'total'), 278),
    info('sum/fiscal-summary-balance', at('fiscal_summary', 'exp.total', 'general'), 278),
    // 5. 表5 21011 and 总计 (1219.43 vs 1219.44; 1157.43 vs 1157.44)
    info('sum/hierarchy', at('general_expenditure', '21011', 'total'), 306),
    info('sum/hierarchy', at('general_expenditure', '21011', 'basic'), 306),
    info('sum/column-total', at('general_expenditure', 'total', 'total'), 312),
    info('sum/column-total', at('general_expenditure', 'total', 'basic'), 312),
    // 6. 表6 301 950.21 vs 950.22, 人员经费 947.02 vs 947.03
    info('sum/hierarchy', at('general_basic', '301', 'total'), 324),
    info('sum/hierarchy', at('general_basic', '301', 'personnel'), 324),
    // 7. 表6 302 158.14 vs 158.15 (合计, 公用经费)
    info('sum/hierarchy', at('general_basic', '302', 'total'), 336),
    info('sum/hierarchy', at('general_basic', '302', 'public'), 336),
    // 8. 表6 总计 公用经费 161.34 vs 3.19 + 158.14 = 161.33; 996.10 + 161.34 = 1157.44 vs 1157.43
    info('sum/column-total', at('general_basic', 'total', 'public'), 348),
    info('sum/row-identity', at('general_basic', 'total', 'total'), 348),
    // Cells that needed a decision, item 4: 30114 医疗费 printed under 公用经费 (L334), against the 301 → 人员经费 convention.
    warning('code/basic-split', 'otherColumn', at('general_basic', '30114', 'public'), 334),
  ],
}

for (const id of ['001', '002', '003'] as const) {
  test(`seed ${id}: exactly the hand-checked findings of the table rules, no false error`, () => {
    const { diagnostics } = audit(seed(id), { rules: tableRules, strict: true })
    const byRule = new Map<string, Expected[]>()
    for (const e of EXPECTED[id]) byRule.set(e.ruleId, [...(byRule.get(e.ruleId) ?? []), e])
    for (const rule of tableRules) {
      assertDiagnostics(
        diagnostics.filter((d) => d.ruleId === rule.id),
        byRule.get(rule.id) ?? [],
        `seed ${id}, ${rule.id}`,
      )
    }
  })
}
