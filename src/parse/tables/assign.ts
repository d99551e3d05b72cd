import type { Assignment } from '../../model/index.ts'
import type { TableSpec } from '../../model/tables.ts'

/**
 * Placing numbers whose column the layout lost. Plain text keeps the numbers of a row but not
 * the blank cells between them (`208 05 02 事业单位离退休 0.73 0.73` in a 合计/基本/项目 table),
 * and Markdown exports drop whole columns. The numbers keep their left-to-right order, so the
 * candidates are the order-preserving placements of k numbers into n columns; each is scored by
 * what the document itself says:
 * - the table's identities (合计 = 基本支出 + 项目支出, blanks counting as zero), exact ones above
 *   ones that hold only within rounding;
 * - the same row of a sibling table (部门支出总体情况表 vs 一般公共预算支出情况表) stating the same value;
 * - columns the document shows to be empty (an empty 政府性基金 table, a blank 财政专户 income line);
 * - columns other rows of the same table use (a column no row uses was lost by the export);
 * - the column the header names above the number, where the source drew cells;
 * - a documented template convention (301/303 are 人员经费), to break ties only.
 * The best placement wins; a tie goes to the leftmost columns and is recorded as decided by order.
 */
export interface AssignContext {
  spec: TableSpec
  /** fen values of the numbers, left to right. */
  values: number[]
  /** Header hint per number (column key). */
  hints: (string | undefined)[]
  /** Per column (spec order): the value a sibling table states for this row, if any. */
  siblings: (number | undefined)[]
  /** Per column: the document shows it empty. */
  zero: boolean[]
  /** Per column: other rows of this table use it. */
  used: boolean[]
  /** Per column: a documented convention names it for this row. */
  convention: boolean[]
  /** Tolerance per addend, in fen (one cent of the printed unit). */
  cent: number
}

/** Identities as column indexes, computed once per table spec. */
const identityIndexes = new WeakMap<TableSpec, Identity[]>()

/** An identity `total = Σ parts` as column indexes. */
interface Identity {
  total: number
  parts: number[]
}

function identitiesOf(spec: TableSpec): Identity[] {
  let ids = identityIndexes.get(spec)
  if (!ids) {
    const index = (k: string) => spec.columns.findIndex((c) => c.key === k)
    ids = spec.identities.map((id) => ({ total: index(id.total), parts: id.parts.map(index) }))
    identityIndexes.set(spec, ids)
  }
  return ids
}

/** The best columns for the numbers, and how they were decided. */
export function assignColumns(ctx: AssignContext): { columns: string[]; assignment: Assignment } {
  const n = ctx.spec.columns.length
  const k = ctx.values.length
  if (k >= n) return fillColumns(ctx.spec, k)
  const scores = scoreParts(ctx)
  const ids = identitiesOf(ctx.spec)
  // Columns the document shows empty are tried only when the others cannot satisfy the identities:
  // the result is the same, and a 12-column income row is placed among 4 columns, not 12.
  const all = range(n)
  const open = all.filter((c) => !ctx.zero[c])
  let found = open.length >= k && open.length < n ? search(ctx, scores, ids, open) : undefined
  if (!found || !found.best || found.violated) found = search(ctx, scores, ids, all)
  const { best, second } = found
  if (!best) return { columns: [], assignment: { by: 'order' } }
  const columns = best.combo.map((c) => ctx.spec.columns[c]!.key)
  const list = listOf(columns)
  if (second && second.total >= best.total) {
    return { columns, assignment: { by: 'order', note: `无法唯一判定，按从左到右取列：${list}` } }
  }
  const by: Assignment['by'] =
    !second || best.sibling > second.sibling || best.prior > second.prior
      ? 'cross-table'
      : best.identity > second.identity
        ? 'identity'
        : 'convention'
  return { columns, assignment: { by, note: `${WHY[by]}：${list}` } }
}

/**
 * The placement of as many numbers as the table has columns (one each, in order), or of more
 * (no placement): nothing about the row can change it, so it needs no evidence.
 */
export function fillColumns(spec: TableSpec, k: number): { columns: string[]; assignment: Assignment } {
  if (k > spec.columns.length) return { columns: [], assignment: { by: 'order' } }
  const columns = spec.columns.map((c) => c.key)
  return { columns, assignment: { by: 'cross-table', note: `${WHY['cross-table']}：${listOf(columns)}` } }
}

/**
 * The columns as a note lists them (`total, basic`). Concatenated rather than joined: `join` here
 * made the whole parse 0.15% slower (30.09 G against 30.05 G instructions, 600 parses of the seeds),
 * and sharing line-cells' `joinTexts` through an accessor 0.9%.
 */
function listOf(columns: string[]): string {
  let list = columns[0] ?? ''
  for (let i = 1; i < columns.length; i++) list += `, ${columns[i]}`
  return list
}

