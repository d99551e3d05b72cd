import { LOW_CONFIDENCE } from '../layout.ts'
import { findGrids } from '../pdf/grid.ts'
import { pageLines, type PdfLine } from '../pdf/layout.ts'
import { pageRows } from '../pdf/lines.ts'
import type { Bitmap } from './bitmap.ts'
import { correctCodes } from './codes.ts'
import { despeckle } from './despeckle.ts'
import { rotate, skewAngle, unrotateBox } from './deskew.ts'
import type { OcrEngine } from './engine.ts'
import { pagePhrases, type Phrase } from './phrases.ts'
import { recheckCells } from './recheck.ts'
import { lostRowRules } from './row-rules.ts'
import { eraseRules, findRules, ruleOptions, toPoints } from './rules.ts'
import { toPdfWords } from './words.ts'

/** How to read one page image. */
export interface PageImage {
  /** The file the page belongs to, for places. */
  file: string
  /** 1-based page number. */
  page: number
  /** Resolution of the image, dots per inch. */
  dpi: number
  /**
   * Pixels per unit of the boxes in places: `dpi / 72` for a PDF page (boxes in PDF points, as
   * the text-layer reader gives them), 1 for an image file (boxes in pixels).
   */
  scale: number
  /** Line number of the page's first line. */
  firstLine: number
}

/** What one page image gives. */
export interface ScannedPage {
  lines: PdfLine[]
  /** The page's skew, in degrees (the page was levelled by this much before reading). */
  skew: number
  /** Cells read with a confidence below `LOW_CONFIDENCE`. */
  unsure: number
  /** Non-empty cells read. */
  cells: number
  /** What the page reads, each character with its confidence: unsure names are put right by what other pages read surely (document-lexicon.ts). */
  phrases: Phrase[]
}

// Cells read with less confidence than LOW_CONFIDENCE are flagged; clean digits come back at 0.85–0.95.
export { LOW_CONFIDENCE }

/**
 * Read one page image into layout lines, the way the text-layer reader does: level the page
 * (deskew), remove specks, find the ruled tables from the drawn lines, paint the lines out,
 * recognise the text, and hand the words and rules to the PDF reader's own grid and row code
 * (`findGrids`, `pageRows`, `pageLines`), so a scanned table comes out with the same rows and
 * cells as its text-layer twin. Every cell gets a confidence; number cells are read twice
 * (recheck.ts). Places point at the page as given, not as levelled.
 */
export async function readPageImage(engine: OcrEngine, image: Bitmap, at: PageImage): Promise<ScannedPage> {
  const angle = skewAngle(image)
  const level = rotate(image, angle)
  const unit = at.dpi / 300
  // Blobs up to 30 px at 300 dpi (a dot of 0.5 mm) with nothing within 12 px (1 mm) are dust; a decimal
  // point is as small but always within a millimetre of its digits.
  const clean = despeckle(level, Math.round(30 * unit * unit), Math.max(2, Math.round(12 * unit)))
  const pixelRules = findRules(clean, ruleOptions(at.dpi))
  const bare = eraseRules(clean, pixelRules)
  const ocr = await engine.recognize(bare, { mode: 'page', dpi: at.dpi })
  const words = toPdfWords(ocr, at.scale)
  const drawn = toPoints(pixelRules, at.scale)
  const found = findGrids(drawn)
  const lost = lostRowRules(found, words)
  const grids = lost.length ? findGrids([...drawn, ...lost]) : found
  // A table without rules continued from the page before is not carried over (`carry`): each scanned page stands alone.
  const { rows } = pageRows(words, grids)
  const confidences = await recheckCells(engine, bare, at.scale, rows, words, LOW_CONFIDENCE - 0.01, at.dpi)
  correctCodes(rows, confidences, LOW_CONFIDENCE - 0.01)
  const lines = pageLines(at.file, at.page, rows, at.firstLine)
  const phrases = pagePhrases(rows, lines, words, confidences)
  const w = image.width / at.scale
  const h = image.height / at.scale
  let unsure = 0
  let cells = 0
  lines.forEach((line, i) => {
    const confs = confidences[i]!
    if (line.place.box) line.place.box = round(unrotateBox(line.place.box, angle, w, h))
    rows[i]!.cells.forEach((_, j) => {
      const cell = line.cells?.[j]
      const conf = Math.round(confs[j]! * 100) / 100
      if (!cell) {
        // A line of free text has no cells; its one cell's confidence is the line's.
        if (conf < LOW_CONFIDENCE) unsure++
        return
      }
      if (cell.place.box) cell.place.box = round(unrotateBox(cell.place.box, angle, w, h))
      // An empty cell is flagged only when it holds ink that could not be read (a lost number).
      if (cell.text === '' && conf >= LOW_CONFIDENCE) return
      if (cell.text !== '') cells++
      cell.confidence = conf
      if (conf < LOW_CONFIDENCE) unsure++
    })
  })
  return { lines, skew: (angle * 180) / Math.PI, unsure, cells, phrases }
}

const round = (box: [number, number, number, number]): [number, number, number, number] =>
  box.map((v) => Math.round(v * 100) / 100) as [number, number, number, number]
