import type { Diagnostic } from '../../model/index.ts'
import type { PdfCell, PdfLine } from '../pdf/layout.ts'
import { normalizeLine } from '../normalize.ts'
import { distance } from './distance.ts'
import { isWord } from './lexicon.ts'
import { LOW_CONFIDENCE } from './page.ts'
import type { Phrase } from './phrases.ts'

/** A leading code or list number (`2010301 `, `1.`, `（一）`), kept as read and not matched. */
const LEAD = /^(?:\d{3,7}\s*|\d+[.、]\s*|[（(][一二三四五六七八九十]+[)）]\s*|[一二三四五六七八九十]+、\s*)/
/** Marks OCR leaves at the ends of a cell. */
const EDGE = /^[\s|_\-—–.,:;'"“”‘’`~!。、·丨]+|[\s|_\-—–.,:;'"“”‘’`~!。、·丨]+$/g
const CJK = /[\u3400-\u9fff]/
/** A run that starts or ends with a mark or blank is a window cut through a word (`进修及培训(`). */
const CUT = /^[^\u3400-\u9fffA-Za-z0-9]|[^\u3400-\u9fffA-Za-z0-9]$/
const digits = (s: string) => s.replace(/\D/g, '')
/** Shorter names are too easily near another word of the document. */
const MIN_LENGTH = 4

/**
 * Unsure OCR'd names put right by the document's own text. The names of a document's projects
 * and units are in no standard lexicon, but the document prints them elsewhere: in its narrative
 * (a text layer, or confident OCR of other pages; `phrases`). An unsure cell whose reading (its
 * leading code or number aside) is not printed anywhere else is changed to the one run of
 * document text nearest to it: whole words with the same figures, as long or one character longer
 * (OCR drops a character more often than it adds one, and a shorter run may be a name cut short
 * at an unsure word), within a third of its length in edits (`门霍专顶业务项目` → 日常专项业务项目,
 * 3 of 8), and strictly nearer than any other text. A word of the standard tables is left to
 * lexicon.ts; phrases of the cell's own page never count (they are its own reading); a sure cell
 * never changes. A corrected cell keeps its low confidence and gets a `parse/ocr-corrected`
 * warning naming what was read and the line the correction comes from. Changes the cells in
 * place; returns the warnings.
 */
export function correctByDocument(lines: PdfLine[], phrases: Phrase[]): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const line of lines)
    for (const cell of line.cells ?? []) {
      if (cell.confidence === undefined || cell.confidence >= LOW_CONFIDENCE || !CJK.test(cell.text)) continue
      const text = cell.text.trim()
      const lead = LEAD.exec(text)?.[0] ?? ''
      const name = text.slice(lead.length).replace(EDGE, '')
      // A word of the standard tables is lexicon.ts's to confirm or put right.
      if (name.length < MIN_LENGTH || !CJK.test(name) || isWord(name)) continue
      const elsewhere = phrases.filter((p) => p.line.place.page !== cell.place.page)
      const found = nearestPhrase(name, elsewhere)
      if (!found) continue
      out.push(corrected(cell, normalizeLine(lead + found.text), found.line))
      rejoin(line)
    }
  return out
}

/** A line's text, and its cells' offsets and columns, made again after a cell's text changed (as layout.ts joins them). */
function rejoin(line: PdfLine): void {
  let start = 0
  for (const cell of line.cells!) {
    cell.start = start
    cell.place.start = { ...cell.place.start, column: start + 1 }
    cell.place.end = { line: cell.place.start.line, column: start + cell.text.length + 1 }
    start += cell.text.length + 1
  }
  line.text = line.cells!.map((c) => c.text).join('\t')
  line.place.end = { line: line.place.start.line, column: line.text.length + 1 }
}

/**
 * The run of phrase text nearest to `name`, if near enough and no other distinct run is as near;
 * undefined when `name` itself is printed (nothing to put right).
 */
function nearestPhrase(name: string, phrases: Phrase[]): Phrase | undefined {
  const n = name.length
  const limit = Math.round(n / 3)
  let best: Phrase | undefined
  let bestD = Infinity
  let tie = false
  const chars = new Set(name)
  const figures = digits(name)
  for (const p of phrases) {
    if (p.text.includes(name)) return undefined
    for (let len = n; len <= n + 1; len++)
      for (let at = 0; at + len <= p.text.length; at++) {
        const run = p.text.slice(at, at + len)
        // A run sharing fewer than half its characters with the name is never near: skip the edit distance.
        if (shared(run, chars) * 2 <= len) continue
        // Figures are read well (they are read twice); a run with others is another name (`024 年,…政务服务中`).
        if (CUT.test(run) || digits(run) !== figures) continue
        const d = distance(name, run, Math.min(bestD, limit) + 1)
        if (d > bestD || d > limit) continue
        if (d < bestD) [best, bestD, tie] = [{ text: run, line: p.line }, d, false]
        else if (run !== best?.text) tie = true
      }
  }
  return tie ? undefined : best
}

function shared(run: string, chars: Set<string>): number {
  let k = 0
  for (const ch of run) if (chars.has(ch)) k++
  return k
}

function corrected(cell: PdfCell, text: string, source: PdfLine): Diagnostic {
  const read = cell.text
  cell.text = text
  const at = `第 ${source.place.page} 页第 ${source.line} 行`
  return {
    ruleId: 'parse/ocr-corrected',
    severity: 'warning',
    message: `OCR 读作「${read}」，按本文件${at}所印更正为「${text}」，请对照原件核对 (OCR read ${read}; the document prints ${text} on page ${source.place.page}, line ${source.line}: check against the page)`,
    place: cell.place,
    actual: read,
    expected: text,
    related: [{ ruleId: 'parse/ocr-corrected', severity: 'info', message: source.text, place: source.place }],
  }
}
