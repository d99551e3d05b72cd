import type { Bitmap } from './bitmap.ts'
import type { OcrEngine, OcrWord } from './engine.ts'

/**
 * The tallest stack given to the recogniser. Tesseract refuses an image over 32,767 pixels in
 * either direction ("Image too large"), which the tall cells of a page of prose reach in one
 * batch; a stack is cut into images below this height instead.
 */
export const MAX_STACK_HEIGHT = 16_000

/**
 * Read cells stacked in images, one per line, left-aligned, with a blank line's height between
 * them; each word goes back to the cell whose band holds its centre. Returns [text, confidence]
 * per cell; a cell taller than a whole stack may be is not read (['', 0]).
 */
export async function readStack(engine: OcrEngine, cells: Bitmap[], mode: 'lines' | 'numbers', dpi: number): Promise<[string, number][]> {
  const out: [string, number][] = []
  let part: Bitmap[] = []
  let sum = 0
  let tallest = 0
  for (const cell of cells) {
    // The gaps are half the tallest cell's height, so one tall cell among short ones sets them all
    // (a stack of 33,000 px from 1,700 px ones, 003-scanned.pdf).
    const gap = Math.max(tallest, cell.height) >> 1
    if (part.length && sum + cell.height + (part.length + 2) * gap > MAX_STACK_HEIGHT) {
      out.push(...(await readOneStack(engine, part, mode, dpi)))
      part = []
      sum = 0
      tallest = 0
    }
    part.push(cell)
    sum += cell.height
    tallest = Math.max(tallest, cell.height)
  }
  if (part.length) out.push(...(await readOneStack(engine, part, mode, dpi)))
  return out
}

async function readOneStack(engine: OcrEngine, cells: Bitmap[], mode: 'lines' | 'numbers', dpi: number): Promise<[string, number][]> {
  if (cells.length === 1 && 2 * cells[0]!.height > MAX_STACK_HEIGHT) return [['', 0]]
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
  const words = await engine.recognize({ width, height, data }, { mode, dpi })
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
export const joined = (words: OcrWord[]) => words.map((w) => w.text).join('').replace(/\s+/g, '')
/** The confidence of the least sure word (0 when nothing was read). */
export const least = (words: OcrWord[]) => (words.length === 0 ? 0 : Math.min(...words.map((w) => w.confidence)))

