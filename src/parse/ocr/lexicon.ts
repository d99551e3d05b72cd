import { functionCodes } from '../../catalog/index.ts'
import { FISCAL_INCOME_LINES, SUMMARY_INCOME_LINES, TABLES, THREE_PUBLIC_ROWS } from '../../model/index.ts'
import { distance } from './distance.ts'

/**
 * The words a budget table is printed with, for putting right what OCR misread in a header or a
 * label (`一般公共预霍` → 一般公共预算, `I生健康支出` → 卫生健康支出): the standard tables' titles and
 * column labels, the income and 三公 lines, and the names of the 支出功能分类 类 (the one catalog
 * level that is complete, a national standard). Seed-derived 款/项 and economic names are left
 * out on purpose: the lexicon must not know the documents it is tested on.
 */
let words: string[] | undefined
function lexicon(): string[] {
  if (words) return words
  const set = new Set<string>()
  for (const t of TABLES) {
    set.add(t.title)
    for (const a of t.aliases) set.add(a)
    for (const c of t.columns) for (const l of c.labels) set.add(l)
  }
  for (const l of [...SUMMARY_INCOME_LINES, ...FISCAL_INCOME_LINES, ...THREE_PUBLIC_ROWS]) for (const w of l.labels) set.add(w)
  for (const e of functionCodes().entries) if (e.level === '类') set.add(e.name)
  // Group headers and captions of the standard templates.
  for (const w of ['项目', '科目名称', '科目编码', '科目代码', '功能分类科目', '经济分类科目', '单位:万元', '预算数', '收入', '支出', '本年支出合计', '支出总计',
    '支出预算', '收入预算', '财政拨款收入', '财政拨款支出', '一般公共预算支出', '政府性基金预算支出', '国有资本经营预算支出', '资金来源'])
    set.add(w)
  return (words = [...set].filter((w) => w.length >= 2))
}

/** Whether a reading is a word of the lexicon (ignoring noise at its ends). */
export function isWord(text: string): boolean {
  return lexicon().includes(text.replace(EDGE_NOISE, ''))
}

/** Noise OCR leaves at the ends of a cell: rule remnants, stray marks. */
const EDGE_NOISE = /^[\s|_\-—–.,:;'"“”‘’`~!。、·丨]+|[\s|_\-—–.,:;'"“”‘’`~!。、·丨]+$/g
/** A leading `其中:` or list numbering, kept as printed and not matched. */
const LEAD = /^(其中[:：]?|\d+[.、]|[一二三四五六七八九十]+[、.])/
/**
 * 其中 as the scans misread it (关丨, 兵中, 其丨, 其巾, 其师, 其: with 中 lost): one of its two
 * characters kept, the other a look-alike, before a colon or the line's word.
 */
const WHEREOF = /^(?:其[中丨巾师申]|[关兵具共]中|[关兵具]丨)[:：]?|^其[:：]/

/**
 * The lexicon word an unsure reading most likely is: the nearest by edit distance, if it is
 * within a quarter of the word's length (at least one edit), at most one character longer or
 * shorter, and strictly nearer than any other word. A leading code (`210 I生健康支出`) and a leading `其中:` are kept and the rest matched;
 * a misread 其中 (`关丨一航财力`) is written 其中:. A `sure` reading is only put right when it is a word of four or more
 * characters with one character lost.
 * Undefined when nothing is near enough, or when the reading already is exactly a lexicon word.
 */
export function correct(text: string, sure = false): string | undefined {
  const m = /^(\d{3,7}\s*)?(.*)$/s.exec(text.trim())!
  const code = m[1] ?? ''
  // A dash next to Chinese is 一 read as Latin (`其中:--舫财力` for 其中:一般财力).
  let rest = m[2]!.replace(/[-—–_]+(?=[\u3400-\u9fff])/g, '一').replace(EDGE_NOISE, '')
  const printed = LEAD.exec(rest)?.[0]
  const misread = printed === undefined ? WHEREOF.exec(rest)?.[0] : undefined
  const lead = misread === undefined ? printed ?? '' : '其中:'
  // Blanks inside Chinese text are layout, not content (`I 生健康支出`).
  rest = rest.slice((misread ?? lead).length).replace(EDGE_NOISE, '').replace(/\s+/g, '')
  if (rest.length < 2 || !/[\u3400-\u9fff]/.test(rest)) return undefined
  const best = sure ? completion(rest) : nearest(rest)
  if (best === undefined) return undefined
  const fixed = code + lead + best
  return fixed === text.trim() ? undefined : fixed
}

/**
 * The one word of four or more characters that a sure reading is with one character lost
 * (收入总 for 收入总计): a sure reading is only completed, never changed (收入合计 is a word of its own).
 */
function completion(rest: string): string | undefined {
  const found = lexicon().filter((w) => w.length >= 4 && w.length === rest.length + 1 && distance(rest, w, 2) === 1)
  return found.length === 1 ? found[0] : undefined
}

/** The nearest word, strictly nearer than any other and within a quarter of its length (at least one edit). */
function nearest(rest: string): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  let tie = false
  for (const w of lexicon()) {
    // OCR misreads characters far more often than it drops or adds them.
    if (Math.abs(w.length - rest.length) > 1) continue
    const d = distance(rest, w, bestD + 1)
    if (d < bestD) {
      best = w
      bestD = d
      tie = false
    } else if (d === bestD && w !== best) tie = true
  }
  return best === undefined || tie || bestD > Math.max(1, Math.floor(best.length / 4)) ? undefined : best
}
