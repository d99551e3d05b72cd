import type { Diagnostic, Indicator, Money, TargetTable } from '../../model/index.ts'
import { toFen, wan } from '../../model/index.ts'
import { placeOf, type Layout, type LayoutCell, type LayoutLine } from '../layout.ts'
import { cellNumber } from '../numbers.ts'
import { CharSet, firstCode, isBlank, squeezeProse as sq } from '../chars.ts'

/** The target tables of a document and the lines they cover (left out of the narrative paragraphs). */
export interface Targets {
  tables: TargetTable[]
  /** Inclusive [first, last] line indexes of each table. */
  ranges: [number, number][]
}

const TITLE = /(整体|项目)(?:支出)?(?:预算)?绩效目标(?:申报)?表$/
const YEAR_LINE = /^[(（]?\d{4}年(?:度)?[)）]?$/
const LEVEL2 = String.raw`(?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|生态成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标`
const CMP = String.raw`(?:>=|<=|≥|≤|=|>|<|不低于|不少于|不高于|不超过|大于等于|小于等于)`
const TARGET = String.raw`${CMP}\s*\d[\d,.]*(?:\s\d+)?\s*[^\s\d]{0,8}`
// 001 l.825 `数量指标 政务服务中心在职在编人员 >=10 人`: 二级指标, 三级指标 and 指标值 on one PDF line.
const IND_LINE = new RegExp(String.raw`^\s*(${LEVEL2})(?:\s*(.*?))??(?:\s*(${TARGET}))?\s*$`)
const TARGET_ONLY = new RegExp(String.raw`^\s*(${TARGET})\s*$`)
const LEVEL1 = /^(?:产出指标|效益指标|满意度指标|成本指标|运行成本|履职效能|管理效率|社会效应|服务对象满意度|可持续发展能力|能力建设|产出|效益|满意度)$/
const WEIGHT_LINE = /^\s*(\d{1,3}(?:\.\d+)?)\s*$/
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页.*)\s*$/
const PAGE_NUMBER_FIRST = new CharSet('-—–第')
const isPageNumber = (t: string) => PAGE_NUMBER_FIRST.has(firstCode(t)) && PAGE_NUMBER.test(t)
const PHONE = /^(.*?)((?:1[3-9]\d{9})|(?:0\d{2,3}-?\d{7,8}))$/

