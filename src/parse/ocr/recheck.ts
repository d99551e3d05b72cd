import type { Row, RowCell } from '../pdf/lines.ts'
import { crop, inkIn, INK, type Bitmap } from './bitmap.ts'
import type { OcrEngine, OcrWord } from './engine.ts'
import type { ScannedWord } from './words.ts'

/** A cell that should hold a number: digits and separators only. */
const NUMERIC = /^[\d,.\-%]+$/
/** A well-formed number as printed in the tables: grouped or plain, optional decimals, `-` for zero. */
const WELL_FORMED = /^(?:-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|-)$/
const CJK = /[\u3400-\u9fff]/
/** Text cells the page reading is less sure of than this are read again on their own. */
const SURE = 0.9
/** Number cells read in one image at most (a page of a budget table has 50 to 150). */
const BATCH = 80

/**
 * The text and confidence of every cell of the rows, with number cells read again. The page
 * reading (Chinese model, whole lines of the table at once) gets digits of thin Latin fonts
 * wrong, so every cell that holds a number is cut out and read twice by the number reader
 * (English model, digits and separators only): as it is and emboldened. Two equal, well-formed
 * readings give the number, as sure as the less sure of them; two different readings keep the
 * better-formed one and mark the cell unsure (at most `doubt`), so a number read two ways never
 * passes as certain. A ruled cell with ink but no text (the page reading sometimes drops a short
 * code such as `201` entirely) is read on its own first.
 *
 * The number cells of a page are stacked into one image per reading, so a page costs two
 * recogniser calls, not two per cell (each call has a fixed cost of tens of milliseconds).
 *
 * Other cells keep the page reading, as sure as their least sure word; text with digits mixed
 * with letters (`1O1`) is unsure. `image` is the level page without its rules, in pixels at
 * `scale` per point; boxes are in points. Changes cell texts in place and returns the
 * confidence of each cell, row by row.
 */
