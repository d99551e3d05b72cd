import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, test } from 'node:test'
import { createCanvas, ImageData } from '@napi-rs/canvas'
import type { Diagnostic } from '../../src/model/index.ts'
import { parseLayout } from '../../src/parse/index.ts'
import { cellNumber } from '../../src/parse/numbers.ts'
import { type Bitmap } from '../../src/parse/ocr/bitmap.ts'
import { createOcrEngine, LOW_CONFIDENCE, readImage, readPdfOcr, type OcrEngine } from '../../src/parse/ocr/index.ts'
import { readPageImage } from '../../src/parse/ocr/page.ts'
import { renderPage } from '../../src/parse/ocr/raster.ts'
import { readPdf, type PdfLine } from '../../src/parse/pdf/index.ts'
import { loadPdf } from '../../src/parse/pdf/load.ts'

/**
 * OCR of scanned pages, checked against independent truth:
 * - a real page (putuo-finance-2024-final.pdf page 8, 收入决算表) rendered to an image and read by
 *   OCR, against the text layer of the same page (readPdf);
 * - the same image turned 1.5° with specks, given as a PNG file;
 * The scanned fixtures are measured in ocr-fixtures.test.ts.
 * A number is either exact or its cell is flagged (confidence below LOW_CONFIDENCE); none is silently wrong.
 * OCR is slow (seconds a page): one recogniser serves every test and is stopped at the end.
 */
const FIELD = '../shared/field/putuo-finance-2024-final.pdf'
const PAGE = 8
const DPI = 300

let engine: OcrEngine
let page8: Bitmap
let truth: PdfLine[]

before(async () => {
  engine = createOcrEngine()
  const bytes = new Uint8Array(readFileSync(FIELD))
  truth = (await readPdf(FIELD, bytes)).layout.lines.filter((l) => l.place.page === PAGE)
  const doc = await loadPdf(FIELD, bytes, undefined, { images: true })
  try {
    page8 = await renderPage(await doc.getPage(PAGE), DPI)
  } finally {
    await doc.destroy()
  }
})

after(async () => {
  await engine?.terminate()
})

interface Score {
  total: number
  exact: number
  flagged: number
  silent: string[]
}

/**
 * Each number cell of the text layer against the OCR cell nearest its centre (`where` maps a
 * text-layer point to the OCR's coordinates). Cells are compared as printed.
 */
function score(lines: PdfLine[], where: (x: number, y: number) => [number, number]): Score {
  const cells = lines.flatMap((l) => l.cells ?? []).filter((c) => c.place.box)
  const s: Score = { total: 0, exact: 0, flagged: 0, silent: [] }
  for (const line of truth) {
    for (const cell of line.cells ?? []) {
      if (cell.text.trim() === '' || cellNumber(cell.text) === undefined) continue
      s.total++
      const [x0, y0, x1, y1] = cell.place.box!
      const [cx, cy] = where((x0 + x1) / 2, (y0 + y1) / 2)
      let best = cells[0]
      let bestD = Infinity
      for (const c of cells) {
        const b = c.place.box!
        const d = Math.hypot((b[0] + b[2]) / 2 - cx, (b[1] + b[3]) / 2 - cy)
        if (d < bestD) [best, bestD] = [c, d]
      }
      if (best?.text === cell.text) s.exact++
      else if ((best?.confidence ?? 1) < LOW_CONFIDENCE) s.flagged++
      else s.silent.push(`${cell.text} read as ${best?.text}`)
    }
  }
  return s
}

