import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseFile } from '../src/parse/index.ts'
import { readPdf } from '../src/parse/pdf/index.ts'
import { buildPdf } from '../test/parse/pdf-build.ts'

/** The real PDFs, kept beside the checkout (../shared/field), as CI has them. */
export const fieldDir = new URL('../../shared/field/', import.meta.url)

/**
 * PDF reading throughput: pages per CPU-second to the layout (glyphs, rules, cells), warm (each
 * file read once before timing), in CPU time of the whole process: pdf.js's thread and the main
 * thread together, so the figure is what one core would do. Then the seeds' PDFs to the full
 * model, a synthetic 500-page PDF for memory, and pdfplumber's `extract_tables` on the same
 * files when `.venv-peer` has it, with the ratio the issue asks for.
 */
export async function benchPdf(rounds = 3): Promise<string[]> {
  const lines: string[] = []
  const dir = fieldDir.pathname
  if (!existsSync(dir)) return [`pdf: ${dir} not found; no field PDFs to time`]
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
  let pages = 0
  let ms = 0
  for (const f of files) {
    const bytes = readFileSync(join(dir, f))
    const coldStart = performance.now()
    const first = await readPdf(f, bytes)
    const cold = performance.now() - coldStart
    const start = process.cpuUsage()
    const wall = performance.now()
    for (let i = 0; i < rounds; i++) await readPdf(f, bytes)
    const used = process.cpuUsage(start)
    const cpu = (used.user + used.system) / 1000
    pages += first.pages * rounds
    ms += cpu
    lines.push(
      `pdf ${f} (${first.pages} pages, ${(bytes.length / 1e6).toFixed(2)} MB, ${first.layout.lines.length} lines): ` +
        `${((first.pages * rounds) / cpu * 1000).toFixed(0)} pages/s warm (cpu), ${((performance.now() - wall) / rounds).toFixed(0)} ms/file wall, first read ${cold.toFixed(0)} ms`,
    )
  }
  lines.push(`pdf all field files: ${((pages / ms) * 1000).toFixed(0)} pages per CPU-second warm (pdf.js thread + main thread), to the layout (target ≥ 100 pages/s to the full model)`)
  // The seeds laid out as PDFs (ruled and without rules), through parseFile to the full model.
  const seeds = readdirSync('test/fixtures/formats')
    .filter((f) => /^\d{3}(-noborders)?\.pdf$/.test(f))
    .map((f) => ({ f, bytes: readFileSync(join('test/fixtures/formats', f)) }))
  let modelPages = 0
  let modelMs = 0
  for (const { f, bytes } of seeds) {
    const { pages: n } = await readPdf(f, bytes)
    await parseFile(f, bytes)
    const start = process.cpuUsage()
    for (let i = 0; i < rounds; i++) await parseFile(f, bytes)
    const used = process.cpuUsage(start)
    modelPages += n * rounds
    modelMs += (used.user + used.system) / 1000
  }
  if (seeds.length)
    lines.push(`pdf seeds as PDF (${seeds.length} files): ${((modelPages / modelMs) * 1000).toFixed(0)} pages per CPU-second warm, to the full model`)
  const big = buildPdf(
    Array.from({ length: 500 }, (_, p) => ({
      text: Array.from({ length: 40 }, (_, i) => ({ x: 50, y: 800 - i * 18, text: `page ${p + 1} line ${i + 1}  201  390.05  177.72  212.33` })),
      lines: [[40, 810, 550, 810] as [number, number, number, number]],
    })),
  )
  const rss0 = process.memoryUsage().rss
  const t = performance.now()
  const read = await readPdf('500-pages.pdf', big)
  lines.push(
    `pdf synthetic 500 pages (${(big.length / 1e6).toFixed(2)} MB): ${read.pagesRead} pages in ${(performance.now() - t).toFixed(0)} ms, ` +
      `${read.layout.lines.length} lines, RSS +${((process.memoryUsage().rss - rss0) / 1e6).toFixed(0)} MB`,
  )
  lines.push(peer(files.map((f) => join(dir, f)), (pages / ms) * 1000))
  return lines
}

/** pdfplumber's `extract_tables` on the same files, in CPU time (benchmark only: a local venv, never a dependency). */
const plumber = `
import sys, time, pdfplumber
pages = 0
cpu = 0.0
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        pdf.pages[0].extract_tables()
    t = time.process_time()
    with pdfplumber.open(f) as pdf:
        for p in pdf.pages:
            p.extract_tables()
        pages += len(pdf.pages)
    cpu += time.process_time() - t
print(pages / cpu)
`

function peer(files: string[], ours: number): string {
  const python = '.venv-peer/bin/python'
  if (!existsSync(python)) return 'pdf vs pdfplumber: not measured (python3 -m venv .venv-peer && .venv-peer/bin/pip install pdfplumber)'
  try {
    const theirs = Number(execFileSync(python, ['-c', plumber, ...files], { encoding: 'utf8', timeout: 600_000 }).trim())
    return `pdf vs pdfplumber extract_tables: ${theirs.toFixed(0)} pages per CPU-second warm; yusuan is ${(ours / theirs).toFixed(1)}× (target ≥ 10×)`
  } catch (e) {
    return `pdf vs pdfplumber: failed (${(e as Error).message.split('\n')[0]})`
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchPdf()) console.log(l)
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`)
}