export async function recheckCells(
  engine: OcrEngine,
  image: Bitmap,
  scale: number,
  rows: Row[],
  words: ScannedWord[],
  doubt: number,
): Promise<number[][]> {
  const confs: number[][] = []
  type Item = { cell: RowCell; r: number; c: number; image: Bitmap }
  const numbers: Item[] = []
  const lost: Item[] = []
  const unsure: Item[] = []
  for (const [r, row] of rows.entries()) {
    confs.push([])
    for (const [c, cell] of row.cells.entries()) {
      const inside = cell.covered ? [] : wordsIn(cell, words)
      const text = cell.text.replace(/\s+/g, '')
      let conf = inside.length === 0 ? 1 : Math.min(...inside.map((w) => w.confidence))
      confs[r]!.push(conf)
      if (cell.covered) continue
      if (text === '') {
        const [x0, y0, x1, y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
        const h = y1 - y0
        // An empty ruled cell with more ink than a few specks (a fiftieth of its height squared; a digit has over twice that).
        if (row.grid !== undefined && inkIn(image, x0 + 2, y0 + 2, x1 - 2, y1 - 2) >= 0.02 * h * h)
          lost.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      } else if (NUMERIC.test(text) && /\d/.test(text)) numbers.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      // Digits mixed with letters or symbols (`1O1`, `3l.2`) are never a clean reading.
      else if (!CJK.test(text) && /\d/.test(text)) confs[r]![c] = Math.min(conf, doubt)
      else if (row.grid !== undefined && conf < SURE) unsure.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
    }
  }
  // Ruled text cells the page reading was unsure of (headers wrapped over two or three lines
  // come out with doubled characters: 财财政政拔拨款款收入), read on their own; the surer reading wins.
  for (let i = 0; i < unsure.length; i += BATCH) {
    const batch = unsure.slice(i, i + BATCH)
    const read = await readStack(engine, batch.map((n) => n.image), 'lines')
    batch.forEach((n, k) => {
      const [text, conf] = read[k]!
      if (text === '' || conf <= confs[n.r]![n.c]!) return
      n.cell.text = text
      confs[n.r]![n.c] = conf
    })
  }
  // Cells the page reading lost, read on their own (as Chinese text); the numbers among them join the number cells.
  for (let i = 0; i < lost.length; i += BATCH) {
    const batch = lost.slice(i, i + BATCH)
    const read = await readStack(engine, batch.map((n) => n.image), 'lines')
    batch.forEach((n, k) => {
      const [text, conf] = read[k]!
      if (text === '') return
      n.cell.text = text
      confs[n.r]![n.c] = Math.min(doubt, conf)
      if (NUMERIC.test(text) && /\d/.test(text)) numbers.push(n)
    })
  }
  for (let i = 0; i < numbers.length; i += BATCH) {
    const batch = numbers.slice(i, i + BATCH)
    const plain = await readStack(engine, batch.map((n) => n.image), 'numbers')
    const bold = await readStack(engine, batch.map((n) => embolden(n.image)), 'numbers')
    batch.forEach((n, k) => {
      const [ta, ca] = plain[k]!
      const [tb, cb] = bold[k]!
      const text = n.cell.text.replace(/\s+/g, '')
      const okA = WELL_FORMED.test(ta)
      const okB = WELL_FORMED.test(tb)
      if (ta === tb && okA) {
        n.cell.text = ta
        confs[n.r]![n.c] = Math.min(ca, cb)
        return
      }
      const pick = okA && (!okB || ca >= cb) ? ta : okB ? tb : WELL_FORMED.test(text) ? text : ta || tb || text
      n.cell.text = pick
      confs[n.r]![n.c] = Math.min(doubt, pick === ta ? ca : pick === tb ? cb : confs[n.r]![n.c]!)
    })
  }
  return confs
}

/** The image of one cell: ruled cells cut just inside their borders; free cells (boxed by their words) with some air. */
function cellImage(image: Bitmap, scale: number, row: Row, cell: RowCell): Bitmap {
  const [x0, y0, x1, y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
  const h = y1 - y0
  const grow = row.grid === undefined ? 0.15 * h : -2
  return crop(image, x0 - grow, y0 - grow, x1 + grow, y1 + grow, Math.round(0.3 * h))
}

/**
 * Read cells stacked in one image, one per line, left-aligned, with a blank line's
 * height between them; each word goes back to the cell whose band holds its centre.
 * Returns [text, confidence] per cell.
 */
async function readStack(engine: OcrEngine, cells: Bitmap[], mode: 'lines' | 'numbers'): Promise<[string, number][]> {
  const gap = Math.max(...cells.map((c) => c.height)) >> 1
  const width = Math.max(...cells.map((c) => c.width))
  const tops: number[] = []
  let height = gap
  for (const c of cells) {
    tops.push(height)
    height += c.height + gap
  }
  const data = new Uint8Array(width * height).fill(255)
  cells.forEach((c, k) => {
    for (let y = 0; y < c.height; y++) data.set(c.data.subarray(y * c.width, (y + 1) * c.width), (tops[k]! + y) * width)
  })
  const words = await engine.recognize({ width, height, data }, { mode })
  const per: OcrWord[][] = cells.map(() => [])
  for (const w of words) {
    const cy = (w.box[1] + w.box[3]) / 2
    const k = tops.findIndex((t, i) => cy >= t - gap / 2 && cy < t + cells[i]!.height + gap / 2)
    if (k >= 0) per[k]!.push(w)
  }
  // Words come in reading order (a cell's lines top to bottom), which is the order to join them in.
  return per.map((ws) => [joined(ws), least(ws)])
}

/** The words' text run together (a cell is one line; spaces inside numbers are OCR artefacts). */
const joined = (words: OcrWord[]) => words.map((w) => w.text).join('').replace(/\s+/g, '')
/** The confidence of the least sure word (0 when nothing was read). */
const least = (words: OcrWord[]) => (words.length === 0 ? 0 : Math.min(...words.map((w) => w.confidence)))

/** Thicken the ink by one pixel (a 3 × 3 minimum): thin strokes read better, and differently. */
export function embolden(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap
  const out = new Uint8Array(data)
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      if (data[i]! < INK) continue
      let m = data[i]!
      for (let dy = -width; dy <= width; dy += width)
        for (let dx = -1; dx <= 1; dx++) if (data[i + dy + dx]! < m) m = data[i + dy + dx]!
      out[i] = m
    }
  }
  return { width, height, data: out }
}

/** The words whose centre lies inside the cell's box. */
function wordsIn(cell: RowCell, words: ScannedWord[]): ScannedWord[] {
  const [x0, y0, x1, y1] = cell.box
  return words.filter((w) => {
    const cx = (w.x0 + w.x1) / 2
    const cy = (w.y0 + w.y1) / 2
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1
  })
}
