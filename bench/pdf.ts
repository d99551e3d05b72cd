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
 * PDF reading throughput in pages per CPU-second, warm (every file read once before timing), in
 * CPU time of the whole process: PDFium's thread and the main thread together, so the figure is
 * what one core would do. The field PDFs are timed to the layout (`readPdf`) and to the full model
 * (`parseFile`); then the seeds' PDFs to the full model, a synthetic 500-page PDF for memory,
 * pdfplumber's `extract_tables` on the field files when `.venv-peer` has it (with the ratio the
 * issue asks for), and a cold `yusuan parse` of the 25-page putuo-finance PDF as a child process.
 */
export async function benchPdf(rounds = 3): Promise<string[]> {
  const lines: string[] = []
  const dir = fieldDir.pathname
  if (!existsSync(dir)) return [`pdf: ${dir} not found; no field PDFs to time`]
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => ({ f, bytes: readFileSync(join(dir, f)) }))
  const pageCounts = new Map<string, number>()
  for (const { f, bytes } of files) {
    pageCounts.set(f, (await readPdf(f, bytes)).pages)
    await parseFile(f, bytes)
  }
  let pages = 0
  let layoutMs = 0
  let modelMs = 0
  for (const { f, bytes } of files) {
    const n = pageCounts.get(f)!
    const toLayout = await cpu(async () => {
      for (let i = 0; i < rounds; i++) await readPdf(f, bytes)
    })
    const toModel = await cpu(async () => {
      for (let i = 0; i < rounds; i++) await parseFile(f, bytes)
    })
    pages += n * rounds
    layoutMs += toLayout
    modelMs += toModel
    lines.push(`pdf ${f} (${n} pages): ${rate(n * rounds, toModel)} to the model, ${rate(n * rounds, toLayout)} to the layout`)
  }
  const ours = (pages / modelMs) * 1000
  lines.push(`pdf field PDFs: ${rate(pages, modelMs)} to the model (target ≥ 100), ${rate(pages, layoutMs)} to the layout; warm, one core`)
  // The seeds laid out as PDFs (ruled and without rules), through parseFile to the full model.
  const seeds = readdirSync('test/fixtures/formats')
    .filter((f) => /^\d{3}(-noborders)?\.pdf$/.test(f))
    .map((f) => ({ f, bytes: readFileSync(join('test/fixtures/formats', f)) }))
  let seedPages = 0
  let seedMs = 0
  for (const { f, bytes } of seeds) {
    const { pages: n } = await readPdf(f, bytes)
    await parseFile(f, bytes)
    seedMs += await cpu(async () => {
      for (let i = 0; i < rounds; i++) await parseFile(f, bytes)
    })
    seedPages += n * rounds
  }
  if (seeds.length) lines.push(`pdf seeds as PDF (${seeds.length} files): ${rate(seedPages, seedMs)} to the model`)
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
  lines.push(peer(files.map(({ f }) => join(dir, f)), ours, (pages / layoutMs) * 1000))
  lines.push(cold(join(dir, 'putuo-finance-2024-final.pdf')))
  return lines
}

/** CPU milliseconds of the whole process (all threads) spent in `run`. */
async function cpu(run: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage()
  await run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

const rate = (pages: number, ms: number) => `${((pages / ms) * 1000).toFixed(0)} pages/CPU-s`

/** Wall time of `yusuan parse <file>` in a fresh process (the median of three), as a person would wait for it. */
function cold(file: string): string {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    execFileSync(process.execPath, ['bin/yusuan.js', 'parse', file], { stdio: 'ignore', timeout: 60_000 })
    times.push(performance.now() - start)
  }
  const median = times.sort((a, b) => a - b)[1]!
  return `pdf cold \`yusuan parse\` of putuo-finance (25 pages): ${(median / 1000).toFixed(2)} s wall, median of 3 (target ≤ 1.5 s)`
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

function peer(files: string[], toModel: number, toLayout: number): string {
  const python = '.venv-peer/bin/python'
  if (!existsSync(python)) return 'pdf vs pdfplumber: not measured (python3 -m venv .venv-peer && .venv-peer/bin/pip install pdfplumber)'
  try {
    const theirs = Number(execFileSync(python, ['-c', plumber, ...files], { encoding: 'utf8', timeout: 600_000 }).trim())
    return `pdf vs pdfplumber extract_tables: ${theirs.toFixed(0)} pages/CPU-s; yusuan is ${(toModel / theirs).toFixed(1)}× to the model, ${(toLayout / theirs).toFixed(1)}× to the layout (target ≥ 10×)`
  } catch (e) {
    return `pdf vs pdfplumber: failed (${(e as Error).message.split('\n')[0]})`
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchPdf()) console.log(l)
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`)
}
