import type { PdfLine } from '../pdf/layout.ts'
import type { Row } from '../pdf/lines.ts'
import { wordsIn } from './recheck.ts'
import type { ScannedWord } from './words.ts'

/** A run of text the document prints, and the line that prints it: what an unsure name may be put right to (document-lexicon.ts). */
export interface Phrase {
  text: string
  line: PdfLine
}

/** Words read with at least this confidence are taken as printed. */
const CONFIDENT = 0.9

/**
 * The confident text of an OCR'd page: per cell (or line of free text), its words in reading
 * order cut into runs at every word read with less than `CONFIDENT`, so that no run takes a
 * misreading along. `lines[i]` is the line of `rows[i]`; words and rows are in the same (level) space.
 */
export function confidentPhrases(rows: Row[], lines: PdfLine[], words: ScannedWord[]): Phrase[] {
  const out: Phrase[] = []
  rows.forEach((row, i) => {
    for (const cell of row.cells) {
      if (cell.covered) continue
      const inside = wordsIn(cell, words)
        // Reading order: line by line (a name wrapped in its cell), left to right.
        .sort((a, b) => (Math.abs(a.base - b.base) < 0.5 * a.size ? a.x0 - b.x0 : a.base - b.base))
      let run = ''
      for (const w of [...inside, undefined]) {
        if (w && w.confidence >= CONFIDENT) run += w.text
        else if (run) {
          out.push({ text: run, line: lines[i]! })
          run = ''
        }
      }
    }
  })
  return out
}