// Header labels of a target table, normalised (no whitespace, `(万元)`/`(盖章)` and colons dropped).
// Maps, as a cell's text looked up in an object made a slow generic (megamorphic) read.
type TextField = 'name' | 'unit' | 'contact' | 'phone' | 'goal'
type MoneyField = 'total' | 'fiscal' | 'superior' | 'other'
const TEXT_LABELS = new Map<string, TextField>(Object.entries({
  部门名称: 'name', 单位名称: 'name', 项目名称: 'name',
  预算单位: 'unit', 实施单位: 'unit', 项目实施单位: 'unit',
  部门联系人: 'contact', 联系人: 'contact', 项目负责人: 'contact', 负责人: 'contact',
  联系电话: 'phone',
  年度绩效目标: 'goal', 项目总体目标: 'goal', 总体目标: 'goal', 年度目标: 'goal', 整体绩效目标: 'goal',
} as const))
const MONEY_LABELS = new Map<string, MoneyField>(Object.entries({
  资金总额: 'total', 年度预算总额: 'total', 年度资金总额: 'total', 项目资金总额: 'total', 合计: 'total',
  财政拨款: 'fiscal', 本级安排: 'fiscal', 财政资金: 'fiscal',
  上级安排: 'superior',
  其他资金: 'other', 其他: 'other',
} as const))
const MONEY_IN_LINE = new RegExp(
  String.raw`(${[...MONEY_LABELS.keys()].sort((a, b) => b.length - a.length).join('|')})\s*[:：]?\s*(\d{1,3}(?:, ?\d{3})+(?:\. ?\d+)?|\d+(?:\. ?\d+)?)`,
  'g',
)
// The longest label and what normalising takes off one at the most (`其中：…：(万元)：`): a longer cell is no label.
const LABEL_MAX = Math.max(...[...TEXT_LABELS.keys(), ...MONEY_LABELS.keys()].map((l) => l.length)) + 9
const LABEL_DECOR = /[（）(:：]|^其中/
/** A squeezed header cell as a label (`(万元)`/`(盖章)` and colons dropped); undefined for a cell too long to be one. */
function labelOf(s: string): string | undefined {
  if (s.length > LABEL_MAX) return undefined
  // Most cells carry none of what normalising takes off.
  if (!LABEL_DECOR.test(s)) return s
  return s.replace(/（/g, '(').replace(/）/g, ')').replace(/[:：]$/, '').replace(/\((?:万元|盖章)\)$/, '').replace(/^其中[:：]?/, '').replace(/[:：]$/, '')
}

type Column = 'level1' | 'level2' | 'name' | 'target' | 'basis' | 'previous' | 'weight' | 'scoring' | 'evidence'
const HEADER: [RegExp, Column][] = [
  [/^一级指标$/, 'level1'],
  [/^二级指标$/, 'level2'],
  [/^三级指标$/, 'name'],
  [/^(?:指标值|目标值|指标值\(目标值\))$/, 'target'],
  [/设(?:定|置)依据|数据来源/, 'basis'],
  [/上年(?:实际)?完成值|上年指标值/, 'previous'],
  [/权重|分值/, 'weight'],
  [/赋分规则|评分规则|计分规则|评分标准/, 'scoring'],
  [/佐证/, 'evidence'],
]

const COMPARATORS: Record<string, NonNullable<Indicator['comparator']>> = {
  '>=': '>=', '≥': '>=', 不低于: '>=', 不少于: '>=', 大于等于: '>=',
  '<=': '<=', '≤': '<=', 不高于: '<=', 不超过: '<=', 小于等于: '<=',
  '=': '=', '>': '>', '<': '<',
}
const TARGET_PARTS = /^(>=|<=|≥|≤|=|>|<|不低于|不少于|不高于|不超过|大于等于|小于等于)?(\d+(?:,\d{3})*(?:\.\d+)?)([^\d]*)$/

/**
 * Split a 指标值 into comparator, number and unit (`≥185 个` → `>=`, `185`, `个`). A value with no
 * digit (`提升`, `保障`, `有效提高`) is qualitative; a date (`2024年11月底前`) is neither.
 * Whitespace is dropped first: OCR splits `1.9915` as `1.99 15` (seed 002 l.592).
 */
export function parseTarget(target: string): Pick<Indicator, 'comparator' | 'value' | 'unit' | 'qualitative'> {
  const t = sq(target)
  const m = TARGET_PARTS.exec(t)
  if (!m) return { qualitative: !/\d/.test(t) }
  const out: Pick<Indicator, 'comparator' | 'value' | 'unit' | 'qualitative'> = { value: m[2]!.replace(/,/g, ''), qualitative: false }
  if (m[1]) out.comparator = COMPARATORS[m[1]]!
  if (m[3]) out.unit = m[3]
  return out
}

function money(file: string, line: LayoutLine, text: string, start: number, cell?: LayoutCell): Money | undefined {
  const n = cellNumber(text)
  if (n === undefined) return undefined
  const fen = toFen(n, '万元')
  if (fen === undefined) return undefined
  return { value: wan(fen), fen, raw: text.trim(), place: placeOf(file, line, start, start + text.trim().length, cell) }
}

/** Read all 绩效目标表 of a layout: tab-separated tables (002, 003) and PDF text with the grid lost (001). */
export function readTargets(layout: Layout, diagnostics: Diagnostic[]): Targets {
  const out: Targets = { tables: [], ranges: [] }
  const lines = layout.lines
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const t = line.text
    // Both words end in 标: one look for it passes over most lines (and an empty one, half the lines of PDF text, before any).
    if (t.length < 2 || !t.includes('标') || (!t.includes('指标') && !t.includes('绩效目标'))) continue
    const s = sq(t)
    if (!line.cells && s.length <= 30 && TITLE.test(s) && !s.includes('见下表')) {
      i = readGrid(layout, i, TITLE.exec(s)![1] === '整体' ? 'department' : 'project', out, diagnostics)
    } else if (line.cells?.some((c) => sq(c.text) === '三级指标')) {
      i = readGrid(layout, i - 1, undefined, out, diagnostics)
    } else if (!line.cells && !t.includes('。') && IND_LINE.exec(t)?.[3]) {
      // PDF text: a table starts at an indicator line that carries its 指标值 (not at prose that opens with `满意度指标`).
      i = readPdf(layout, i, out, diagnostics)
    }
  }
  return out
}

