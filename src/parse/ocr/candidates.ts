import type { PdfRead } from '../pdf/index.ts'

/** A page whose text layer has fewer characters than this (a page number, a stamp's caption) counts as having none. */
const ALMOST_NO_TEXT = 20

/** A page that may need OCR, and whether it has some text of its own. */
export interface Candidate {
  page: number
  hasText: boolean
}

/**
 * The pages of a PDF that may need OCR, told from what PDFium gave `readPdf` (no page is drawn
 * for this): a page skipped because its glyphs have no Unicode mapping; a page with (almost) no
 * text that paints an image (a scan); a page with no text at all that draws more than rules
 * (text as outlines). A blank page, and one whose only ink is ruling lines (an empty table row
 * left alone on a page), never are.
 */
export function ocrCandidates(read: PdfRead): Candidate[] {
  const chars = new Map<number, number>()
  for (const line of read.layout.lines) {
    const n = line.place.page ?? 0
    chars.set(n, (chars.get(n) ?? 0) + line.text.replace(/\s+/g, '').length)
  }
  const skipped = new Set(
    read.diagnostics.filter((d) => d.ruleId === 'parse/pdf-unmapped-glyphs' && d.severity === 'error').map((d) => d.place?.page ?? 0),
  )
  const out: Candidate[] = []
  for (const [page, ink] of read.ink) {
    const n = chars.get(page) ?? 0
    const hasText = n > 0 && !skipped.has(page)
    if (skipped.has(page) || (n < ALMOST_NO_TEXT && ink.images) || (!hasText && ink.drawings)) out.push({ page, hasText })
  }
  return out
}
