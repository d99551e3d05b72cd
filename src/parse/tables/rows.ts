import type { ColumnSpec, RowKind } from '../../model/tables.ts'
import { FISCAL_INCOME_LINES, SUMMARY_INCOME_LINES, THREE_PUBLIC_ROWS } from '../../model/tables.ts'
import { functionCodes } from '../../catalog/index.ts'
import type { Diagnostic } from '../../model/diagnostic.ts'
import { LOW_CONFIDENCE, placeOf, type LayoutLine } from '../layout.ts'
import { isBlank, normalizeLabel, squeeze } from '../normalize.ts'
import { isDigit } from '../numbers.ts'
import { codeFromCells, codeFromText, inheritedCode, type CodeKind } from './codes.ts'
import { HeaderMap } from './header-map.ts'
import { fieldsOf, rawNumber, type Field } from './line-cells.ts'
import type { RawNumber, RawRow } from './raw.ts'

/** What a row reader needs to know about its table. */
export interface RowContext {
  file: string
  key: string
  rows: RowKind
  columns: readonly ColumnSpec[]
  /** Tables in 元 print integers; tables in 万元 always print decimals. */
  strictDecimals: boolean
  /** Where a reader says what it could not read or had to guess. */
  diagnostics: Diagnostic[]
}

const META = /^\s*(编\s*制\s*部\s*门|编\s*制\s*单\s*位|单\s*位\s*[:：]|单位名称|部门名称\s*[:：]|金额单位)/
const TOTAL = /^(合计|总计|合计数)$/

function isMeta(text: string): boolean {
  return META.test(text)
}

/** Column-number header lines: `※ ※ ※ 1 2 3 …`. */
function isNumbering(fields: Field[]): boolean {
  if (fields.length === 0) return false
  for (const f of fields) if (f.text !== '' && !NUMBERING.test(f.text)) return false
  return true
}

/** A field of a column-number line: `栏次`, or `※` and column numbers separated by spaces. */
const NUMBERING = /^(?:栏次|(?:※|\d{1,2})(?:\s+(?:※|\d{1,2}))*)$/

function numbersOf(ctx: RowContext, line: LayoutLine, fields: Field[], header: HeaderMap, trustHeader: boolean): RawNumber[] {
  // A name under a money column means the cells shifted (a lost column): the header then says nothing about the numbers.
  let aligned = true
  for (const f of fields) if (f.number === undefined && f.text !== '' && f.index !== undefined && header.column(f.index)) aligned = false
  const nums: RawNumber[] = []
  for (const f of fields) {
    if (f.number === undefined) continue
    const n = rawNumber(ctx.file, line, f)
    const hint = f.index !== undefined ? header.column(f.index) : undefined
    if (hint && aligned) n.hint = hint
    if (hint && trustHeader) n.column = hint
    nums.push(n)
  }
  return nums
}

/**
 * Decide whether the drawn cells of a row can be trusted to sit under the header: every number
 * under a distinct named column and no text under a money column. Otherwise (a lost column
 * shifted the cells) numbers are placed by the table's identities instead.
 */
function headerFits(fields: Field[], header: HeaderMap): boolean {
  if (header.size === 0) return false
  const seen = new Set<string>()
  for (const f of fields) {
    if (f.index === undefined || f.text === '') continue
    const col = header.column(f.index)
    if (f.number === undefined) {
      if (col) return false
      continue
    }
    if (!col || seen.has(col)) return false
    seen.add(col)
  }
  return true
}

/** When the drawn value cells after the label are exactly the table's columns, their order is their column. */
function placeByOrder(ctx: RowContext, nums: RawNumber[], fields: Field[], afterLabel: number): boolean {
  const values = fields.filter((f) => f.index !== undefined && f.index >= afterLabel)
  while (values.length > ctx.columns.length && values[values.length - 1]!.text === '') values.pop()
  if (values.length !== ctx.columns.length) return false
  let k = 0
  values.forEach((f, i) => {
    if (f.number !== undefined) nums[k++]!.column = ctx.columns[i]!.key
  })
  return true
}

