import { TABLES, type Cell, type Table } from '../../model/index.ts'

/** One sum a table states: `total` = Σ `parts` (a missing part is a blank cell, zero). */
export interface Identity {
  total: Cell
  parts: Cell[]
}

/**
 * The sums a read table must satisfy, from the spec and the code hierarchy: in each row, the
 * spec's column identities (合计 = 基本支出 + 项目支出); in each column, a 类 row = Σ its 款
 * rows, a 款 row = Σ its 项 rows, and the 合计 row = Σ the 类 rows. Only stated cells take
 * part (a derived cell is the project's own sum). A sum whose total is blank is not listed.
 */
export function identities(table: Table): Identity[] {
  const out: Identity[] = []
  const spec = TABLES.find((t) => t.key === table.key)
  const stated = (cells: Cell[], column: string) => cells.find((c) => c.column === column && !c.derived)
  for (const row of table.rows) {
    // Income lines of the two-sided tables are not broken down by column.
    if (row.key.startsWith('inc.')) continue
    for (const { total, parts } of spec?.identities ?? []) {
      const t = stated(row.cells, total)
      if (t) out.push({ total: t, parts: parts.flatMap((k) => stated(row.cells, k) ?? []) })
    }
  }
  const coded = table.rows.filter((r) => r.code !== undefined && r.key === r.code)
  const childrenOf = (code: string) => coded.filter((r) => r.code!.length === code.length + 2 && r.code!.startsWith(code))
  const top = coded.filter((r) => r.code!.length === 3)
  const columns = new Set(table.rows.flatMap((r) => r.cells.map((c) => c.column)))
  for (const column of columns) {
    for (const row of coded) {
      const children = childrenOf(row.code!)
      const t = stated(row.cells, column)
      if (t && children.length > 0) out.push({ total: t, parts: children.flatMap((r) => stated(r.cells, column) ?? []) })
    }
    const t = stated(table.rows.find((r) => r.key === 'total')?.cells ?? [], column)
    if (t && top.length > 0) out.push({ total: t, parts: top.flatMap((r) => stated(r.cells, column) ?? []) })
  }
  return out
}
