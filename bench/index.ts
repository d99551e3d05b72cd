import { benchAudit } from './audit.ts'
import { benchParse } from './parse.ts'
import { benchPdf } from './pdf.ts'

/**
 * `npm run bench`: speed and memory targets live here, never in timed unit tests.
 * One core (the loops run on the main thread); peak RSS is the process's high-water mark.
 */
const sections: [string, () => string[] | Promise<string[]>][] = [
  ['parse (text seeds, to the full model)', () => benchParse()],
  ['audit (after start-up)', () => benchAudit()],
  ['pdf (field PDFs; pdfplumber when .venv-peer exists)', () => benchPdf()],
]

for (const [name, run] of sections) {
  const lines = await run()
  console.log(`# ${name}`)
  for (const l of lines) console.log(l)
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`)