test('a real table page as an image: ≥ 99.5% of number cells exact against its text layer, the rest flagged', async (t) => {
  const result = await readPageImage(engine, page8, { file: FIELD, page: PAGE, dpi: DPI, scale: DPI / 72, firstLine: 1 })
  const s = score(result.lines, (x, y) => [x, y])
  t.diagnostic(`page 8: ${s.exact}/${s.total} number cells exact, ${s.flagged} flagged`)
  assert.ok(s.total >= 60, `${s.total} number cells on the page`)
  assert.deepEqual(s.silent, [])
  assert.ok(s.exact / s.total >= 0.995, `${s.exact}/${s.total} exact, ${s.flagged} flagged`)
  // The table comes out as the text layer's: the row of 201 with its code and cells, and its header.
  const row = result.lines.find((l) => l.cells?.[0]?.text === '201' && l.cells[3]?.text === '一般公共服务支出')
  assert.deepEqual(row?.cells?.slice(4, 6).map((c) => c.text), ['2,112.86', '2,106.66'])
  assert.ok(result.lines.some((l) => l.cells?.some((c) => c.text === '本年收入合计')), 'header 本年收入合计 read')
  assert.equal(row?.cells?.[4]?.place.page, PAGE)
})

test('the same page turned 1.5° with specks, as a PNG file: levelled, numbers exact or flagged, places on the page as given', async (t) => {
  const angle = (1.5 * Math.PI) / 180
  const png = scanned(page8, angle, 7)
  const read = await readImage('page8-turned.png', png, { engine })
  assert.equal(read.dpi, DPI)
  const note = read.diagnostics.find((d) => d.ruleId === 'parse/ocr-page')!
  assert.match(note.message, /倾斜 1\.[45]\d°/)
  // Text-layer points → pixels of the turned image (turned about its centre).
  const k = DPI / 72
  const [cx, cy] = [page8.width / 2, page8.height / 2]
  const where = (x: number, y: number): [number, number] => {
    const [dx, dy] = [x * k - cx, y * k - cy]
    return [cx + dx * Math.cos(angle) - dy * Math.sin(angle), cy + dx * Math.sin(angle) + dy * Math.cos(angle)]
  }
  const s = score(read.layout.lines, where)
  t.diagnostic(`page 8 turned and specked: ${s.exact}/${s.total} number cells exact, ${s.flagged} flagged`)
  assert.deepEqual(s.silent, [])
  assert.ok(s.exact / s.total >= 0.995, `${s.exact}/${s.total} exact, ${s.flagged} flagged`)
  assertFlagsPlaced(read.diagnostics)
})

/** Every low-confidence cell is reported with its page and box. */
function assertFlagsPlaced(diagnostics: Diagnostic[]) {
  for (const d of diagnostics.filter((d) => d.ruleId === 'parse/ocr-low-confidence')) {
    assert.equal(d.place?.page, 1)
    assert.equal(d.place?.box?.length, 4)
  }
}

/** A page as a scanner might give it: turned by `angle` about its centre, with dark specks; as PNG. */
function scanned(page: Bitmap, angle: number, seed: number): Uint8Array {
  const { width, height } = page
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < page.data.length; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = page.data[i]!
    rgba[4 * i + 3] = 255
  }
  const flat = createCanvas(width, height)
  flat.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.translate(width / 2, height / 2)
  ctx.rotate(angle)
  ctx.translate(-width / 2, -height / 2)
  ctx.drawImage(flat, 0, 0)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  let r = seed
  const random = () => (r = (r * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  ctx.fillStyle = '#222'
  for (let i = 0; i < 1500; i++) {
    ctx.beginPath()
    ctx.arc(random() * width, random() * height, 0.6 + random() * 1.2, 0, 2 * Math.PI)
    ctx.fill()
  }
  return new Uint8Array(canvas.toBuffer('image/png'))
}

test('a PDF with a text layer on every page reads exactly as readPdf, and never starts a recogniser', async () => {
  const file = 'test/fixtures/formats/001.pdf'
  const bytes = new Uint8Array(readFileSync(file))
  const unused: OcrEngine = {
    recognize: () => Promise.reject(new Error('no page of this PDF needs OCR')),
    terminate: () => Promise.resolve(),
  }
  const read = await readPdfOcr(file, bytes, { engine: unused })
  assert.deepEqual(read, await readPdf(file, bytes))
})

test('bytes that are not an image are refused with the file named', async () => {
  await assert.rejects(readImage('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { engine }), /x\.png: 图像无法解码/)
  await assert.rejects(readImage('x.txt', new TextEncoder().encode('部门预算'), { engine }), /x\.txt: 不是 PNG 或 JPEG/)
})