/** Rows of a table whose rows are function or economic codes (and project rows). */
export function readCodedRows(ctx: RowContext, lines: LayoutLine[]): RawRow[] {
  const kind: CodeKind = ctx.rows === 'economic' ? 'economic' : 'function'
  const header = new HeaderMap(ctx.columns)
  const rows: RawRow[] = []
  let pending: RawRow | undefined
  let afterData = false
  let lastCode: string | undefined
  for (const line of lines) {
    if (isBlank(line.text) || isMeta(line.text)) continue
    const code = line.cells
      ? (codeFromCells(line.cells, kind) ?? (lastCode ? inheritedCode(line.cells, lastCode, kind) : undefined))
      : codeFromText(line.text, kind)
    if (code) lastCode = code.code
    // The code cells are not amounts.
    const fields = code && line.cells ? fieldsOf(line, ctx.strictDecimals).slice(code.fields) : fieldsOf(line, ctx.strictDecimals)
    const texts: Field[] = []
    let hasNumbers = false
    for (const f of fields) {
      if (f.number !== undefined) hasNumbers = true
      else if (f.text !== '') texts.push(f)
    }
    if (!code && !hasNumbers && !pending) {
      if (line.cells && !isNumbering(fields)) {
        if (afterData) header.reset()
        header.add(fields)
      }
      afterData = false
      continue
    }
    if (!code && isNumbering(fields)) continue
    // Plain text: the code's characters are not part of the name.
    const labelFields = code && !line.cells ? afterCode(texts, code.chars) : texts
    const trust = headerFits(fields, header)
    const nums = numbersOf(ctx, line, fields, header, trust)
    if (line.cells && !trust && !nums.some((n) => n.column)) {
      let lastLabel = code ? code.fields - 1 : -1
      for (const f of labelFields) lastLabel = Math.max(lastLabel, f.index ?? -1)
      placeByOrder(ctx, nums, fields, lastLabel + 1)
    }
    const labelText = joinTexts(labelFields, ' ')
    if (!code && pending) {
      // A wrapped name (`机关事业单位基本养老保险缴` / `费支出` / numbers on their own line).
      pending.label += labelText
      if (hasNumbers) {
        pending.numbers = nums
        rows.push(finishCoded(ctx, pending, labelFields))
        pending = undefined
        afterData = true
      }
      continue
    }
    const place = placeOf(ctx.file, line, 0, line.text.trimEnd().length)
    if (code) {
      const row: RawRow = { key: code.code, code: code.code, label: labelText, place, numbers: nums }
      if (!hasNumbers && !line.cells) {
        pending = row
        continue
      }
      rows.push(finishCoded(ctx, row, labelFields))
    } else {
      const label = squeeze(labelText)
      if (!label) continue
      const key = TOTAL.test(label) ? 'total' : ctx.rows === 'project' ? `unit:${label}` : `label:${label}`
      rows.push({ key, label, place, numbers: nums })
    }
    afterData = true
  }
  return rows
}

/** Text fields of a plain-text line without the code's first `chars` characters. */
function afterCode(texts: Field[], chars: number): Field[] {
  const out: Field[] = []
  for (const f of texts) {
    if (f.start >= chars) out.push(f)
    else {
      const text = f.text.slice(chars - f.start).trim()
      if (text) out.push({ ...f, text, start: chars })
    }
  }
  return out
}

function joinTexts(fields: Field[], separator: string): string {
  if (fields.length === 1) return fields[0]!.text
  let out = ''
  for (let i = 0; i < fields.length; i++) out += (i ? separator : '') + fields[i]!.text
  return out
}

/** A project row's key joins its 项 code and its project name (`2010303/日常专项业务项目`). */
function finishCoded(ctx: RowContext, row: RawRow, labelFields: Field[]): RawRow {
  if (ctx.rows !== 'project' || row.code?.length !== 7) {
    row.label = squeeze(row.label)
    return row
  }
  let name: string
  let project: string
  if (labelFields.length >= 2 && labelFields[0]!.index !== undefined) {
    name = squeeze(labelFields[0]!.text)
    project = squeeze(labelFields.slice(1).map((f) => f.text).join(''))
  } else {
    // Plain text: the 项 name is the catalog's where we know it, else the first word.
    const text = squeeze(row.label)
    const known = functionCodes().get(row.code)?.name
    if (known && text.startsWith(squeeze(known)) && text.length > squeeze(known).length) {
      name = squeeze(known)
      project = text.slice(name.length)
    } else {
      const words = row.label.trim().split(/\s+/)
      name = words[0] ?? ''
      project = squeeze(words.slice(1).join(''))
    }
  }
  row.label = name
  if (project) {
    row.project = project
    row.key = `${row.code}/${project}`
  }
  return row
}