const RULE = /^-+$/
const NONE = /^[-—–]+$/
const WEIGHT = /^\d+(?:\.\d+)?$/
const isRuleOrEmpty = (c: string) => c === '' || (c.charCodeAt(0) === 45 && RULE.test(c))
const DEPARTMENT_LABEL = /^部门(?:名称|联系人)/
const isDepartmentLabel = (c: string) => DEPARTMENT_LABEL.test(c)

/**
 * The cell index of each column of a grid, -1 where it has none. One shape for every grid, read
 * by name: a record filled in the header's order, read by a variable key, made each read a slow
 * generic one (megamorphic).
 */
type Columns = Record<Column, number>
const noColumns = (): Columns => ({ level1: -1, level2: -1, name: -1, target: -1, basis: -1, previous: -1, weight: -1, scoring: -1, evidence: -1 })

/** The squeezed text of cell `k` of a row; undefined when the table has no such column (-1) or the cell is empty. */
function cellText(texts: string[], k: number): string | undefined {
  const v = k < 0 ? undefined : texts[k]
  return v ? v : undefined
}

/** A table whose rows are tab-separated cells; `start` is its title line (or the line before its first row). */
function readGrid(layout: Layout, start: number, kind: TargetTable['kind'] | undefined, out: Targets, diagnostics: Diagnostic[]): number {
  const { file, lines } = layout
  const table: TargetTable = { kind: kind ?? 'project', indicators: [] }
  if (start >= 0 && kind) table.place = placeOf(file, lines[start]!, 0, lines[start]!.text.trimEnd().length)
  let cols: Columns | undefined
  let carry1: string | undefined
  let carry2: string | undefined
  let last = Math.max(start, 0)
  let sawDepartmentLabel = false
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j]!
    const text = line.text
    if (isBlank(text)) continue
    const cells = line.cells
    if (!cells) {
      const s = sq(text)
      // A page number inside a table that runs over a page break (002.pdf l.514, l.536).
      if (isPageNumber(text)) continue
      if (!cols && YEAR_LINE.test(s)) {
        last = j
        continue
      }
      if (RULE.test(s)) continue
      break
    }
    const texts = cells.map((c) => sq(c.text))
    if (texts.every(isRuleOrEmpty)) {
      last = j
      continue
    }
    last = j
    if (texts.includes('三级指标')) {
      cols = noColumns()
      texts.forEach((c, k) => {
        const col = HEADER.find(([re]) => re.test(c))?.[1]
        if (col && cols![col] < 0) cols![col] = k
      })
      continue
    }
    if (!cols) {
      if (texts.some(isDepartmentLabel)) sawDepartmentLabel = true
      readHeaderRow(file, line, cells, texts, table)
      continue
    }
    const name = cellText(texts, cols.name)
    const target = cellText(texts, cols.target)
    if (!name && !target) continue
    const l1 = cellText(texts, cols.level1)
    const l2 = cellText(texts, cols.level2)
    if (l1) carry1 = l1
    if (l2) carry2 = l2
    const nameCell = cells[Math.max(cols.name, 0)] ?? cells[0]!
    const ind: Indicator = { name: name ?? '', target: target ?? '', ...parseTarget(target ?? '') }
    if (carry1) ind.level1 = carry1
    if (carry2) ind.level2 = carry2
    const basis = cellText(texts, cols.basis)
    if (basis) ind.basis = basis
    const previous = cellText(texts, cols.previous)
    // `-` in 上年完成值 (seed 003 l.648) says there is none.
    if (previous && !NONE.test(previous)) ind.previous = previous
    const w = cellText(texts, cols.weight)
    if (w && WEIGHT.test(w)) ind.weight = Number(w)
    const scoring = cellText(texts, cols.scoring)
    if (scoring) ind.scoring = scoring
    const evidence = cellText(texts, cols.evidence)
    if (evidence) ind.evidence = evidence
    ind.place = placeOf(file, line, nameCell.start, nameCell.start + nameCell.text.trimEnd().length, nameCell)
    table.indicators.push(ind)
  }
  if (!kind) table.kind = sawDepartmentLabel || table.superior ? 'department' : 'project'
  if (!table.place) table.place = placeOf(file, lines[Math.max(start, 0)]!, 0, lines[Math.max(start, 0)]!.text.trimEnd().length)
  if (table.indicators.length === 0 && !table.name) {
    diagnostics.push({ ruleId: 'parse/target-table-unread', severity: 'warning', message: '绩效目标表没有可读的指标行 (target table without indicator rows)', place: table.place })
  }
  out.tables.push(table)
  out.ranges.push([Math.max(start, 0), last])
  return last
}

