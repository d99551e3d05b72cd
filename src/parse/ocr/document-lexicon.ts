import type { Diagnostic } from '../../model/index.ts'
import type { PdfCell, PdfLine } from '../pdf/layout.ts'
import { normalizeLine } from '../normalize.ts'
import { isWord } from './lexicon.ts'
import { LOW_CONFIDENCE } from './page.ts'
import { CONFIDENT, type Phrase } from './phrases.ts'

/** A leading code or list number (`2010301 `, `1.`, `（一）`), kept as read and not matched. */
const LEAD = /^(?:\d{3,7}\s*|\d+[.、]\s*|[（(][一二三四五六七八九十]+[)）]\s*|[一二三四五六七八九十]+、\s*)/
/** Marks OCR leaves at the ends of a cell. */
const EDGE_START = /^[\s|_\-—–.,:;'"“”‘’`~!。、·丨]+/
const EDGE_END = /[\s|_\-—–.,:;'"“”‘’`~!。、·丨]+$/
const CJK = /[\u3400-\u9fff]/
const CJK_ALL = /[\u3400-\u9fff]/g
/** An ideograph, letter or digit: not a mark. */
const WORD_CHAR = /[\u3400-\u9fffA-Za-z0-9]/
const digits = (s: string) => s.replace(/\D/g, '')
/** Names of fewer ideographs are too easily near another word of the document (数量指标, 质量指标). */
const MIN_IDEOGRAPHS = 4

/**
 * Unsure OCR'd names put right by the document's own text. The names of a document's projects
 * and units are in no standard lexicon, but the document prints them elsewhere: in its narrative
 * and its other tables (`phrases`: text-layer cells, and what OCR read on other pages, each
 * character with its confidence). An unsure cell whose reading (its leading code or number aside)
 * is printed nowhere else is changed to the one run of document text nearest to it: whole words
 * with the same figures, at most one character longer or shorter (a mark read from a speck:
 * `部门专颌-.“12345”…` → 部门专项-“12345”…), within a third of its ideographs in edits (`门霍专顶业务项目` → 日常专项业务项目,
 * 3 of 8), and strictly nearer than any other text.
 * Every edit takes an unsure character out and puts a sure one in: a character the cell was read
 * sure of is never changed, and the document's text counts only where it is sure (a text layer,
 * or OCR at `CONFIDENT` or more); where two readings agree, how sure either was does not matter.
 * A word of the standard tables is left to lexicon.ts; text of the cell's own page never counts
 * (it is its own reading); a sure cell never changes. A corrected cell keeps its low confidence
 * and gets a `parse/ocr-corrected` warning naming what was read and the line the correction comes
 * from. Changes the cells in place; returns the warnings.
 */
export function correctByDocument(lines: PdfLine[], phrases: Phrase[]): Diagnostic[] {
  const out: Diagnostic[] = []
  const readings = new Map(phrases.flatMap((p) => (p.cell ? [[p.cell, p.confidence] as const] : [])))
  for (const line of lines)
    for (const cell of line.cells ?? []) {
      if (cell.confidence === undefined || cell.confidence >= LOW_CONFIDENCE || !CJK.test(cell.text)) continue
      const lead = LEAD.exec(cell.text.trimStart())?.[0] ?? ''
      const from = cell.text.length - cell.text.trimStart().length + lead.length
      const rest = cell.text.slice(from)
      const to = rest.length - (EDGE_END.exec(rest)?.[0].length ?? 0)
      const start = Math.min(to, EDGE_START.exec(rest)?.[0].length ?? 0)
      const name = rest.slice(start, to)
      // A word of the standard tables is lexicon.ts's to confirm or put right.
      if ((name.match(CJK_ALL)?.length ?? 0) < MIN_IDEOGRAPHS || isWord(name)) continue
      const sure = (readings.get(cell) ?? []).slice(from + start, from + to)
      const elsewhere = phrases.filter((p) => p.line.place.page !== cell.place.page)
      const found = nearestPhrase(name, name.split('').map((_, k) => sure[k] ?? cell.confidence!), elsewhere)
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
 * The run of phrase text nearest to `name` (read with `confidence` per character), if near enough
 * and no other distinct run is as near; undefined when `name` itself is printed surely (nothing to
 * put right). An unsure reading of `name` elsewhere is passed over: the same misreading twice.
 */
function nearestPhrase(name: string, confidence: number[], phrases: Phrase[]): Phrase | undefined {
  const n = name.length
  const limit = Math.round((name.match(CJK_ALL)?.length ?? 0) / 3)
  let best: Phrase | undefined
  let bestD = Infinity
  let tie = false
  const chars = new Set(name.split(''))
  const figures = digits(name)
  for (const p of phrases) {
    // Printed as read, and surely: nothing to put right. The same misreading elsewhere proves nothing.
    if (printedSurely(p, name)) return undefined
    // A run shares at least n − limit characters with the name: a phrase with fewer is never near.
    if (shared(p.text, chars) < n - limit) continue
    for (let len = n - 1; len <= n + 1; len++)
      for (let at = 0; at + len <= p.text.length; at++) {
        const run = p.text.slice(at, at + len)
        if (run === name || shared(run, chars) < n - limit) continue
        // Figures are read well (they are read twice); a run with others is another name (`024 年,…政务服务中`).
        if (cut(run, name) || digits(run) !== figures) continue
        const d = edits(name, confidence, run, p.confidence?.slice(at, at + len), Math.min(bestD, limit) + 1)
        if (d > bestD || d > limit) continue
        if (d < bestD) [best, bestD, tie] = [{ text: run, line: p.line }, d, false]
        else if (run !== best?.text) tie = true
      }
  }
  return tie ? undefined : best
}

/**
 * The edits that make `run` of `name`, where each takes out a character of the name read below
 * `CONFIDENT` or puts in one of the run that is sure (`runConfidence` undefined: a text layer);
 * `limit` (giving up) when no such edits do it in fewer. A character of the name goes without
 * another in its place only if it is a mark (a speck read as `.`) inside it: an ideograph is not
 * read out of nothing, and a mark at its edge is its own (the `)` of `(一期)`).
 */
function edits(name: string, nameConfidence: number[], run: string, runConfidence: number[] | undefined, limit: number): number {
  const out = (i: number) => nameConfidence[i]! < CONFIDENT
  // A mark at the name's own edge is part of it (the `)` of `(一期)`), not a speck beside it.
  const drop = (i: number) => out(i) && !WORD_CHAR.test(name[i]!) && i > 0 && i < name.length - 1
  const into = (j: number) => (runConfidence?.[j] ?? 1) >= CONFIDENT
  let prev = [0]
  for (let j = 1; j <= run.length; j++) prev.push(into(j - 1) ? prev[j - 1]! + 1 : limit)
  for (let i = 1; i <= name.length; i++) {
    const cur = [drop(i - 1) ? prev[0]! + 1 : limit]
    let low = cur[0]!
    for (let j = 1; j <= run.length; j++) {
      const same = name[i - 1] === run[j - 1]
      const v = Math.min(
        limit,
        drop(i - 1) ? prev[j]! + 1 : limit,
        into(j - 1) ? cur[j - 1]! + 1 : limit,
        same ? prev[j - 1]! : out(i - 1) && into(j - 1) ? prev[j - 1]! + 1 : limit,
      )
      cur.push(v)
      if (v < low) low = v
    }
    if (low >= limit) return limit
    prev = cur
  }
  return prev[run.length]!
}

function shared(run: string, chars: Set<string>): number {
  let k = 0
  for (let i = 0; i < run.length; i++) if (chars.has(run[i]!)) k++
  return k
}

/**
 * Whether `run` is a window cut through a word or the name's: where the name starts (ends) with
 * an ideograph, letter or digit, so does the run (not `进修及培训(` of 进修及培训(含学历教育)); where
 * it starts (ends) with a mark, the run starts (ends) with the same mark (`人员补助项目(一期)`, not
 * `人员补助项目(一期,二` of 人员补助项目(一期,二期)).
 */
function cut(run: string, name: string): boolean {
  const edge = (a: string, b: string) => (WORD_CHAR.test(b) ? !WORD_CHAR.test(a) : a !== b)
  return edge(run[0]!, name[0]!) || edge(run.at(-1)!, name.at(-1)!)
}

/** Whether phrase `p` prints `name` where it is sure of every character (a text layer always is). */
function printedSurely(p: Phrase, name: string): boolean {
  for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + 1))
    if (!p.confidence || p.confidence.slice(at, at + name.length).every((c) => c >= CONFIDENT)) return true
  return false
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
