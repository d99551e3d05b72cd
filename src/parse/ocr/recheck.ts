import type { Row, RowCell } from '../pdf/lines.ts'
import { crop, inkIn, INK, type Bitmap } from './bitmap.ts'
import type { OcrEngine, OcrWord } from './engine.ts'
import { correct, isWord } from './lexicon.ts'
import type { ScannedWord } from './words.ts'

/** A cell that should hold a number: digits and separators only (`:` and `;` are points with a speck on them: `6:20`). */
const NUMERIC = /^[\d,.\-%:;]+$/
/** A well-formed number as printed in the tables: grouped or plain, optional decimals, `-` for zero. */
const WELL_FORMED = /^(?:-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|-)$/
const CJK = /[\u3400-\u9fff]/
/** Marks OCR leaves at the ends of a number cell (quotes, rule remnants, a speck read as a point): all but digits, a sign, a percent and ideographs. */
const EDGE = /^[^\d\-\u3400-\u9fff]+|[^\d%\u3400-\u9fff]+$/g
/** A number reading without separators at its ends (a speck beside a number reads as `.` or `,`). */
const trimmed = ([text, conf]: [string, number]): [string, number] => [text === '-' ? text : text.replace(/^[.,]+|[.,]+$/g, ''), conf]

/** Text cells the page reading is less sure of than this are read again on their own. */
const SURE = 0.9
/** Number cells read in one image at most (a page of a budget table has 50 to 150). */
const BATCH = 80

