import type { Term } from '../../model/index.ts'
import type { Para, Source } from './text.ts'

// `一、财政拨款：指由…` (Markdown bold already blanked by the layout); the numbering is optional.
const TERM = /^(?:[一二三四五六七八九十]+、|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）])?([^:：。,，]{1,20})[:：](.+)$/
// Signature lines after the glossary: the department's name, the date.
const DATE = /\d{4}年\d{1,2}月\d{1,2}日$/

/** True for a paragraph that opens a definition whose term the PDF text lost (seed 001 l.958 `指由一般公共预算…`). */
export function looksLikeDefinition(text: string): boolean {
  return /^(?:指|是指)[^。]{4,}/.test(text)
}

/**
 * Read one paragraph of 名词解释 as a term and its definition. Where the term was lost (seed 001),
 * the definition is kept with no term. Signature lines (name, date) are not terms.
 */
export function readTerm(src: Source, p: Para, department: string | undefined): Term | undefined {
  const t = p.text
  if (DATE.test(t) || t === department || (!t.includes('。') && t.length <= 40 && !TERM.test(t))) return undefined
  const m = TERM.exec(t)
  if (m && !/^(?:指|包括|是指|反映)/.test(m[1]!)) {
    return { term: m[1]!, definition: m[2]!, place: src.place(p, 0, t.length) }
  }
  return { definition: t, place: src.place(p, 0, t.length) }
}
