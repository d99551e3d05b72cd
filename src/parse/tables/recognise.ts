import { squeeze } from '../chars.ts'
import { codeFromCells, codeFromText, type CodeKind } from './codes.ts'
import type { TableRegion } from './segment.ts'

/** How a table was recognised. */
export interface Recognised {
  key: string | undefined
  by: 'title' | 'shape' | 'number'
}

/**
 * The key of a table without a usable title, from its header words and the kind of its rows.
 * The header words are read with whitespace removed, because PDF extraction breaks headers into
 * fragments (`政\n府\n性\n基\n金`), and the order of the tests matters: the most specific first.
 */
export function recogniseByShape(region: TableRegion): string | undefined {
  // Layout text is normalised already (half-width brackets).
  const blob = squeeze(region.lines.map((l) => l.text).join(''))
  const has = (...words: string[]) => hasAll(blob, words)
  // The row tests read every line, so they come last in each condition.
  if (has('三公')) return 'three_public'
  if (has('委托业务')) return 'entrusted'
  if (has('非财政拨款', '人员经费') && !has('一般公共预算基本支出')) return 'carryover'
  if (has('项目名称') && (has('工资福利') || has('商品和服务') || has('商品服务'))) return 'general_project'
  if (has('人员经费', '公用经费') && hasCodedRow(region, 'economic')) return 'general_basic'
  if (has('一般公共预算基本支出') || (has('经济分类') && has('人员经费'))) return 'general_basic'
  // Two-sided tables: income lines and the function classes side by side.
  if (!has('科目编码') && !has('类款项') && hasClassLines(region, 5)) {
    return has('一般财力') || has('单位资金') || has('事业收入') || has('本年收入') ? 'summary' : 'fiscal_summary'
  }
  // The class list of a two-sided table names 223 国有资本经营预算支出 too, so these come after it.
  if (has('政府性基金预算支出')) return 'gov_fund'
  if (has('国有资本经营预算支出')) return 'state_capital'
  if (has('单位资金') || has('财政专户') || has('小计')) return 'income'
  if (has('一般公共预算支出')) return 'general_expenditure'
  // Function-coded rows alone are not enough: the header must name the columns (a 政府采购 table has codes too).
  if (has('基本支出', '项目支出') && hasCodedRow(region, 'function')) return 'expenditure'
  return undefined
}

function hasCodedRow(region: TableRegion, kind: CodeKind): boolean {
  return region.lines.some((l) => (l.cells ? codeFromCells(l.cells, kind) : codeFromText(l.text, kind)))
}

/** Whether at least `n` lines print a function class with its code (`203 国防支出`) or 预备费. */
function hasClassLines(region: TableRegion, n: number): boolean {
  let found = 0
  for (const l of region.lines) if ((l.text.includes('支出') || l.text.includes('预备费')) && CLASS_LINE.test(l.text) && ++found >= n) return true
  return false
}

function hasAll(text: string, words: string[]): boolean {
  for (const w of words) if (!text.includes(w)) return false
  return true
}

/** A function class printed with its code (`203 国防支出`), or 预备费, which has no 支出 in its name. */
const CLASS_LINE = /(?:^|\s)2\d\d\s*[\u4e00-\u9fff]+支出|预备费/

/** The key of a table: its title when it has one, else its shape. */
export function recognise(region: TableRegion): Recognised {
  if (region.title) return { key: region.title.key, by: 'title' }
  return { key: recogniseByShape(region), by: 'shape' }
}
