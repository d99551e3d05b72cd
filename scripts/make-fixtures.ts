/**
 * Rebuild the format fixtures from the text seeds: `npm run fixtures`.
 *
 * For each examples/seeds/NNN_*.txt this writes to test/fixtures/formats/:
 *   NNN.docx            ruled tables, A4, 仿宋/宋体/黑体 (src/render/docx.ts)
 *   NNN.pdf             that DOCX converted by LibreOffice
 *   NNN-noborders.pdf   the same document with no ruling lines, converted by LibreOffice
 *   NNN.xlsx            one sheet per table (src/render/xlsx.ts)
 *   NNN.html            one page (src/render/html.ts)
 *   NNN-scanned.pdf     with --scanned: every page of NNN.pdf rasterised (pdftoppm, 200 dpi), turned by a fraction
 *                       of a degree, thresholded with ragged edges and specks, wrapped back into an
 *                       image-only PDF (no text layer): 1-bit Flate images, 0.8–1.3 MB a document.
 *                       --scanned-only makes only these, from the NNN.pdf already there (no LibreOffice).
 *
 * Needs (Debian): libreoffice-writer-nogui, fonts-noto-cjk, poppler-utils (pdftoppm: all that --scanned-only needs). The real 公文 fonts are
 * not installed here, so a private fontconfig file maps 仿宋_GB2312/宋体/楷体 to Noto Serif CJK SC and
 * 黑体 to Noto Sans CJK SC (otherwise LibreOffice falls back to the Japanese Noto faces).
 * Generation is a developer step; tests read the committed files.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { parseText } from '../src/parse/index.ts'
import { documentOf, renderDocx, renderHtml, renderXlsx, seedNarrative } from '../src/render/index.ts'

const SEEDS = 'examples/seeds'
const OUT = 'test/fixtures/formats'
const scannedOnly = process.argv.includes('--scanned-only')
const scanned = scannedOnly || process.argv.includes('--scanned')

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[
  ['仿宋_GB2312', 'Noto Serif CJK SC'], ['仿宋', 'Noto Serif CJK SC'], ['宋体', 'Noto Serif CJK SC'],
  ['楷体_GB2312', 'Noto Serif CJK SC'], ['黑体', 'Noto Sans CJK SC'], ['Times New Roman', 'DejaVu Serif'],
].map(([from, to]) => `  <match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`).join('\n')}
</fontconfig>
`

function soffice(files: string[], outDir: string, work: string): void {
  const fontsConf = join(work, 'fonts.conf')
  writeFileSync(fontsConf, FONTS_CONF)
  execFileSync('soffice', [
    `-env:UserInstallation=file://${join(work, 'profile')}`, // a private profile: no clash with another running soffice
    '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files,
  ], { stdio: 'inherit', env: { ...process.env, FONTCONFIG_FILE: fontsConf } })
}

/**
 * A light scan as an office scanner makes it: the page at 200 dpi, turned by 0.25–0.55°, with
 * ragged edges from a jittered threshold and a few specks of dust, stored as a 1-bit image
 * (Flate) in an image-only PDF. One bit per pixel keeps it small enough to commit.
 */
