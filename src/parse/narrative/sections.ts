import type { Layout } from '../layout.ts'
import { codeAt, skipWhite, skipWhiteBack } from '../chars.ts'
import { firstOf } from './first-of.ts'

/** What a section of 第三部分 is about. `summary` is 收支预算情况的总体说明. */
export type SectionKind =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal_summary'
  | 'general_scale'
  | 'general_structure'
  | 'general_detail'
  | 'general_basic'
  | 'general_project'
  | 'gov_fund'
  | 'state_capital'
  | 'three_public'
  | 'entrusted'
  | 'carryover'
  | 'operating_costs'
  | 'procurement'
  | 'assets'
  | 'performance'
  | 'other'

// First match wins: the specific subjects come before the words they contain (财政拨款收支 before 收支).
const HEADING_WORDS: [string, SectionKind][] = [
  ['运行经费', 'operating_costs'],
  ['政府采购', 'procurement'],
  ['国有资产', 'assets'],
  ['绩效', 'performance'],
  ['三公', 'three_public'],
  ['委托业务', 'entrusted'],
  ['结转', 'carryover'],
  ['政府性基金', 'gov_fund'],
  ['国有资本', 'state_capital'],
  ['基本支出', 'general_basic'],
  ['项目支出', 'general_project'],
  ['结构', 'general_structure'],
  ['具体使用', 'general_detail'],
  ['规模', 'general_scale'],
  ['一般公共预算', 'general_scale'],
  ['财政拨款收支', 'fiscal_summary'],
  ['收支', 'summary'],
  ['收入', 'income'],
  ['支出', 'expenditure'],
]
const HEADING_KINDS = HEADING_WORDS.map(([word, kind]): [RegExp, SectionKind] => [new RegExp(word), kind])
const kindOf = firstOf(HEADING_KINDS)

const YEAR = /\d{4}年(?:度)?/
const UP_TO_GUANYU = /^.*?关于/
const NUMBERING = /^[(（]?[一二三四五六七八九十]+[、)）]/

/** The kind of a heading of 第三部分, read after its department name and year (names may hold 财政, 国有资产 …). */
export function headingKind(title: string, department?: string): SectionKind {
  if (department) title = title.replace(department, '')
  const y = YEAR.exec(title)
  let t = y ? title.slice(y.index + y[0].length) : title.replace(UP_TO_GUANYU, '')
  t = t.replace(NUMBERING, '')
  return kindOf(t) ?? 'other'
}

/** Line indexes (0-based) of the four parts, the last real occurrence of each (the table of contents comes first). */
export interface Parts {
  /** 第一部分 部门概况 */
  overview?: number
  /** 第二部分 部门预算公开表 */
  tables?: number
  /** 第三部分 部门预算情况说明 */
  narrative?: number
  /** 名词解释 (第四部分) */
  glossary?: number
}

const PART = /^第([一二三四])部分/
const DI = '第'.charCodeAt(0)
/** The last character of 名词解释. */
const SHI = '释'.charCodeAt(0)
const GLOSSARY_HEAD = /^(?:第[一二三四五六]部分|[一二三四五六七八九十]+、)?名词解释$/

/**
 * Find the part headings. A heading followed by a table-of-contents entry (`- 一、…`) or directly by
 * another part heading is the contents page and is passed over.
 */
export function findParts(layout: Layout): Parts {
  const lines = layout.lines
  const parts: Parts = {}
  const keys = ['overview', 'tables', 'narrative', 'glossary'] as const
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text
    if (t.length === 0 || t.length > 60 || lines[i]!.cells) continue
    // Cheap first look: a part heading starts with 第, a glossary heading is short and ends in 名词解释.
    const k = skipWhite(t, 0)
    if (codeAt(t, k) !== DI && (t.length - k > 16 || codeAt(t, skipWhiteBack(t, t.length) - 1) !== SHI)) continue
    const sq = t.replace(/\s+/g, '')
    if (sq.length > 40) continue
    const m = PART.exec(sq)
    let which: (typeof keys)[number] | undefined
    if (GLOSSARY_HEAD.test(sq)) which = 'glossary'
    else if (m && m[1] !== '四') which = keys['一二三'.indexOf(m[1]!)]
    if (!which) continue
    let j = i + 1
    while (j < lines.length && lines[j]!.text.trim() === '') j++
    const next = j < lines.length ? lines[j]!.text.replace(/\s+/g, '') : ''
    if (/^[-•·]/.test(lines[j]?.text.trim() ?? '') || PART.test(next) || (next === '' && j >= lines.length)) continue
    parts[which] = i
  }
  return parts
}
