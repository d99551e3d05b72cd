import type { Bitmap } from './bitmap.ts'
import type { OcrEngine, OcrWord } from './engine.ts'

/**
 * Read cells stacked in one image, one per line, left-aligned, with a blank line's
 * height between them; each word goes back to the cell whose band holds its centre.
 * Returns [text, confidence] per cell.
 */
export async function readStack(engine: OcrEngine, cells: Bitmap[], mode: 'lines' | 'numbers', dpi: number): Promise<[string, number][]> {
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

