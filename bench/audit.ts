import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { audit } from '../src/audit/engine.ts'
import { rules } from '../src/audit/rules/index.ts'
import type { Disclosure } from '../src/model/index.ts'
import { parseText } from '../src/parse/index.ts'

/**
 * Audit time per document on the seeds, after start-up, in CPU time of this process (target:
 * under 5 ms per document). Each run gets a fresh copy of the model, made outside the timing, so
 * no cache of an earlier run is reused.
 */
export function benchAudit(seconds = 2): string[] {
  const dir = 'examples/seeds'
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f.slice(0, 3), model: parseText(f, readFileSync(join(dir, f))).disclosure! }))
  const lines: string[] = []
  for (let i = 0; i < 50; i++) for (const d of docs) audit(structuredClone(d.model)) // warm up the JIT
  for (const d of docs) {
    const batch: Disclosure[] = Array.from({ length: 50 }, () => structuredClone(d.model))
    let n = 0
    let elapsed = 0
    while (elapsed < (seconds * 1000) / docs.length) {
      const start = process.cpuUsage()
      for (const m of batch) audit(m)
      const used = process.cpuUsage(start)
      elapsed += (used.user + used.system) / 1000
      n += batch.length
      for (let i = 0; i < batch.length; i++) batch[i] = structuredClone(d.model)
    }
    lines.push(`audit ${d.name} (${rules.length} rules): ${(elapsed / n).toFixed(3)} ms/document (target < 5 ms)`)
  }
  return lines
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of benchAudit()) console.log(l)
