import type { Word } from '../pdf/glyphs.ts'
import type { OcrWord } from './engine.ts'

/** A word read by OCR, in the PDF reader's terms (points, top-left origin) plus its confidence. */
export interface ScannedWord extends Word {
  /** The recogniser's confidence, 0 to 1. */
  confidence: number
}

/** Noise the recogniser makes of cell borders and stains, never text of a budget table. */
const NOISE = /^[|‖丨¦│┃_~`'"“”‘’]+$/

/**
 * Turn recognised words (pixels) into the PDF reader's words (points), so its row and cell
 * code (`pageRows`) can place them. The LSTM recogniser reports each ideograph as a word whose
 * right edge is unreliable (the first ideograph of a line often spans the whole line: `收` of
 * 收入决算表 came back 319 px wide), so a word that reaches into the next word of its line is cut
 * back to where that word starts. Words that are only border noise are dropped.
 */
export function toPdfWords(words: OcrWord[], scale: number): ScannedWord[] {
  const out: ScannedWord[] = []
  const kept = words.filter((w) => !NOISE.test(w.text))
  for (let i = 0; i < kept.length; i++) {
    const w = kept[i]!
    const next = kept[i + 1]
    let x1 = w.box[2]
    // Only the next word of the same text line (same baseline) can cut this one short.
    if (next && Math.abs(next.base - w.base) < 0.5 * w.size && next.box[0] > w.box[0] && next.box[0] < x1) x1 = next.box[0]
    out.push({
      text: w.text,
      x0: w.box[0] / scale,
      x1: x1 / scale,
      y0: w.box[1] / scale,
      y1: w.box[3] / scale,
      base: w.base / scale,
      size: w.size / scale,
      confidence: w.confidence,
    })
  }
  return out
}
