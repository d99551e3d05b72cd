import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { createOcrEngine } from '../src/parse/ocr/index.ts'
import { readPageImage } from '../src/parse/ocr/page.ts'
import { renderPage } from '../src/parse/ocr/raster.ts'
import { loadPdf } from '../src/parse/pdf/load.ts'

/**
 * OCR time per page: rendering (pdf.js onto @napi-rs/canvas at 300 dpi) and reading
 * (`readPageImage`: levelling, specks, rules, the page reading and the second readings), in CPU
 * time of the whole process (tesseract.js runs in worker threads of this process, so CPU time
 * counts all of them) and wall time. The recognisers are started before timing.
 * Run: `node --import tsx bench/ocr.ts [file.pdf page …]`.
 */
export async function benchOcr(pages: [string, number][]): Promise<string[]> {
  const out: string[] = []
  const engine = createOcrEngine()
  const start = cpu()
  const t0 = performance.now()
  // Start both recognisers (Chinese pages, English numbers) on a striped strip (a blank one makes tesseract print statistics).
  const strip = { width: 64, height: 32, data: Uint8Array.from({ length: 64 * 32 }, (_, i) => (i % 8 < 3 ? 0 : 255)) }
  await engine.recognize(strip, { mode: 'page' })
  await engine.recognize(strip, { mode: 'number' })
  out.push(`ocr start: ${(cpu() - start).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms wall`)
  let total = 0
  try {
    for (const [file, n] of pages) {
      const doc = await loadPdf(file, new Uint8Array(readFileSync(file)), undefined, { images: true })
      try {
        const c0 = cpu()
        const w0 = performance.now()
        const image = await renderPage(await doc.getPage(n))
        const c1 = cpu()
        const result = await readPageImage(engine, image, { file, page: n, dpi: 300, scale: 300 / 72, firstLine: 1 })
        const c2 = cpu()
        total += c2 - c0
        out.push(
          `ocr ${file.split('/').at(-1)} p${n}: render ${(c1 - c0).toFixed(0)} ms, read ${(c2 - c1).toFixed(0)} ms CPU ` +
            `(${(performance.now() - w0).toFixed(0)} ms wall), ${result.cells} cells, ${result.unsure} unsure`,
        )
      } finally {
        await doc.destroy()
      }
    }
  } finally {
    await engine.terminate()
  }
  out.push(`ocr: ${(total / pages.length / 1000).toFixed(2)} s CPU per page (${pages.length} pages)`)
  return out
}

const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const pages: [string, number][] = []
  for (let i = 0; i + 1 < args.length; i += 2) pages.push([args[i]!, Number(args[i + 1])])
  if (pages.length === 0)
    pages.push(['../shared/field/putuo-finance-2024-final.pdf', 8], ['test/fixtures/formats/001-scanned.pdf', 3], ['test/fixtures/formats/001-scanned.pdf', 8])
  for (const line of await benchOcr(pages)) console.log(line)
}