/**
 * The text and confidence of every cell of the rows, with number cells read again. The page
 * reading (Chinese model, whole lines of the table at once) gets digits of thin Latin fonts
 * wrong, so every cell that holds a number is cut out and read twice by the number reader
 * (English model, digits and separators only): as it is and emboldened. Two equal, well-formed
 * readings give the number, as sure as the surer of them; two different readings keep the
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
  type Item = { cell: RowCell; r: number; c: number; image: Bitmap; code?: string }
  const numbers: Item[] = []
  const lost: Item[] = []
  const unsure: Item[] = []
  for (const [r, row] of rows.entries()) {
    confs.push([])
    for (const [c, cell] of row.cells.entries()) {
      const inside = cell.covered ? [] : wordsIn(cell, words)
      const text = cell.text.replace(/\s+/g, '')
      const core = text.replace(EDGE, '')
      const conf = inside.length === 0 ? 1 : Math.min(...inside.map((w) => w.confidence))
      confs[r]!.push(conf)
      if (cell.covered) continue
      if (text === '') {
        const [x0, y0, x1, y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
        const h = y1 - y0
        // An empty ruled cell with more ink than a few specks (a fiftieth of its height squared; a digit has over twice that).
        if (row.grid !== undefined && inkIn(image, x0 + 2, y0 + 2, x1 - 2, y1 - 2) >= 0.02 * h * h)
          lost.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      } else if (NUMERIC.test(core) && /\d/.test(core)) numbers.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      // Digits mixed with letters or symbols (`1O1`, `3l.2`) are never a clean reading.
      else if (!CJK.test(text) && /\d/.test(text)) confs[r]![c] = Math.min(conf, doubt)
      else {
        if (row.grid !== undefined && conf < SURE) unsure.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
        // A code printed in the cell of its name (`201 一般公共服务支出`): the code word goes to the number reader too.
        const sorted = [...inside].sort((a, b) => a.x0 - b.x0)
        const first = sorted[0]
        if (first && !CJK.test(first.text) && (first.text.match(/\d/g)?.length ?? 0) >= 2 && cell.text.trimStart().startsWith(first.text)) {
          const [, y0, , y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
          const h = Math.min(y1 - y0, first.size * scale * 1.6)
          const cy = ((first.y0 + first.y1) / 2) * scale
          const pad = 0.3 * h
          // Never into the next word: the number reader reads half an ideograph as a digit (202 外交支出 → 2024).
          const right = Math.min(first.x1 * scale + pad, (sorted[1]?.x0 ?? Infinity) * scale - 1)
          const part = crop(image, first.x0 * scale - pad, cy - h / 2, right, cy + h / 2, Math.round(pad))
          numbers.push({ cell, r, c, image: part, code: first.text })
        }
      }
    }
  }
  // Ruled text cells the page reading was unsure of (headers wrapped over two or three lines
  // come out with doubled characters: 财财政政拔拨款款收入), read on their own; the surer reading wins.
  for (let i = 0; i < unsure.length; i += BATCH) {
    const batch = unsure.slice(i, i + BATCH)
    const plain = await readStack(engine, batch.map((n) => n.image), 'lines')
    const bold = await readStack(engine, batch.map((n) => embolden(n.image)), 'lines')
    batch.forEach((n, k) => {
      // A reading that is a word of the lexicon wins; otherwise the surest of the three.
      const readings: [string, number][] = [[n.cell.text, confs[n.r]![n.c]!], plain[k]!, bold[k]!]
      const best = readings.find(([t]) => t !== '' && isWord(t)) ?? readings.reduce((a, b) => (b[0] !== '' && b[1] > a[1] ? b : a))
      n.cell.text = best[0]
      confs[n.r]![n.c] = isWord(best[0]) ? Math.max(best[1], doubt + 0.01) : best[1]
    })
  }
  // Cells the page reading lost, read on their own (as Chinese text); the numbers among them join the number cells.
  for (let i = 0; i < lost.length; i += BATCH) {
    const batch = lost.slice(i, i + BATCH)
    const read = await readStack(engine, batch.map((n) => n.image), 'lines')
    batch.forEach((n, k) => {
      const [text, conf] = read[k]!
      // Ink that reads as nothing may be a number the page lost: the empty cell is flagged.
      confs[n.r]![n.c] = Math.min(doubt, conf)
      if (text === '') return
      n.cell.text = text
      confs[n.r]![n.c] = Math.min(doubt, conf)
      const core = text.replace(EDGE, '')
      if (NUMERIC.test(core) && /\d/.test(core)) numbers.push(n)
    })
  }
  for (let i = 0; i < numbers.length; i += BATCH) {
    const batch = numbers.slice(i, i + BATCH)
    const clean = batch.map((n) => onlyDigitInk(n.image))
    const plain = await readStack(engine, clean, 'numbers')
    const bold = await readStack(engine, clean.map(embolden), 'numbers')
    batch.forEach((n, k) => {
      const [ta, ca] = trimmed(plain[k]!)
      const [tb, cb] = trimmed(bold[k]!)
      if (n.code !== undefined) {
        // The code of a name cell (3, 5 or 7 digits): replaced when both readings agree, else the cell is unsure.
        if (ta === tb && /^(\d{3}|\d{5}|\d{7})$/.test(ta) && Math.abs(ta.length - n.code.length) <= 1) n.cell.text = ta + n.cell.text.trimStart().slice(n.code.length)
        else confs[n.r]![n.c] = Math.min(confs[n.r]![n.c]!, doubt)
        return
      }
      const text = n.cell.text.replace(/\s+/g, '').replace(EDGE, '')
      const okA = WELL_FORMED.test(ta)
      const okB = WELL_FORMED.test(tb)
      if (ta === tb && okA) {
        // Two readings of differently prepared pixels that agree: the emboldened one is often
        // unsure of a scan whose strokes are thick already (201 at 0.96 and 0.07, 001-scanned.pdf page 7).
        n.cell.text = ta
        confs[n.r]![n.c] = Math.max(ca, cb)
        return
      }
      const pick = okA && (!okB || ca >= cb) ? ta : okB ? tb : WELL_FORMED.test(text) ? text : ta || tb || text
      n.cell.text = pick
      confs[n.r]![n.c] = Math.min(doubt, pick === ta ? ca : pick === tb ? cb : confs[n.r]![n.c]!)
    })
  }
  // Specks read as punctuation: a cell of marks alone is empty, and Chinese text has no ASCII
  // marks between its characters (机关事业单位基本养老保险.缴费支出); a lone `-` is a zero and stays.
  for (const row of rows)
    for (const cell of row.cells) {
      if (/^[.,'`|_~:;"“”‘’。、·\s]+$/.test(cell.text)) cell.text = ''
      else if (CJK.test(cell.text)) cell.text = cell.text.replace(/(?<=[\u3400-\u9fff])[.,'`|_~;"“”‘’·]+(?=[\u3400-\u9fff])/g, '')
    }
  // Unsure headers and labels put right from the lexicon of budget tables (lexicon.ts): as sure
  // as the least sure unflagged cell, since a word of the lexicon is a reading that makes sense.
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.cells.entries()) {
      if (cell.covered || confs[r]![c]! >= SURE || !CJK.test(cell.text)) continue
      const fixed = correct(cell.text)
      if (fixed === undefined) continue
      cell.text = fixed
      confs[r]![c] = Math.max(confs[r]![c]!, doubt + 0.01)
    }
  return confs
}

/** The image of one cell: ruled cells cut just inside their borders; free cells (boxed by their words) with some air. */
function cellImage(image: Bitmap, scale: number, row: Row, cell: RowCell): Bitmap {
  const [x0, y0, x1, y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
  const h = y1 - y0
  // Ruled cells lose a margin of a twelfth of their height: what is left of a rule the eraser
  // missed (a grey, slightly slanted edge) reads as 一 or |, and turned 合计 into 一吊计| (001-scanned.pdf page 4).
  const grow = row.grid === undefined ? 0.15 * h : -Math.max(2, h / 12)
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

/**
 * A number cell without the specks around its number. The number reader allows only digits and
 * separators, so it reads any mark as one of them: a speck left of `326.72` came back as `1326.72`,
 * twice, with full confidence. Marks much lower than the digits (under a third of the tallest
 * blob) are kept only where a decimal point or a thousands comma can be: between the first and
 * last digit, in the lower half of the line, and a flat dash (a minus sign).
 */
export function onlyDigitInk(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap
  const seen = new Uint8Array(width * height)
  const blobs: { pixels: number[]; x0: number; x1: number; y0: number; y1: number }[] = []
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= INK) continue
    const blob = { pixels: [] as number[], x0: width, x1: 0, y0: height, y1: 0 }
    const stack = [start]
    seen[start] = 1
    while (stack.length) {
      const p = stack.pop()!
      blob.pixels.push(p)
      const x = p % width
      const y = (p - x) / width
      blob.x0 = Math.min(blob.x0, x)
      blob.x1 = Math.max(blob.x1, x)
      blob.y0 = Math.min(blob.y0, y)
      blob.y1 = Math.max(blob.y1, y)
      for (const q of [p - 1, p + 1, p - width, p + width, p - width - 1, p - width + 1, p + width - 1, p + width + 1]) {
        if (q < 0 || q >= data.length || seen[q] || data[q]! >= INK) continue
        if (Math.abs((q % width) - x) > 1) continue
        seen[q] = 1
        stack.push(q)
      }
    }
    blobs.push(blob)
  }
  const tall = Math.max(0, ...blobs.map((b) => b.y1 - b.y0 + 1))
  const digits = blobs.filter((b) => b.y1 - b.y0 + 1 >= tall / 3)
  if (digits.length === 0) return bitmap
  const left = Math.min(...digits.map((b) => b.x0))
  const right = Math.max(...digits.map((b) => b.x1))
  const top = Math.min(...digits.map((b) => b.y0))
  const bottom = Math.max(...digits.map((b) => b.y1))
  const out = new Uint8Array(data)
  for (const b of blobs) {
    if (b.y1 - b.y0 + 1 >= tall / 3) continue
    const cx = (b.x0 + b.x1) / 2
    const cy = (b.y0 + b.y1) / 2
    const separator = cx > left && cx < right && cy > (top + bottom) / 2 && cy <= bottom + tall / 4
    // A minus sign: a flat dash at mid-height (specks are round).
    const w = b.x1 - b.x0 + 1
    const minus = w >= 2 * (b.y1 - b.y0 + 1) && w >= tall / 3 && cy > top && cy < bottom
    if (!separator && !minus) for (let y = Math.max(0, b.y0 - 1); y <= Math.min(height - 1, b.y1 + 1); y++) for (let x = Math.max(0, b.x0 - 1); x <= Math.min(width - 1, b.x1 + 1); x++) out[y * width + x] = 255
  }
  return { width, height, data: out }
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
