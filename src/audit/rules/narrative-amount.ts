import { defineRule } from '../define-rule.ts'
import { cents, classify, compareMoney, placeOfClaim, relatedOf, sideOf, signed, yuan } from './narrative-support.ts'

/**
 * Every amount of 第三部分 equals the table cell it restates: 收支总预算 and 部门收入预算 = 表1 收入总计;
 * each income source = its 表1 line; 支出预算 基本/项目 = 表3 合计 row; 财政拨款收支总预算 = 表4 总计;
 * class amounts = 表5 class totals; 具体使用 项 = 表5 项 rows; 一般公共预算基本支出 / 人员经费 / 公用经费 =
 * 表6 合计; 三公 = 表10; 委托业务费 = 表11; 预算安排规模 = 表7 project rows.
 *
 * Why: the narrative is written by hand after the tables; a restated figure that differs is a
 * typo in one of them. Where the table's own total row is not printed (seed 001 loses its
 * 合计 lines), the side is the sum of the printed rows, and a difference of at most one cent per
 * addend is rounding (`info`, with the cents). A cell left blank (read as zero) against a stated
 * amount is a `warning`: the layout may have lost that column.
 */
export default defineRule({
  id: 'narrative/amount',
  category: 'narrative',
  severity: 'error',
  docs: {
    summary: '情况说明中的金额与公开表一致',
    basis: 'rules.md §3.10（情况说明的每个金额都重述表中的数）；财预〔2016〕143号 第二–四条（公开内容完整、真实、准确）',
  },
  messages: {
    mismatch: '「{subject}」{actual} 万元，表中 {expected} 万元（差 {diff}）',
    rounding: '「{subject}」{actual} 万元，表中明细之和 {expected} 万元（差 {cents} 分，舍入）',
    blank: '「{subject}」{actual} 万元，表中对应的格为空白（按 0 计）',
  },
  messagesEn: {
    mismatch: '“{subject}” states {actual} (10k yuan), the table has {expected} (difference {diff})',
    rounding: '“{subject}” states {actual} (10k yuan), the table rows add to {expected} (difference {cents} cent(s), rounding)',
    blank: '“{subject}” states {actual} (10k yuan); the table leaves that cell blank (read as 0)',
  },
  check(d, report) {
    for (const c of classify(d)) {
      const amount = c.claim.amount
      if (!c.role || !amount || c.role === 'operating') continue
      const side = sideOf(d, c.role)
      if (!side) continue
      const cmp = compareMoney(amount, side)
      if (!cmp) continue
      const data = { subject: c.claim.subject, actual: yuan(amount.fen), expected: yuan(side.fen), diff: signed(cmp.diff), cents: cents(cmp.diff) }
      // A blank cell read as zero may be a column the layout lost: the conflict is worth a look, not an error.
      const blank = side.derived?.addends === 0 && side.fen === 0
      report({
        messageId: cmp.rounding ? 'rounding' : blank ? 'blank' : 'mismatch',
        ...(cmp.rounding ? { severity: 'info' as const } : blank ? { severity: 'warning' as const } : {}),
        data,
        place: placeOfClaim(c.claim),
        path: [...c.path, 'amount'],
        actual: yuan(amount.fen),
        expected: yuan(side.fen),
        related: [relatedOf(side)],
      })
    }
  },
})
