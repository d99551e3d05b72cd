import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { audit } from '../../src/audit/engine.ts'
import { rules } from '../../src/audit/rules/index.ts'
import { parseText } from '../../src/parse/index.ts'
import { seed, seedFile } from './seeds.ts'

/**
 * End to end: every table number of each seed's text, one at a time, printed 1.00 higher, then
 * parsed and audited. A mutant is caught when an error or warning of the table rules names its
 * source line (the finding's place or one of its related places). This runs the parser too, so a
 * parser that reads a mutated number into another column can hide it; the share is required to
 * stay at 99 %.
 */
const tableRules = rules.filter((r) => /^(sum|cross|code)\//.test(r.id))

for (const id of ['001', '002', '003'] as const) {
  test(`seed ${id}: printed table numbers +1.00, parsed and audited, are caught at their line`, () => {
    const file = seedFile(id)
    const lines = readFileSync(file, 'utf8').split('\n')
    let total = 0
    const missed: string[] = []
    for (const table of seed(id).tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const p = cell.place
          if (!p?.end || p.start.line !== p.end.line) continue
          const line = lines[p.start.line - 1]!
          if (line.slice(p.start.column - 1, p.end.column - 1) !== cell.raw) continue
          total++
          const mutated = lines.slice()
          mutated[p.start.line - 1] = line.slice(0, p.start.column - 1) + (Number(cell.value) + 1).toFixed(2) + line.slice(p.end.column - 1)
          const { disclosure } = parseText(file, Buffer.from(mutated.join('\n')))
          const { diagnostics } = audit(disclosure!, { rules: tableRules })
          const at = p.start.line
          const caught = diagnostics.some(
            (d) => d.severity !== 'info' && (d.place?.start.line === at || d.related?.some((r) => r.place?.start.line === at)),
          )
          if (!caught) missed.push(`${table.key}/${row.key}/${cell.column} L${at}`)
        }
      }
    }
    const share = (total - missed.length) / total
    process.stdout.write(`# seed ${id}: ${total - missed.length}/${total} printed-number mutants caught (${(share * 100).toFixed(1)}%)${missed.length ? ': missed ' + missed.join(', ') : ''}\n`)
    assert.ok(total >= seed(id).tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.length, 0), 0) * 0.9, 'most facts located in the text')
    assert.ok(share >= 0.99, `only ${(share * 100).toFixed(1)}% caught`)
  })
}
