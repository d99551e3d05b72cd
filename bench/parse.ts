import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseText } from '../src/parse/index.ts'
import { forgetMemos } from '../src/parse/memo.ts'

interface Doc {
  name: string
  bytes: Buffer
}

/**
 * Parse throughput on the seeds, to the full model, in CPU time of one core: documents/s, MB/s,
 * per seed and overall. Twice: as in a batch (the readers' memos of template labels filled by
 * the documents before, src/parse/memo.ts), and with every memo emptied before each document,
 * as if each were the first of its template.
 */
export function benchParse(seconds = 2): string[] {
  const dir = 'examples/seeds'
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f.slice(0, 3), bytes: readFileSync(join(dir, f)) }))
  for (let i = 0; i < 100; i++) for (const d of docs) parseText(d.name, d.bytes) // warm up the JIT
  return [
    ...measure(docs, seconds, 'parse', () => {}),
    ...measure(docs, seconds / 2, 'parse, memos emptied before each document', forgetMemos).slice(-1),
  ]
}

function measure(docs: Doc[], seconds: number, label: string, before: () => void): string[] {
  const lines: string[] = []
  let totalDocs = 0
  let totalBytes = 0
  let totalMs = 0
  for (const d of docs) {
    let n = 0
    // CPU time of this thread, so that other processes on the machine do not count.
    const start = process.cpuUsage()
    let elapsed = 0
    while (elapsed < (seconds * 1000) / docs.length) {
      before()
      parseText(d.name, d.bytes)
      n++
      const used = process.cpuUsage(start)
      elapsed = (used.user + used.system) / 1000
    }
    totalDocs += n
    totalBytes += n * d.bytes.length
    totalMs += elapsed
    lines.push(
      `${label} ${d.name} (${(d.bytes.length / 1024).toFixed(1)} KB): ${((n / elapsed) * 1000).toFixed(0)} documents/s, ${((d.bytes.length * n) / 1e6 / (elapsed / 1000)).toFixed(2)} MB/s, ${(elapsed / n).toFixed(3)} ms/document`,
    )
  }
  lines.push(
    `${label}, all seeds: ${((totalDocs / totalMs) * 1000).toFixed(0)} documents/s, ${(totalBytes / 1e6 / (totalMs / 1000)).toFixed(2)} MB/s (target ≥ 1,000 documents/s for a 40 KB disclosure)`,
  )
  return lines
}
