import { normalizeLabel } from '../normalize.ts'
import type { ColumnSpec } from '../../model/tables.ts'
import type { Field } from './line-cells.ts'

/**
 * Map drawn header cells to column keys, line by line: a cell names the column whose label it
 * contains (the longest such label wins, so `上级一般公共预算安排的转移支付` is not
 * `一般公共预算`). A group cell such as `财政拨款（补助）` names no column and is skipped; a
 * deeper header line overrides the cell index above it.
 */
export class HeaderMap {
  private byIndex = new Map<number, string>()
  constructor(private columns: readonly ColumnSpec[]) {}

  /** Read one header line. */
  add(fields: Field[]): void {
    const taken = new Set<string>()
    for (const f of fields) {
      if (f.index === undefined || !f.text) continue
      const text = normalizeLabel(f.text)
      let best: { key: string; len: number } | undefined
      for (const col of this.columns) {
        if (taken.has(col.key)) continue
        for (const label of col.labels) {
          if (text.includes(label) && (!best || label.length > best.len)) best = { key: col.key, len: label.length }
        }
      }
      if (best) {
        this.byIndex.set(f.index, best.key)
        taken.add(best.key)
      }
    }
  }

  /** Forget the header (a new header block starts after data rows). */
  reset(): void {
    this.byIndex = new Map()
  }

  get size(): number {
    return this.byIndex.size
  }

  column(index: number): string | undefined {
    return this.byIndex.get(index)
  }
}