/** Rows of 三公 tables and tables of named rows (委托业务费, 上年结转结余). */
export function readNamedRows(ctx: RowContext, lines: LayoutLine[], units: Set<string>): RawRow[] {
  const header = new HeaderMap(ctx.columns)
  const rows: RawRow[] = []
  let afterData = false
  let threePublicIndex = 0
  const transposed = new Map<number, { key: string; label: string }>()
  for (const line of lines) {
    if (isBlank(line.text) || isMeta(line.text)) continue
    const fields = fieldsOf(line, ctx.strictDecimals)
    const hasNumbers = fields.some((f) => f.number !== undefined)
    const texts = fields.filter((f) => f.number === undefined && f.text !== '')
    if (isNumbering(fields)) continue
    const label = squeeze(texts.map((f) => f.text).join(''))
    let key: string | undefined
    if (ctx.rows === 'three-public') {
      const norm = normalizeLabel(label)
      const i = THREE_PUBLIC_ROWS.findIndex((r, i) => i >= threePublicIndex - 1 && r.labels.includes(norm))
      const j = i >= 0 ? i : THREE_PUBLIC_ROWS.findIndex((r) => r.labels.includes(norm))
      if (j >= 0) {
        key = THREE_PUBLIC_ROWS[j]!.key
        threePublicIndex = j + 1
      }
    } else if (hasNumbers && label) {
      if (TOTAL.test(label)) key = 'total'
      else if (ctx.key === 'entrusted') key = isUnitName(label, units) ? `unit:${label}` : `project:${label}`
      else key = `project:${label}`
    }
    if (!key && hasNumbers && !label && transposed.size) {
      // One row of figures under a header naming the 三公 items (the Shanghai 部门“三公”经费和机关运行经费预算表).
      for (const f of fields) {
        const item = f.index !== undefined ? transposed.get(f.index) : undefined
        if (f.number === undefined || !item) continue
        rows.push({
          key: item.key,
          label: item.label,
          place: placeOf(ctx.file, line, f.start, f.end, f.cell),
          numbers: [rawNumber(ctx.file, line, f, 'total')],
        })
      }
      afterData = true
      continue
    }
    if (!key) {
      if (!hasNumbers && line.cells) {
        if (afterData) header.reset()
        header.add(fields)
        if (ctx.rows === 'three-public') readTransposedHeader(fields, transposed)
      }
      continue
    }
    const trust = headerFits(fields, header)
    const nums = numbersOf(ctx, line, fields, header, trust)
    const lastLabel = Math.max(-1, ...texts.map((f) => f.index ?? -1))
    if (line.cells && !trust) placeByOrder(ctx, nums, fields, lastLabel + 1)
    rows.push({ key, label, place: placeOf(ctx.file, line, 0, line.text.trimEnd().length), numbers: nums })
    afterData = true
  }
  return rows
}

/** Short header words under 公务用车购置及运行费 in a one-row 三公 table. */
const VEHICLE_PARTS: Record<string, string> = { 小计: 'vehicles', 购置费: 'vehicles.purchase', 购置: 'vehicles.purchase', 运行费: 'vehicles.operation', 运行维护费: 'vehicles.operation' }

/**
 * A 三公 table printed as one row: the items are header cells. A header line naming two or more
 * items maps cell positions to row keys; a header cell naming no item (机关运行经费 beside 三公)
 * gets an `x:` key of its own.
 */
function readTransposedHeader(fields: Field[], transposed: Map<number, { key: string; label: string }>): void {
  const named = fields.filter((f) => f.index !== undefined && f.text).map((f) => {
    const label = normalizeLabel(f.text)
    const row = THREE_PUBLIC_ROWS.find((r) => r.labels.includes(label))
    return { index: f.index!, label, key: row?.key ?? VEHICLE_PARTS[label] }
  })
  // The first header line must name two items; a deeper line (小计/购置费/运行费) refines the one above.
  const items = named.filter((n) => n.key && n.key !== 'total')
  if (transposed.size === 0 ? items.length < 2 : items.length === 0) return
  for (const n of named) {
    if (/^(项目|单位|金额|预算数|“三公”经费|三公经费)/.test(n.label)) continue
    transposed.set(n.index, { key: n.key ?? `x:${n.label}`, label: n.label })
  }
}

/** A name of an implementing unit rather than a project: one we know, or an organisation's name. */
function isUnitName(name: string, units: Set<string>): boolean {
  if (units.has(name)) return true
  return /(中心|局|办公室|委员会|学校|医院|研究所|站|队|馆|院|所|处|厅|部|会)$/.test(name) && !/费$|项目$/.test(name)
}

/**
 * Rows of a two-sided table (部门收支总体情况表, 财政拨款收支预算总体情况表): each line carries an
 * income line on the left and a function class on the right, either side possibly empty. PDF
 * extraction interleaves them into one line; the class code (or 支出总计) marks where the
 * right side starts.
 */
