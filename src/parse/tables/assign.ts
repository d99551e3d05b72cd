import type { Assignment } from '../../model/index.ts'
import type { TableSpec } from '../../model/tables.ts'

/**
 * Placing numbers whose column the layout lost. Plain text keeps the numbers of a row but not
 * the blank cells between them (`208 05 02 事业单位离退休 0.73 0.73` in a 合计/基本/项目 table),
 * and Markdown exports drop whole columns. The numbers keep their left-to-right order, so the
 * candidates are the order-preserving placements of k numbers into n columns; each is scored by
 * what the document itself says:
 * - the table's identities (合计 = 基本支出 + 项目支出, blanks counting as zero);
 * - the same row of a sibling table (部门支出总体情况表 vs 一般公共预算支出情况表) stating the same value;
 * - columns the document shows to be empty (an empty 政府性基金 table, a blank 财政专户 income line);
 * - columns other rows of the same table use;
 * - the column the header names above the number, where the source drew cells.
 * The best placement wins; a tie goes to the leftmost columns and is recorded as decided by order.
 */
export interface AssignContext {
  spec: TableSpec
  /** fen values of the numbers, left to right. */
  values: number[]
  /** Header hints per number. */
  hints: (string | undefined)[]
  /** The value a sibling table states for this row and column, if any. */
  sibling(column: string): number | undefined
  /** Columns the document shows to be empty. */
  zero: Set<string>
  /** Columns used by other rows of this table. */
  used: Set<string>
  /** A documented convention names this column for this row (breaks ties only). */
  convention(column: string): boolean
  /** Tolerance per addend, in fen (one cent of the printed unit). */
  cent: number
}

interface Scored {
  columns: string[]
  identity: number
  sibling: number
  prior: number
  convention: number
  total: number
}

/** The best columns for the numbers, and how they were decided. */
export function assignColumns(ctx: AssignContext): { columns: string[]; assignment: Assignment } {
  const keys = ctx.spec.columns.map((c) => c.key)
  const k = ctx.values.length
  let best: Scored | undefined
  let second: Scored | undefined
  for (const combo of combinations(keys.length, k)) {
    const columns = combo.map((i) => keys[i]!)
    const s = score(ctx, columns)
    if (!best || s.total > best.total) {
      second = best
      best = s
    } else if (!second || s.total > second.total) second = s
  }
  if (!best) return { columns: [], assignment: { by: 'order' } }
  const list = best.columns.join(', ')
  let assignment: Assignment
  if (!second || second.total < best.total) {
    const by: Assignment['by'] =
      !second || best.sibling > second.sibling || best.prior > second.prior
        ? 'cross-table'
        : best.identity > second.identity
          ? 'identity'
          : 'convention'
    const why = { 'cross-table': '与其他表及空表信息一致', identity: '表内勾稽关系', convention: '经济分类惯例（301、303 为人员经费，其余为公用经费）', position: '', order: '' }[by]
    assignment = { by, note: `${why}：${list}` }
  } else assignment = { by: 'order', note: `无法唯一判定，按从左到右取列：${list}` }
  return { columns: best.columns, assignment }
}

function score(ctx: AssignContext, columns: string[]): Scored {
  const at = new Map<string, number>()
  columns.forEach((c, i) => at.set(c, ctx.values[i]!))
  let identity = 0
  for (const id of ctx.spec.identities) {
    const members = [id.total, ...id.parts]
    if (!members.some((m) => at.has(m))) continue
    const sum = id.parts.reduce((s, p) => s + (at.get(p) ?? 0), 0)
    const total = at.get(id.total) ?? 0
    identity += Math.abs(total - sum) <= ctx.cent * id.parts.length ? 2 : -2
  }
  let sibling = 0
  let prior = 0
  let convention = 0
  columns.forEach((c, i) => {
    const s = ctx.sibling(c)
    if (s !== undefined) sibling += s === ctx.values[i] ? 4 : -1
    if (ctx.zero.has(c)) prior -= 3
    if (ctx.used.has(c)) prior += 1
    if (ctx.hints[i] === c) prior += 2
    if (ctx.convention(c)) convention += 2
  })
  return { columns, identity, sibling, prior, convention, total: identity + sibling + prior + convention }
}

/** Increasing index tuples of length k from 0..n-1, in lexicographic order (leftmost first). */
function* combinations(n: number, k: number): Generator<number[]> {
  if (k > n) return
  const idx = Array.from({ length: k }, (_, i) => i)
  while (true) {
    yield [...idx]
    let i = k - 1
    while (i >= 0 && idx[i] === n - k + i) i--
    if (i < 0) return
    idx[i]!++
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1
  }
}
