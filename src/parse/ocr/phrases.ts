import type { PdfCell, PdfLine } from '../pdf/layout.ts'
import type { Row } from '../pdf/lines.ts'
import { normalizeLine } from '../normalize.ts'
import { wordsIn } from './recheck.ts'
import type { ScannedWord } from './words.ts'

/** Text the document prints, and the line that prints it: what an unsure name may be put right to (document-lexicon.ts). */
export interface Phrase {
  text: string
  line: PdfLine
  /** How sure OCR is of each character of `text` (0–1); none for text-layer text, which is as printed. */
  confidence?: number[]
  /** The OCR'd cell this is the reading of. */
  cell?: PdfCell
}

/** Characters read with at least this confidence are taken as printed. */
export const CONFIDENT = 0.9

/**
 * What an OCR'd page reads, cell by cell (or line of free text), with the confidence of each
 * character: the confidence of the word the page reading gave it, found by aligning the cell's
 * text with its words in reading order; a character the second readings or the lexicons put in
 * (recheck.ts) has the cell's confidence. `lines[i]` is the line of `rows[i]` and `confidences[i]`
 * its cells' confidences; words and rows are in the same (level) space.
 */
export function pagePhrases(rows: Row[], lines: PdfLine[], words: ScannedWord[], confidences: number[][]): Phrase[] {
  const out: Phrase[] = []
  rows.forEach((row, i) =>
    row.cells.forEach((rowCell, j) => {
      if (rowCell.covered || rowCell.text.trim() === '') return
      const read = wordsIn(rowCell, words)
        // Reading order: line by line (a name wrapped in its cell), left to right.
        .sort((a, b) => (Math.abs(a.base - b.base) < 0.5 * a.size ? a.x0 - b.x0 : a.base - b.base))
        // By UTF-16 unit, as `aligned` and document-lexicon.ts index text.
        .flatMap((w) => w.text.split('').map((ch) => [ch, w.confidence] as const))
      const cell = lines[i]!.cells?.[j]
      // Aligned as read (the words are raw OCR too); the text normalised as the cells' (layout.ts),
      // which keeps its length, so each confidence stays with its character.
      const confidence = aligned(rowCell.text, read, confidences[i]![j]!)
      const phrase: Phrase = { text: normalizeLine(rowCell.text), line: lines[i]!, confidence }
      if (cell) phrase.cell = cell
      out.push(phrase)
    }),
  )
  return out
}

/**
 * The confidence of each character of `text`: that of the character of `read` it is aligned
 * with (an alignment of least edits), or `otherwise` for a character the reading did not give.
 */
function aligned(text: string, read: (readonly [string, number])[], otherwise: number): number[] {
  const n = text.length
  const m = read.length
  // Edit distances of the prefixes, row by row (text) and column by column (read).
  const d = Array.from({ length: n + 1 }, (_, i) => Int32Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (text[i - 1] === read[j - 1]![0] ? 0 : 1))
  const out = new Array<number>(n).fill(otherwise)
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (text[i - 1] === read[j - 1]![0] && d[i]![j] === d[i - 1]![j - 1]) out[--i] = read[--j]![1]
    else if (d[i]![j] === d[i - 1]![j - 1]! + 1) [i, j] = [i - 1, j - 1]
    else if (d[i]![j] === d[i - 1]![j]! + 1) i--
    else j--
  }
  return out
}