function scan(pdf: string, out: string, work: string, seed: number): void {
  const dpi = 200
  // Every page, as a scanner gives the whole document: the narrative too, which prints the names the tables hold.
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(work, 'scan')])
  const pages = readdirSync(work).filter((f) => f.startsWith('scan') && f.endsWith('.pgm')).sort()
  let rnd = seed
  const random = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const images = pages.map((p, i) => {
    const pgm = readFileSync(join(work, p))
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const w = Number(m[1]), h = Number(m[2])
    const src = pgm.subarray(m[0].length)
    const stride = Math.ceil(w / 8)
    const bits = Buffer.alloc(stride * h, 0xff) // 1 = white (DeviceGray, 1 bit)
    const angle = ((i % 2 ? -1 : 1) * (0.25 + 0.3 * random()) * Math.PI) / 180
    const cos = Math.cos(angle), sin = Math.sin(angle), cx = w / 2, cy = h / 2
    const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? src[y * w + x]! : 255)
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // Bilinear sample of the turned page, then a threshold that wanders a little, as toner does.
        const fx = cos * (x - cx) + sin * (y - cy) + cx
        const fy = -sin * (x - cx) + cos * (y - cy) + cy
        const x0 = Math.floor(fx), y0 = Math.floor(fy), ax = fx - x0, ay = fy - y0
        const v = (at(x0, y0) * (1 - ax) + at(x0 + 1, y0) * ax) * (1 - ay) + (at(x0, y0 + 1) * (1 - ax) + at(x0 + 1, y0 + 1) * ax) * ay
        const dark = v < 150 + (random() - 0.5) * 40 || random() < 0.0001
        if (dark) bits[y * stride + (x >> 3)]! &= ~(0x80 >> (x & 7))
      }
    }
    return { w, h, data: deflateSync(bits, { level: 9 }) }
  })
  writeFileSync(out, imagePdf(images, dpi))
  for (const p of pages) rmSync(join(work, p))
}

/** A minimal PDF with one 1-bit DeviceGray Flate image per page, sized from the image and its dpi. */
function imagePdf(images: { w: number; h: number; data: Buffer }[], dpi: number): Buffer {
  const parts: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b
    parts.push(buf)
    length += buf.length
  }
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length
    push(`${n} 0 obj\n`)
    for (const b of body) push(b)
    push('\nendobj\n')
  }
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const kids = images.map((_, i) => `${3 + i * 3} 0 R`).join(' ')
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>'])
  obj(2, [`<< /Type /Pages /Kids [${kids}] /Count ${images.length} >>`])
  images.forEach((img, i) => {
    const page = 3 + i * 3
    const pw = (img.w * 72) / dpi, ph = (img.h * 72) / dpi
    const content = `q ${pw.toFixed(2)} 0 0 ${ph.toFixed(2)} 0 0 cm /Im0 Do Q`
    obj(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(2)} ${ph.toFixed(2)}] /Resources << /XObject << /Im0 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`])
    obj(page + 1, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`])
    obj(page + 2, [`<< /Type /XObject /Subtype /Image /Width ${img.w} /Height ${img.h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length ${img.data.length} >>\nstream\n`, img.data, '\nendstream'])
  })
  const xref = length
  const count = 3 + images.length * 3
  push(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return Buffer.concat(parts)
}

const work = mkdtempSync(join(tmpdir(), 'yusuan-fixtures-'))
try {
  const seeds = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()
  const docxFiles: string[] = []
  for (const seed of scannedOnly ? [] : seeds) {
    const id = seed.slice(0, 3)
    const file = join(SEEDS, seed)
    const bytes = readFileSync(file)
    const { disclosure } = parseText(file, bytes)
    if (!disclosure) throw new Error(`${file}: no model`)
    const doc = documentOf(disclosure, seedNarrative(bytes.toString('utf8'), disclosure))

    const docx = await renderDocx(doc)
    writeFileSync(join(OUT, `${id}.docx`), docx)
    writeFileSync(join(work, `${id}.docx`), docx)
    writeFileSync(join(work, `${id}-noborders.docx`), await renderDocx(doc, { ruled: false }))
    docxFiles.push(join(work, `${id}.docx`), join(work, `${id}-noborders.docx`))
    writeFileSync(join(OUT, `${id}.xlsx`), (await renderXlsx(doc)).bytes)
    writeFileSync(join(OUT, `${id}.html`), renderHtml(doc))
    console.log(`${id}: ${doc.tables.length} tables → docx, xlsx, html`)
  }
  if (docxFiles.length) soffice(docxFiles, resolve(OUT), work)
  if (scanned) {
    for (const seed of seeds) {
      const id = seed.slice(0, 3)
      const out = join(OUT, `${id}-scanned.pdf`)
      scan(join(OUT, `${id}.pdf`), out, work, Number(id))
      console.log(`${id}: scanned, ${(statSync(out).size / 1e6).toFixed(2)} MB`)
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
