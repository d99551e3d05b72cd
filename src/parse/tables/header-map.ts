import { Memo } from '../memo.ts'
import { normalizeLabel } from '../normalize.ts'
import type { ColumnSpec } from '../../model/tables.ts'
import type { Field } from './line-cells.ts'

/** Header words that name a group of columns, a code or name column, or a numbering row: never a money column of their own. */
const GROUP = /^(科目|项目|功能分类|经济分类|科目编码|科目代码|科目名称|功能分类科目编码|功能分类科目名称|经济分类科目编码|经济分类科目名称|类|款|项|财政拨款\(补助\)|财政拨款|非财政拨款|基本支出|资金来源|支出预算|一般公共预算支出|政府性基金预算支出|国有资本经营预算支出|一般公共预算基本支出|“三公”经费支出内容|项目名称|单位名称|预算数|决算数|※|\d+|栏次|金额单位.*|单位.*)$/

/**
 * Map drawn header cells to column keys, line by line: a cell names the column whose label it
 * contains (the longest such label wins, so `上级一般公共预算安排的转移支付` is not
 * `一般公共预算`). A group cell such as `财政拨款（补助）` names no column and is skipped; a
 * deeper header line overrides the cell index above it.
 */
export class HeaderMap {
  /** Per cell index: the standard column a header word names. */
  private named: (string | undefined)[] = []
  /** Per cell index: `x:<header words>` for words that name no standard column. */
  private unnamed: (string | undefined)[] = []
  private count = 0
  /** The candidates of the header words seen with these columns. */
  private known: Memo<string, Candidates>
  constructor(private columns: readonly ColumnSpec[]) {
    this.known = knownWords(columns)
  }

  /** Read one header line. */
  add(fields: Field[]): void {
    const taken = new Set<string>()
    for (const f of fields) {
      if (f.index === undefined || !f.text) continue
      const { named, near, unnamed } = candidates(this.columns, this.known, f.text)
      let best: { key: string; len: number } | undefined
      for (const c of named) if (!taken.has(c.key) && (!best || c.len > best.len)) best = c
      // A misread word (OCR: 项自支出 for 项目支出) names the column it is one character away from.
      const key = best?.key ?? near.find((k) => !taken.has(k))
      if (key) {
        if (this.named[f.index] === undefined) this.count++
        this.named[f.index] = key
        taken.add(key)
      } else if (unnamed) this.unnamed[f.index] = unnamed
    }
  }

  /** Forget the header (a new header block starts after data rows). */
  reset(): void {
    this.named = []
    this.unnamed = []
    this.count = 0
  }

  /** How many cell indexes a standard column is named for. */
  get size(): number {
    return this.count
  }

  /**
   * The column of a cell index: a standard column, or `x:<header words>` for a column the
   * standard table does not have (another template's extra column gets a new key, never a forced fit).
   */
  column(index: number): string | undefined {
    return this.named[index] ?? this.unnamed[index]
  }
}

/**
 * What a header word can name: columns whose labels its normalised text contains (with the
 * longest such label's length), and columns one edit away.
 */
interface Candidates {
  named: { key: string; len: number }[]
  near: string[]
  /** The `x:` key the word gives a column when it names no standard one, unless it is a group word. */
  unnamed: string | undefined
}

/**
 * The candidates of a header word, in column order, remembered per table spec: header words are
 * few and repeat on every page and in every document of a template.
 */
const remembered = new WeakMap<readonly ColumnSpec[], Memo<string, Candidates>>()

function knownWords(columns: readonly ColumnSpec[]): Memo<string, Candidates> {
  let known = remembered.get(columns)
  if (!known) remembered.set(columns, (known = new Memo()))
  return known
}

function candidates(columns: readonly ColumnSpec[], known: Memo<string, Candidates>, word: string): Candidates {
  let found = known.get(word)
  if (found) return found
  const text = normalizeLabel(word)
  found = { named: [], near: [], unnamed: GROUP.test(text) ? undefined : `x:${text}` }
  for (const col of columns) {
    let len = 0
    for (const label of col.labels) if (label.length > len && text.includes(label)) len = label.length
    if (len) found.named.push({ key: col.key, len })
    else if (text.length >= 4 && col.labels.some((label) => label.length >= 4 && oneEditApart(text, label))) found.near.push(col.key)
  }
  return known.set(word, found)
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  // Skip the one difference in the longer string (or in both when equal in length).
  const restA = a.length >= b.length ? a.slice(i + 1) : a.slice(i)
  const restB = b.length >= a.length ? b.slice(i + 1) : b.slice(i)
  return restA === restB
}
