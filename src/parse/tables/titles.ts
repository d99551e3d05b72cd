import { TABLES } from '../../model/tables.ts'
import { squeeze } from '../chars.ts'
import { SENTENCE_PUNCTUATION, normalizeLine } from '../normalize.ts'
import { isDigit } from '../numbers.ts'

/** A table title found on a line. */
export interface TitleMatch {
  key: string
  title: string
}

const CANDIDATES = TABLES.flatMap((t) =>
  [t.title, ...t.aliases].map((title) => ({ key: t.key, title: squeeze(title).replace(/（/g, '(').replace(/）/g, ')') })),
).sort((a, b) => b.title.length - a.title.length)

/** The last characters of the titles (表): a line ending otherwise names none, and is rejected before the titles are compared. */
const TITLE_ENDS = new Set(CANDIDATES.map((c) => c.title.charCodeAt(c.title.length - 1)))

const BIAO = '表'.charCodeAt(0)

/** Text of a line ready for title comparison: no whitespace or markup, half-width brackets, no 表 N prefix. */
export function titleText(line: string): string {
  // Each prefix is removed only where its first character opens the text: a replace that finds
  // nothing costs as much as one that does.
  let t = squeeze(normalizeLine(line))
  if (t.charCodeAt(0) === 35) t = t.replace(/^#+/, '') // '#'
  if (t.charCodeAt(0) === BIAO) t = t.replace(/^表[0-9一二三四五六七八九十]+[:：、.]?/, '')
  if (isDigit(t.charCodeAt(0))) t = t.replace(/^\d{4}年度?/, '')
  return t
}

/**
 * The standard table a title line names. A title line is short and is not prose or a list item
 * (the table of contents lists the same titles as `- 一、部门收支总体情况表`). A prefix such as a
 * department name or year is allowed (`某某局2026年部门收支预算总表`).
 */
export function matchTitle(line: string): TitleMatch | undefined {
  if (line.length > 120 || !line.includes('表')) return undefined
  if (/^\s*(?:[-*+]\s|[一二三四五六七八九十]+、)/.test(line)) return undefined
  const t = titleText(line)
  if (t.length > 60 || !TITLE_ENDS.has(t.charCodeAt(t.length - 1)) || SENTENCE_PUNCTUATION.test(t)) return undefined
  const emptyNote = t.endsWith('为空表')
  for (const c of CANDIDATES) {
    // Lengths first: comparing a title longer than the text, or much shorter, is wasted.
    if (c.title.length > t.length || t.length - c.title.length > 40) continue
    if (t === c.title || (!emptyNote && t.endsWith(c.title))) return { key: c.key, title: c.title }
  }
  return undefined
}

/** `表 3` alone on a line. */
export function matchTableNumber(line: string): number | undefined {
  if (line.length > 20 || !line.includes('表')) return undefined
  const m = TABLE_NUMBER.exec(normalizeLine(line))
  return m ? Number(m[1]! + (m[2] ?? '')) : undefined
}

/** 表 and one or two digits, with Markdown marks (`#`, `*`) anywhere: one pattern instead of a replace and a pattern. */
const TABLE_NUMBER = /^[\s#*]*表[\s#*]*(\d)[#*]*(\d)?[\s#*]*$/