const isLabel = (lab: string | undefined) => lab !== undefined && (TEXT_LABELS.has(lab) || MONEY_LABELS.has(lab))

/** One header row: `项目名称 | 日常专项业务项目 | 项目负责人 | 马燕茹`, `上级安排 | 0.00`. */
function readHeaderRow(file: string, line: LayoutLine, cells: LayoutCell[], texts: string[], table: TargetTable): void {
  const labels = texts.map(labelOf)
  for (let k = 0; k < cells.length; k++) {
    const lab = labels[k]
    if (!lab) continue
    let n = k + 1
    while (n < cells.length && !texts[n]) n++
    const next = cells[n]
    if (!next) continue
    const mf = MONEY_LABELS.get(lab)
    if (mf) {
      if (!table[mf]) {
        const m = money(file, line, next.text, next.start + (next.text.length - next.text.trimStart().length), next)
        if (m) table[mf] = m
      }
      continue
    }
    const tf = TEXT_LABELS.get(lab)
    if (tf && !table[tf]) {
      const v = texts[n]!
      if (v && !isLabel(labels[n])) table[tf] = v
    }
  }
}

/**
 * A target table from PDF text whose grid was lost (seed 001 l.802–953): the labels of the header
 * are gone, so the name, contact and goal are read by position; each indicator starts at a line with
 * its 二级指标 (`数量指标 …`), its 设定依据 is the text after it and its 分值权重 a number on a line
 * of its own. Where more than one such number falls inside one indicator (001 l.915 and l.919, 17
 * and 25), the weight is left out and a diagnostic names the candidates.
 */