const WHY: Record<Assignment['by'], string> = {
  'cross-table': '与其他表及空表信息一致',
  identity: '表内勾稽关系',
  convention: '经济分类惯例（301、303 为人员经费，其余为公用经费）',
  position: '',
  order: '',
}

/** The score parts that depend on one number and one column, computed once per row: [i * n + c]. */
interface ScoreParts {
  sibling: Int32Array
  prior: Int32Array
  convention: Int32Array
}

/**
 * Reused between rows (placement is synchronous): allocating typed arrays per row costs more than
 * filling them. `at` and `has` hold one candidate placement's value and presence per column.
 */
const scratch = { sibling: new Int32Array(256), prior: new Int32Array(256), convention: new Int32Array(256), at: new Float64Array(16), has: new Uint8Array(16) }

function scoreParts(ctx: AssignContext): ScoreParts {
  const n = ctx.spec.columns.length
  const k = ctx.values.length
  if (k * n > scratch.sibling.length) {
    for (const key of ['sibling', 'prior', 'convention'] as const) scratch[key] = new Int32Array(k * n)
  }
  const parts = scratch
  for (let i = 0; i < k; i++) {
    for (let c = 0; c < n; c++) {
      const s = ctx.siblings[c]
      parts.sibling[i * n + c] = s === undefined ? 0 : s === ctx.values[i] ? 4 : -1
      parts.prior[i * n + c] = (ctx.zero[c] ? -3 : 0) + (ctx.used[c] ? 1 : 0) + (ctx.hints[i] === ctx.spec.columns[c]!.key ? 2 : 0)
      parts.convention[i * n + c] = ctx.convention[c] ? 2 : 0
    }
  }
  return parts
}

/** The best and second-best placements of the numbers into the columns `cols` (indexes, ascending). */
function search(ctx: AssignContext, scores: ScoreParts, ids: Identity[], cols: number[]): { best?: Scored; second?: Scored; violated: boolean } {
  const n = ctx.spec.columns.length
  const k = ctx.values.length
  if (n > scratch.at.length) {
    scratch.at = new Float64Array(n)
    scratch.has = new Uint8Array(n)
  }
  const at = scratch.at
  const has = scratch.has
  let best: Scored | undefined
  let second: Scored | undefined
  let violated = false
  const m = cols.length
  const combo = range(k)
  // Cleared by a loop: the buffers are a few entries long, and two fill calls cost a tenth of a small placement.
  for (let c = 0; c < n; c++) {
    at[c] = 0
    has[c] = 0
  }
  // Enumerate increasing index tuples in lexicographic order (leftmost first), without allocating.
  while (k <= m) {
    let sib = 0
    let pri = 0
    let conv = 0
    for (let i = 0; i < k; i++) {
      const c = cols[combo[i]!]!
      at[c] = ctx.values[i]!
      has[c] = 1
      sib += scores.sibling[i * n + c]!
      pri += scores.prior[i * n + c]!
      conv += scores.convention[i * n + c]!
    }
    let identity = 0
    let broken = false
    for (const id of ids) {
      let touched = has[id.total] === 1
      let sum = 0
      for (const p of id.parts) {
        sum += at[p]!
        if (has[p]) touched = true
      }
      if (!touched) continue
      // An identity that holds exactly is stronger evidence than one that holds within rounding
      // (0.01 0.01 fits 合计|人员经费 exactly and 人员经费|公用经费 only within two cents).
      const diff = Math.abs(at[id.total]! - sum)
      const holds = diff <= ctx.cent * id.parts.length
      identity += diff === 0 ? 3 : holds ? 2 : -2
      if (!holds) broken = true
    }
    // Only this placement's columns were set: clearing them is cheaper than clearing all n.
    for (let i = 0; i < k; i++) {
      const c = cols[combo[i]!]!
      at[c] = 0
      has[c] = 0
    }
    const total = identity + sib + pri + conv
    if (!best || total > best.total) {
      second = best
      best = { combo: combo.map((i) => cols[i]!), identity, sibling: sib, prior: pri, convention: conv, total }
      violated = broken
    } else if (!second || total > second.total) {
      second = { combo: [], identity, sibling: sib, prior: pri, convention: conv, total }
    }
    let i = k - 1
    while (i >= 0 && combo[i] === m - k + i) i--
    if (i < 0) break
    combo[i]!++
    for (let j = i + 1; j < k; j++) combo[j] = combo[j - 1]! + 1
  }
  const found: { best?: Scored; second?: Scored; violated: boolean } = { violated }
  if (best) found.best = best
  if (second) found.second = second
  return found
}

/** 0, 1, …, n − 1. */
function range(n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(i)
  return out
}

interface Scored {
  combo: number[]
  identity: number
  sibling: number
  prior: number
  convention: number
  total: number
}