export function readTwoSidedRows(ctx: RowContext, lines: LayoutLine[]): RawRow[] {
  const incomeLines = ctx.key === 'fiscal_summary' ? FISCAL_INCOME_LINES : SUMMARY_INCOME_LINES
  const { classNames, classCodes } = classes()
  const rows: RawRow[] = []
  let nextIncome = 0
  for (const line of lines) {
    if (isBlank(line.text) || isMeta(line.text)) continue
    const fields = fieldsOf(line, ctx.strictDecimals, false)
    // Find where the expenditure side starts.
    let split = -1
    let expKey: string | undefined
    let expLabel = ''
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!
      if (f.number !== undefined && !/^2\d\d$/.test(f.text)) continue
      const t = squeeze(f.text)
      // The tests in order, each only when the ones before fail: most fields are income names.
      const at = classCodeAt(t)
      let byName: string | undefined
      let total = -1
      if (at >= 0 && classCodes.has(t.slice(at, at + 3))) {
        split = i
        expKey = `exp.${t.slice(at, at + 3)}`
        expLabel = t.slice(at + 3)
        if (at > 0) {
          fields.splice(i, 1, { ...f, text: t.slice(0, at) }, { ...f, text: t.slice(at) })
          split = i + 1
        }
      } else if (/^2\d\d$/.test(t) && fields[i + 1] && classNames.has(squeeze(fields[i + 1]!.text))) {
        split = i
        expKey = `exp.${t}`
        expLabel = squeeze(fields[i + 1]!.text)
      } else if ((byName = classNames.get(t) ?? classNames.numbered(t))) {
        split = i
        expKey = `exp.${byName}`
        expLabel = t
      } else if ((total = expenditureTotalAt(t)) >= 0) {
        split = i
        expKey = 'exp.total'
        expLabel = '支出总计'
        if (total > 0) {
          fields.splice(i, 1, { ...f, text: t.slice(0, total) }, { ...f, text: t.slice(total) })
          split = i + 1
        }
      }
      if (split >= 0) break
    }
    const left = split >= 0 ? fields.slice(0, split) : fields
    const right = split >= 0 ? fields.slice(split) : []
    // Left side: an income line.
    let incomeText = ''
    let incomeNumber: Field | undefined
    for (const f of left) {
      if (f.number === undefined) incomeText += f.text
      else incomeNumber ??= f
    }
    const label = normalizeLabel(incomeText)
    if (label) {
      let found = findIncomeLine(incomeLines, label, nextIncome)
      const place = placeOf(ctx.file, line, left[0]!.start, (incomeNumber ?? left[left.length - 1]!).end)
      if (found < 0 && incomeNumber && isUnsure(left)) {
        // A label OCR misread (一航公共顾算抵欲): the income lines keep their standard order, so the
        // next expected line it resembles most is taken, and said so.
        found = likeliestIncomeLine(incomeLines, label, nextIncome)
        if (found >= 0) {
          ctx.diagnostics.push({
            ruleId: 'parse/row-by-order',
            severity: 'warning',
            message: `识别不确定的收入行「${squeeze(incomeText)}」按标准收入项目的顺序及字形取为「${incomeLines[found]!.labels[0]}」`,
            place,
          })
        }
      }
      if (found >= 0) {
        nextIncome = found + 1
        const row: RawRow = { key: incomeLines[found]!.key, label: squeeze(incomeText), side: 'income', place, numbers: [] }
        if (incomeNumber) row.numbers.push(rawNumber(ctx.file, line, incomeNumber, ctx.key === 'summary' ? 'amount' : 'total'))
        rows.push(row)
      } else if (incomeNumber) {
        ctx.diagnostics.push({
          ruleId: 'parse/unnamed-row',
          severity: 'warning',
          message: `收入行「${squeeze(incomeText)}」不是标准收入项目，其金额 ${incomeNumber.text} 未作为数据`,
          place,
        })
      }
    }
    if (expKey) {
      const nums = right.filter((f) => f.number !== undefined && !/^2\d\d$/.test(f.text))
      const row: RawRow = {
        key: expKey,
        label: expLabel,
        side: 'expenditure',
        place: placeOf(ctx.file, line, right[0]!.start, right[right.length - 1]!.end),
        numbers: nums.map((f) => rawNumber(ctx.file, line, f)),
      }
      if (ctx.key === 'summary') row.numbers.forEach((n) => (n.column = 'amount'))
      else if (line.cells) {
        // Drawn cells after the class label are the four columns in order.
        const labelIndex = right.find((f) => f.number === undefined)?.index ?? -1
        placeByOrder(ctx, row.numbers, fields, labelIndex + 1)
      }
      rows.push(row)
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

/** Whether a text field of the line was read by OCR without confidence. */
function isUnsure(fields: Field[]): boolean {
  for (const f of fields) if (f.number === undefined && f.cell?.confidence !== undefined && f.cell.confidence < LOW_CONFIDENCE) return true
  return false
}

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
