import { readFileSync } from 'node:fs'
import { parseText, toFacts } from '../src/parse/index.ts'
for (const f of process.argv.slice(2)) {
  const r = parseText(f, readFileSync(f))
  process.stdout.write(toFacts(r.disclosure!))
  for (const d of r.diagnostics) console.error(d.ruleId, d.message)
}
