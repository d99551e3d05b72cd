import { functionCodes } from '../../catalog/index.ts'
import { FISCAL_INCOME_LINES, SUMMARY_INCOME_LINES } from '../../model/tables.ts'
import { LOW_CONFIDENCE, placeOf, type LayoutLine } from '../layout.ts'
import { isBlank, squeeze } from '../chars.ts'
import { normalizeLabel } from '../normalize.ts'
import { Memo } from '../memo.ts'
import { isDigit } from '../numbers.ts'
import { isCode } from './codes.ts'
import { rawNumber, twoSidedFields, type Field } from './line-cells.ts'
import type { RawNumber, RawRow } from './raw.ts'
import { isMeta, placeByOrder, type RowContext } from './rows.ts'

/**
 * Rows of a two-sided table (部门收支总体情况表, 财政拨款收支预算总体情况表): each line carries an
 * income line on the left and a function class on the right, either side possibly empty. PDF
 * extraction interleaves them into one line; the class code (or 支出总计) marks where the
 * right side starts.
 */
export function readTwoSidedRows(ctx: RowContext, lines: LayoutLine[]): RawRow[] {
  const incomeLines = ctx.key === 'fiscal_summary' ? FISCAL_INCOME_LINES : SUMMARY_INCOME_LINES
  const { classNames } = classes()
  const rows: RawRow[] = []
  let nextIncome = 0
  for (const line of lines) {
    if (isBlank(line.text) || isMeta(line.text)) continue
    const fields = twoSidedFields(line, ctx.strictDecimals)
    // Find where the expenditure side starts.
    let split = -1
    let expKey: string | undefined
    let expLabel = ''
    for (let i = 0; i < fields.length && split < 0; i++) {
      const f = fields[i]!
      if (f.number !== undefined && !isCode(f.text, 'function', true)) continue
      const word = wordOf(f.text)
      if (isCode(word.text, 'function', true)) {
        // A bare class code, its name in the next field.
        const name = i + 1 < fields.length ? squeeze(fields[i + 1]!.text) : ''
        if (name && classNames.has(name)) {
          split = i
          expKey = `exp.${word.text}`
          expLabel = name
        }
      } else if (word.expenditure) {
        const { at, key, label } = word.expenditure
        split = i
        expKey = key
        expLabel = label
        if (at > 0) {
          fields.splice(i, 1, { ...f, text: word.text.slice(0, at) }, { ...f, text: word.text.slice(at) })
          split = i + 1
        }
      }
    }
    // Left side (the fields before the right side's first, `rightStart`): an income line.
    const rightStart = split >= 0 ? split : fields.length
    let incomeText = ''
    let incomeNumber: Field | undefined
    for (let i = 0; i < rightStart; i++) {
      const f = fields[i]!
      if (f.number === undefined) incomeText += f.text
      else incomeNumber ??= f
    }
    const { label, printed } = incomeLabel(incomeText)
    if (label) {
      let found = findIncomeLine(incomeLines, label, nextIncome)
      const place = placeOf(ctx.file, line, fields[0]!.start, (incomeNumber ?? fields[rightStart - 1]!).end)
      if (found < 0 && incomeNumber && isUnsure(fields, rightStart)) {
        // A label OCR misread (一航公共顾算抵欲): the income lines keep their standard order, so the
        // next expected line it resembles most is taken, and said so.
        found = likeliestIncomeLine(incomeLines, label, nextIncome)
        if (found >= 0) {
          ctx.diagnostics.push({
            ruleId: 'parse/row-by-order',
            severity: 'warning',
            message: `识别不确定的收入行「${printed}」按标准收入项目的顺序及字形取为「${incomeLines[found]!.labels[0]}」`,
            place,
          })
        }
      }
      if (found >= 0) {
        nextIncome = found + 1
        const row: RawRow = { key: incomeLines[found]!.key, label: printed, side: 'income', place, numbers: [] }
        if (incomeNumber) row.numbers.push(rawNumber(ctx.file, line, incomeNumber, ctx.key === 'summary' ? 'amount' : 'total'))
        rows.push(row)
      } else if (incomeNumber) {
        ctx.diagnostics.push({
          ruleId: 'parse/unnamed-row',
          severity: 'warning',
          message: `收入行「${printed}」不是标准收入项目，其金额 ${incomeNumber.text} 未作为数据`,
          place,
        })
      }
    }
    if (expKey) {
      // 部门收支总体情况表 has one column; 财政拨款收支总体表 has four, in order after the class label where drawn.
      const column = ctx.key === 'summary' ? 'amount' : undefined
      const numbers: RawNumber[] = []
      let labelIndex: number | undefined
      for (let i = rightStart; i < fields.length; i++) {
        const f = fields[i]!
        if (f.number === undefined) labelIndex ??= f.index ?? -1
        else if (!isCode(f.text, 'function', true)) numbers.push(rawNumber(ctx.file, line, f, column))
      }
      if (!column && line.cells) placeByOrder(ctx, numbers, fields, line.cells.length, (labelIndex ?? -1) + 1)
      rows.push({ key: expKey, label: expLabel, side: 'expenditure', place: placeOf(ctx.file, line, fields[rightStart]!.start, fields[fields.length - 1]!.end), numbers })
    }
  }
  return rows
}

/** The function classes (类) of the catalog, by name and by code; the 类 list is complete. */
interface Classes {
  classNames: ClassNames
  classCodes: Set<string>
}

/** Class names to codes, with the cheap test that rejects most other words before a lookup. */
class ClassNames {
  private byName: Map<string, string>
  /** The last characters of the names (支出, 预备费): a word ending otherwise names no class. */
  private ends: Set<number>
  constructor(names: [string, string][]) {
    this.byName = new Map(names)
    this.ends = new Set(names.map(([name]) => name.charCodeAt(name.length - 1)))
  }

