import type { ColumnSpec, RowKind } from '../../model/tables.ts'
import { THREE_PUBLIC_ROWS } from '../../model/tables.ts'
import { functionCodes } from '../../catalog/index.ts'
import type { Diagnostic } from '../../model/diagnostic.ts'
import { placeOf, type LayoutLine } from '../layout.ts'
import { CharSet, isBlank, skipWhite, squeeze } from '../chars.ts'
import { normalizeLabel } from '../normalize.ts'
import { codeFromCells, codeFromText, inheritedCode, type CodeKind } from './codes.ts'
import { HeaderMap } from './header-map.ts'
import { joinTexts, rawNumber, rowFields, type Field } from './line-cells.ts'
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
/** The characters META's lines open with. */
const META_FIRST = new CharSet('编单部金')

export function isMeta(text: string): boolean {
  // Other lines are rejected by their first character, without the pattern.
  return META_FIRST.has(text.charCodeAt(skipWhite(text, 0))) && META.test(text)
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
  // An array, not a Set: a row has a few columns, and a Set is an allocation of its own.
  const seen: string[] = []
  for (const f of fields) {
    if (f.index === undefined || f.text === '') continue
    const col = header.column(f.index)
    if (f.number === undefined) {
      if (col) return false
      continue
    }
    if (!col || seen.includes(col)) return false
    seen.push(col)
  }
  return true
}

/**
 * When the drawn value cells after the label (from cell `afterLabel` to the last of the line's
 * `cellCount` cells) are exactly the table's columns, their order is their column. Blank cells at
 * the end, beyond the table's columns, do not count.
 */
export function placeByOrder(ctx: RowContext, nums: RawNumber[], fields: Field[], cellCount: number, afterLabel: number): boolean {
  let lastFilled = afterLabel - 1
  for (const f of fields) if (f.index !== undefined && f.index >= afterLabel && f.text !== '') lastFilled = f.index
  const cells = cellCount - afterLabel
  const values = cells > ctx.columns.length ? Math.max(ctx.columns.length, lastFilled + 1 - afterLabel) : cells
  if (values !== ctx.columns.length) return false
  let k = 0
  for (const f of fields) {
    if (f.number !== undefined && f.index !== undefined && f.index >= afterLabel) nums[k++]!.column = ctx.columns[f.index - afterLabel]!.key
  }
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
    const fields = rowFields(line, ctx.strictDecimals, code && line.cells ? code.fields : 0)
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
      placeByOrder(ctx, nums, fields, line.cells.length, lastLabel + 1)
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
    project = squeeze(joinTexts(labelFields, '', 1))
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
    const fields = rowFields(line, ctx.strictDecimals)
    const hasNumbers = fields.some((f) => f.number !== undefined)
    const texts = fields.filter((f) => f.number === undefined && f.text !== '')
    if (isNumbering(fields)) continue
    const label = squeeze(joinTexts(texts, ''))
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
    if (line.cells && !trust) placeByOrder(ctx, nums, fields, line.cells.length, lastLabel + 1)
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