function readPdf(layout: Layout, first: number, out: Targets, diagnostics: Diagnostic[]): number {
  const { file, lines } = layout
  // The header starts after the sentence that announces the table, at its title or its `(2024 年)` line.
  let h = first
  for (let k = first - 1; k >= 0 && k >= first - 40; k--) {
    const s = sq(lines[k]!.text)
    if (YEAR_LINE.test(s) || (TITLE.test(s) && s.length <= 30)) {
      h = k
      break
    }
    if (s.includes('见下表') || s.endsWith('。') && s.length > 40) {
      h = k + 1
      break
    }
  }
  const table: TargetTable = { kind: 'project', indicators: [] }
  table.place = placeOf(file, lines[h]!, 0, lines[h]!.text.trimEnd().length)
  let phoneSeen = false
  const goal: string[] = []
  let kindByLabel: TargetTable['kind'] | undefined
  let carry1: string | undefined
  type Open = { ind: Indicator; weights: { value: number; line: LayoutLine }[]; basis: string[]; needTarget: boolean }
  let open: Open | undefined
  const indicators: Open[] = []
  let last = h
  let inIndicators = false
  for (let j = h; j < lines.length; j++) {
    const line = lines[j]!
    const text = line.text
    if (isBlank(text) || isPageNumber(text)) continue
    const s = sq(text)
    if (j > first && (s.includes('。') || (s.length > 20 && /[,，]/.test(s)) || (s.length <= 30 && TITLE.test(s)))) break
    last = j
    // Every 二级指标 ends in 指标.
    const ind = text.includes('指标') ? IND_LINE.exec(text) : null
    if (ind) {
      inIndicators = true
      const level2 = ind[1]!
      const name = sq(ind[2] ?? '')
      const target = ind[3] ? sq(ind[3]) : ''
      const start = text.indexOf(ind[2] ?? level2)
      const o: Open = {
        ind: { name, target, ...parseTarget(target), level2, place: placeOf(file, line, start, text.trimEnd().length) },
        weights: [],
        basis: [],
        needTarget: !target,
      }
      if (carry1) o.ind.level1 = carry1
      open = o
      indicators.push(o)
      continue
    }
    if (LEVEL1.test(s) && !open?.needTarget) {
      carry1 = s
      inIndicators = true
      continue
    }
    if (!inIndicators) {
      if (YEAR_LINE.test(s)) continue
      if (TITLE.test(s)) {
        kindByLabel = TITLE.exec(s)![1] === '整体' ? 'department' : 'project'
        continue
      }
      const phone = PHONE.exec(s)
      if (phone && !phoneSeen) {
        phoneSeen = true
        if (phone[1]) table.contact = phone[1]
        table.phone = phone[2]!
        continue
      }
      let any = false
      MONEY_IN_LINE.lastIndex = 0
      for (let m = MONEY_IN_LINE.exec(text); m; m = MONEY_IN_LINE.exec(text)) {
        any = true
        const field = MONEY_LABELS.get(m[1]!)!
        if (field === 'fiscal' || field === 'superior') kindByLabel ??= m[1] === '本级安排' || m[1] === '上级安排' ? 'department' : undefined
        if (table[field]) continue
        const at = m.index + m[0].length - m[2]!.length
        const v = money(file, line, m[2]!, at)
        if (v) table[field] = v
      }
      if (any || /资金|^[()（）\s]*$/.test(s)) continue
      if (!phoneSeen && !table.name) table.name = s
      else if (phoneSeen) goal.push(s)
      continue
    }
    if (!open) continue
    const tOnly = TARGET_ONLY.exec(text)
    if (open.needTarget && tOnly) {
      open.ind.target = sq(tOnly[1]!)
      Object.assign(open.ind, parseTarget(open.ind.target))
      open.needTarget = false
      continue
    }
    if (open.needTarget) {
      open.ind.name += s
      continue
    }
    const w = WEIGHT_LINE.exec(text)
    if (w) {
      open.weights.push({ value: Number(w[1]), line })
      continue
    }
    open.basis.push(s)
  }
  if (goal.length) table.goal = goal.join('')
  if (kindByLabel) table.kind = kindByLabel
  for (const o of indicators) {
    if (o.basis.length) o.ind.basis = o.basis.join('')
    if (o.weights.length === 1) o.ind.weight = o.weights[0]!.value
    else if (o.weights.length > 1) {
      const d: Diagnostic = {
        ruleId: 'parse/target-weight-ambiguous',
        severity: 'warning',
        message: `「${o.ind.name}」的分值权重无法确定：PDF 文本中有 ${o.weights.map((w) => w.value).join('、')} 多个候选 (weight ambiguous in PDF text)`,
        path: ['performance', 'tables', out.tables.length, 'indicators', indicators.indexOf(o)],
      }
      if (o.ind.place) d.place = o.ind.place
      diagnostics.push(d)
    }
    if (o.needTarget) {
      const d: Diagnostic = { ruleId: 'parse/target-value-missing', severity: 'warning', message: `「${o.ind.name}」没有读到指标值 (no target value found)` }
      if (o.ind.place) d.place = o.ind.place
      diagnostics.push(d)
    }
    table.indicators.push(o.ind)
  }
  out.tables.push(table)
  out.ranges.push([h, last])
  return last
}
