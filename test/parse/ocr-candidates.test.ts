import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { ocrCandidates } from '../../src/parse/ocr/candidates.ts'
import { readPdfOcr, type OcrEngine } from '../../src/parse/ocr/index.ts'
import { readPdf } from '../../src/parse/pdf/index.ts'
import { buildPdf } from './pdf-build.ts'

/**
 * Which PDF pages go to OCR, told from what PDFium gives the text reader (candidates.ts), with no
 * page rendered: pages built for the purpose, the field PDF whose page 14 holds only an empty
 * ruled row, and a scanned fixture.
 */

const text = Array.from({ length: 5 }, (_, i) => ({ x: 50, y: 780 - 20 * i, text: `line ${i + 1} of a page with a text layer` }))
/** An empty ruled table row, as Word leaves one alone on the last page of a table; and a filled bar. */
const ruled = { lines: [[50, 700, 550, 700], [50, 680, 550, 680], [50, 680, 50, 700], [300, 680, 300, 700], [550, 680, 550, 700]] as [number, number, number, number][], draw: '50 600 500 1.5 re f' }
/** Two glyphs drawn as outlines: curves and a slanted stroke, no text. */
const outlines = { draw: '100 700 m 100 720 120 730 140 720 c 150 700 l 120 690 l h f 200 700 m 230 730 l S' }

test('a rule-only page, a blank page and a page of text need no OCR; a page of outlined text does', async () => {
  const file = 'candidates.pdf'
  const read = await readPdf(file, buildPdf([{ text }, ruled, {}, outlines, { text: [{ x: 50, y: 50, text: '- 3 -' }], ...ruled }]))
  assert.deepEqual(ocrCandidates(read), [{ page: 4, hasText: false }])
})

test('a PDF with text on every page but a rule-only one reads exactly as readPdf, without loading pdf.js or a recogniser', async () => {
  const file = '../shared/field/putuo-finance-2024-final.pdf'
  const bytes = new Uint8Array(readFileSync(file))
  const read = await readPdf(file, bytes)
  // Page 14 has no text: its only ink is an empty ruled row.
  assert.ok(read.diagnostics.some((d) => d.ruleId === 'parse/pdf-no-text' && d.place?.page === 14))
  assert.deepEqual(ocrCandidates(read), [])
  const unused: OcrEngine = {
    recognize: () => Promise.reject(new Error('no page of this PDF needs OCR')),
    terminate: () => Promise.resolve(),
  }
  assert.deepEqual(await readPdfOcr(file, bytes, { engine: unused }), read)
  // pdf.js, which renders pages for OCR, was never loaded: it sets this global when it is (and no other test of this file loads it).
  assert.equal('pdfjsLib' in globalThis, false)
})

test('every page of a scanned fixture paints an image and is a candidate', async () => {
  const file = 'test/fixtures/formats/001-scanned.pdf'
  const read = await readPdf(file, new Uint8Array(readFileSync(file)))
  assert.deepEqual(
    ocrCandidates(read).map((c) => c.page),
    Array.from({ length: read.pagesRead }, (_, i) => i + 1),
  )
})
