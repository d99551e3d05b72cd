import type { Disclosure } from '../model/index.ts'

/**
 * The `facts` CSV of ../shared/spec/facts.md: one line per stated cell, in document order.
 * Derived cells are not facts of the document and are left out.
 */
export function toFacts(disclosure: Disclosure): string {
  const out = ['table,row,column,value']
  for (const table of disclosure.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.derived) continue
        out.push([table.key, row.key, cell.column, cell.value].map(csvField).join(','))
      }
    }
  }
  return out.join('\n') + '\n'
}

/** Quote a CSV field when it needs it (RFC 4180). */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