  get(word: string): string | undefined {
    return this.ends.has(word.charCodeAt(word.length - 1)) ? this.byName.get(word) : undefined
  }

  has(word: string): boolean {
    return this.get(word) !== undefined
  }

  /** The code of a class name after list numbering (`一、一般公共服务支出`). */
  numbered(word: string): string | undefined {
    const last = word.charCodeAt(word.length - 1)
    // A trailing colon goes with the numbering; any other ending names no class.
    if (!(this.ends.has(last) || last === 58 || last === 0xff1a) || !word.includes('、')) return undefined
    return /^[一二三四五六七八九十]+、/.test(word) ? this.get(normalizeLabel(word)) : undefined
  }
}

let classCache: Classes | undefined

function classes(): Classes {
  if (!classCache) {
    const list = functionCodes().entries.filter((e) => e.level === '类')
    classCache = { classNames: new ClassNames(list.map((e) => [squeeze(e.name), e.code])), classCodes: new Set(list.map((e) => e.code)) }
  }
  return classCache
}

/** A field's text squeezed, and the expenditure side it starts, if it starts one. */
interface Word {
  text: string
  expenditure: { at: number; key: string; label: string } | undefined
}

/**
 * The word of a field's text, remembered: the income lines and the classes repeat in both
 * two-sided tables of every document (the table reader's instructions on the seeds: −7%).
 */
function wordOf(text: string): Word {
  const known = words.get(text)
  if (known) return known
  const t = squeeze(text)
  return words.set(text, { text: t, expenditure: expenditureStart(t) })
}

const words = new Memo<string, Word>()

/**
 * Where in a squeezed field the expenditure side starts: a class with its code (`203国防支出`,
 * after an income line's figure in `一般财力421.63203国防支出`), a class name (numbered or not)
 * or 支出总计. The tests in order, each only when the ones before fail: most fields are income names.
 */
function expenditureStart(t: string): Word['expenditure'] {
  const { classNames, classCodes } = classes()
  const at = classCodeAt(t)
  const code = at >= 0 ? t.slice(at, at + 3) : ''
  if (at >= 0 && classCodes.has(code)) return { at, key: `exp.${code}`, label: t.slice(at + 3) }
  const byName = classNames.get(t) ?? classNames.numbered(t)
  if (byName) return { at: 0, key: `exp.${byName}`, label: t }
  const total = expenditureTotalAt(t)
  return total >= 0 ? { at: total, key: 'exp.total', label: '支出总计' } : undefined
}

/**
 * Where a class code followed by its name starts in a field (`203国防支出`, `一般财力421.63203国防支出`
 * after squeezing): three digits from 2 that no digit or decimal point precedes, then a CJK
 * character; -1 when there is none. A scan, because the lookbehind pattern it replaces is slow.
 */
function classCodeAt(t: string): number {
  for (let i = t.indexOf('2'); i >= 0 && i + 3 < t.length; i = t.indexOf('2', i + 1)) {
    if (!isDigit(t.charCodeAt(i + 1)) || !isDigit(t.charCodeAt(i + 2))) continue
    const name = t.charCodeAt(i + 3)
    if (name < 0x4e00 || name > 0x9fff) continue
    const before = i > 0 ? t.charCodeAt(i - 1) : -1
    if (before === 46 || isDigit(before)) continue // '.'
    return i
  }
  return -1
}

/** Where 支出总计 or 支出合计 starts in a field, or -1. */
function expenditureTotalAt(t: string): number {
  const a = t.indexOf('支出总计')
  const b = t.indexOf('支出合计')
  return a < 0 ? b : b < 0 ? a : Math.min(a, b)
}

/** Whether a text field of the line before `end` was read by OCR without confidence. */
function isUnsure(fields: Field[], end: number): boolean {
  for (let i = 0; i < end; i++) {
    const f = fields[i]!
    if (f.number === undefined && f.cell?.confidence !== undefined && f.cell.confidence < LOW_CONFIDENCE) return true
  }
  return false
}

/**
 * An income line's text as compared (`label`, normalised) and as kept (`printed`, squeezed),
 * remembered: the same few dozen income lines repeat in both two-sided tables of every document.
 */
function incomeLabel(text: string): { label: string; printed: string } {
  return incomeLabels.get(text) ?? incomeLabels.set(text, { label: normalizeLabel(text), printed: squeeze(text) })
}

const incomeLabels = new Memo<string, { label: string; printed: string }>()

/**
 * Of the next three income lines in standard order, the one a misread label shares most
 * characters with (in order, at least half of the longer of the two), when no other is as close.
 */
function likeliestIncomeLine(lines: readonly { key: string; labels: string[] }[], label: string, from: number): number {
  let best = -1
  let bestScore = 0
  let tie = false
  for (let i = from; i < Math.min(lines.length, from + 3); i++) {
    const score = Math.max(...lines[i]!.labels.map((l) => commonSubsequence(label, l) / Math.max(label.length, l.length)))
    if (score > bestScore) [best, bestScore, tie] = [i, score, false]
    else if (score === bestScore) tie = true
  }
  return bestScore >= 0.5 && !tie ? best : -1
}

/** The length of the longest common subsequence of two short texts. */
function commonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const row = [0]
    for (let j = 1; j <= b.length; j++) row.push(a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!))
    previous = row
  }
  return previous[b.length]!
}

/** The next income line (in standard order) that a label names; searching forward keeps 单位资金 of 上年结转 apart from 5.单位资金. */
function findIncomeLine(lines: readonly { key: string; labels: string[] }[], label: string, from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]!.labels.includes(label)) return i
  for (let i = 0; i < from; i++) if (lines[i]!.labels.includes(label)) return i
  return -1
}
