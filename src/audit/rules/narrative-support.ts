import type { Claim, Disclosure, Money, Percent, Place, Row, Table } from '../../model/index.ts'
import { wan } from '../../model/index.ts'
import { functionCodes } from '../../catalog/index.ts'
import { cellOf as figCell, codeValue, columnValue, fenOf, figure, placeOf, rowOf, type ColumnValue, type Figure } from '../figures.ts'

/**
 * Shared support of the narrative, compliance, performance and year-over-year rules: exact
 * decimal arithmetic on fen and hundredths, table-cell lookup with the place of each side, and
 * the meaning (`role`) of each claim of 第三部分. Not a rule itself (the registry lists rules).
 */

/** One cent of 万元 (0.01 万元) in fen. */
export const CENT = 10_000

/** A value on the table side of a comparison: a stated cell, or a sum derived from stated cells. */
export interface Side {
  fen: number
  /** Where the value is printed (the total row for a derived sum, when there is one). */
  place?: Place | undefined
  /** Path in the model: ['tables', key, 'rows', rowKey, column]. */
  path: (string | number)[]
  /** Human label: `部门收支总体情况表 收入总计`. */
  label: string
  /** Set when the value is not printed but summed from `addends` printed cells (or blank = 0). */
  derived?: { addends: number } | undefined
}

/** Format fen as 万元 with two decimals at least. */
export const yuan = (fen: number): string => wan(fen)

/** Signed difference as `+0.01` / `-0.01`. */
export const signed = (fen: number): string => (fen > 0 ? '+' : '') + wan(fen)

/** Cents (0.01 万元) in a fen amount, rounded toward zero. */
export const cents = (fen: number): number => Math.trunc(Math.abs(fen) / CENT)

/** Divide and round half away from zero, on BigInt. */
export function roundDiv(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new Error('division by zero')
  if (den < 0n) (num = -num), (den = -den)
  const neg = num < 0n
  const a = neg ? -num : num
  const q = (2n * a + den) / (2n * den)
  return neg ? -q : q
}

/** `part ÷ whole × 100` in hundredths of a percent, correctly rounded (half away from zero) to `step` hundredths. */
export function shareHundredths(part: number, whole: number, step = 1): number {
  return Number(roundDiv(BigInt(part) * 10000n, BigInt(whole) * BigInt(step))) * step
}

/** The last printed digit of a percentage in hundredths: 1 for `82.69`, 10 for `82.7`, 100 for `83`. */
export function percentStep(p: Percent): number {
  const dec = /\.(\d+)/.exec(p.value)?.[1]?.length ?? 0
  return 10 ** (2 - Math.min(dec, 2))
}

/** Format hundredths of a percent: 8269 → `82.69%`. */
export function pct(h: number | bigint): string {
  const n = BigInt(h)
  const neg = n < 0n
  const a = neg ? -n : n
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}%`
}

/** Half of the last printed digit of a money figure, in fen (0.005 万元 for `12.34`). */
export function halfUlp(m: Money): number {
  const dec = /\.(\d+)/.exec(m.value)?.[1]?.length ?? 0
  return Math.max(1, Math.floor(10 ** (6 - Math.min(dec, 6)) / 2))
}

/** A rational number `n / d` with d > 0. */
interface Q {
  n: bigint
  d: bigint
}
const cmpQ = (a: Q, b: Q): number => {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

/** What a stated rate is, compared with the change and current amount it derives from. */
export type RateCheck =
  | { kind: 'exact'; expected: number }
  | { kind: 'rounding'; expected: number }
  | { kind: 'wrong'; expected: number }
  /** Last year's amount is zero (or within rounding of it): the rate is undefined. */
  | { kind: 'undefined' }

/**
 * Check `rate` (hundredths of a percent, printed to `step` hundredths) against change `x` and
 * current amount `c` (fen): the rate is x ÷ (c − x). Exact when it equals the correctly rounded
 * value; `rounding` when some inputs within ±half a printed digit (`hx`, `hc`) give it; otherwise wrong.
 */
export function checkRate(x: number, c: number, rate: number, hx: number, hc: number, step = 1): RateCheck {
  const prior = c - x
  if (prior === 0 || Math.abs(prior) <= hx + hc) return { kind: 'undefined' }
  const expected = Number(roundDiv(BigInt(x) * 10000n, BigInt(prior) * BigInt(step))) * step
  if (expected === rate) return { kind: 'exact', expected }
  // The rate as a function of (x, c) is monotone in each variable on the box (c − x keeps its
  // sign there), so its range is spanned by the four corners.
  const corners: Q[] = []
  for (const dx of [-hx, hx])
    for (const dc of [-hc, hc]) {
      const xx = BigInt(x + dx)
      const pp = BigInt(c + dc - (x + dx))
      const q = pp < 0n ? { n: -xx * 10000n, d: -pp } : { n: xx * 10000n, d: pp }
      corners.push(q)
    }
  const lo = corners.reduce((a, b) => (cmpQ(a, b) <= 0 ? a : b))
  const hi = corners.reduce((a, b) => (cmpQ(a, b) >= 0 ? a : b))
  // The printed rate stands for [rate − step/2, rate + step/2] hundredths.
  const rLo: Q = { n: BigInt(rate) * 2n - BigInt(step), d: 2n }
  const rHi: Q = { n: BigInt(rate) * 2n + BigInt(step), d: 2n }
  if (cmpQ(rHi, lo) >= 0 && cmpQ(rLo, hi) <= 0) return { kind: 'rounding', expected }
  return { kind: 'wrong', expected }
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Standard table titles for messages. */
export const TABLE_TITLES: Record<string, string> = {
  summary: '部门收支总体情况表',
  income: '部门收入总体情况表',
  expenditure: '部门支出总体情况表',
  fiscal_summary: '财政拨款收支预算总体情况表',
  general_expenditure: '一般公共预算支出情况表',
  general_basic: '一般公共预算基本支出情况表',
  general_project: '一般公共预算项目支出情况表',
  gov_fund: '政府性基金预算支出情况表',
  state_capital: '国有资本经营预算支出情况表',
  three_public: '财政拨款“三公”经费支出情况表',
  entrusted: '财政拨款委托业务费支出情况表',
  carryover: '上年结转结余情况表',
}

/** The first table with this key. */
export const tableOf = (d: Disclosure, key: string): Table | undefined => d.tables.find((t) => t.key === key)

const titleOf = (t: Table): string => TABLE_TITLES[t.key] ?? t.title ?? t.key

/** A value of figures.ts as a side: stated cell, blank read as zero, or a sum of printed rows. */
function toSide(t: Table, rowKey: string, column: string, v: ColumnValue | undefined, what: string): Side | undefined {
  if (!v) return undefined
  if (v.stated) {
    const f = v.stated
    const row = f.row
    return {
      fen: f.fen,
      place: placeOf(f),
      path: ['tables', t.key, 'rows', row?.key ?? rowKey, column],
      label: `${titleOf(t)}「${row ? row.label || row.key : what}」`,
      derived: f.cell ? undefined : { addends: 0 },
    }
  }
  if (v.partial) return undefined
  const total = t.rows.find((r) => r.key === rowKey)
  return {
    fen: fenOf(v),
    place: total?.place ?? v.parts[0]?.cell?.place ?? t.place,
    path: ['tables', t.key, 'rows', rowKey, column],
    label: `${titleOf(t)}「${what}」（未列示，由 ${v.parts.length} 行相加）`,
    derived: { addends: v.parts.length },
  }
}

/** A printed cell (not derived, not blank). */
export function cellOf(d: Disclosure, tableKey: string, rowKey: string, column: string): Side | undefined {
  const t = tableOf(d, tableKey)
  const row = rowOf(t, rowKey)
  const cell = figCell(row, column)
  if (!t || !row || !cell) return undefined
  return { fen: cell.fen, place: cell.place ?? row.place, path: ['tables', t.key, 'rows', row.key, column], label: `${titleOf(t)}「${row.label || row.key}」` }
}

/** A cell read as figures.ts reads it: stated, or a blank that means zero; undefined when unknown. */
export function figureOf(d: Disclosure, tableKey: string, rowKey: string, column: string): Side | undefined {
  const t = tableOf(d, tableKey)
  if (!t) return undefined
  const f = figure(t, rowOf(t, rowKey), column)
  return f ? toSide(t, rowKey, column, { stated: f, parts: [], partial: false }, rowKey) : undefined
}

/** The total of a column: the 合计 row, else the sum of the top-level rows; an empty table is zero. */
export function totalOf(d: Disclosure, tableKey: string, column: string): Side | undefined {
  const t = tableOf(d, tableKey)
  if (!t) return undefined
  return toSide(t, 'total', column, columnValue(t, column), '合计')
}

/** A code's value: its row, else the sum of the rows under it. */
export function codeOf(d: Disclosure, tableKey: string, code: string, column: string): Side | undefined {
  const t = tableOf(d, tableKey)
  if (!t) return undefined
  return toSide(t, code, column, codeValue(t, code, column), code)
}

/** Sum of some rows of a two-sided table (class lines of 表1 when 支出总计 is lost). */
function sumLines(d: Disclosure, tableKey: string, column: string, pick: (r: Row) => boolean, rowKey: string, what: string): Side | undefined {
  const t = tableOf(d, tableKey)
  if (!t) return undefined
  const parts: Figure[] = []
  for (const r of t.rows.filter(pick)) {
    const f = figure(t, r, column)
    if (f?.cell) parts.push(f)
  }
  if (parts.length === 0) return undefined
  return toSide(t, rowKey, column, { parts, partial: false }, what)
}

/** Class rows (`exp.201`) of a two-sided table. */
export const isClassLine = (r: Row): boolean => /^exp\.\d{3}$/.test(r.key)

/**
 * Compare a stated narrative figure with its table side. Returns undefined when they agree, or
 * the difference and whether it is within rounding (one cent per addend of a derived sum, or the
 * narrative's own rounding of a more precise cell).
 */
export function compareMoney(m: Money, side: Side): { diff: number; rounding: boolean } | undefined {
  const diff = m.fen - side.fen
  if (diff === 0) return undefined
  // A table in 元 is more precise than the narrative's 0.01 万元: correct rounding is agreement.
  if (Math.abs(diff) * 2 <= CENT && side.fen % CENT !== 0) return undefined
  // The narrative rounds to fewer decimals than the table (whole 万元): a rounding note.
  if (Math.abs(diff) <= halfUlp(m) && halfUlp(m) > CENT / 2) return { diff, rounding: true }
  const addends = side.derived?.addends ?? 0
  return { diff, rounding: addends > 1 && Math.abs(diff) <= addends * CENT }
}

// ---------------------------------------------------------------------------------------------
// Claims

/** Subject as compared: whitespace removed, brackets half-width, list numbering dropped. */
export function norm(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”"]/g, '"')
    .replace(/^(?:\d+[、.．]|\(\d+\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/, '')
}

/** The statement group a claim belongs to. */
export type Group =
  | 'overall' // 收支预算总体
  | 'income' // 收入预算
  | 'expenditure' // 支出预算
  | 'fiscal' // 财政拨款收支总体
  | 'general' // 一般公共预算当年拨款 (规模变化, 结构, 具体使用)
  | 'basic' // 一般公共预算基本支出
  | 'project' // 一般公共预算项目支出
  | 'gov_fund'
  | 'state_capital'
  | 'three_public'
  | 'entrusted'
  | 'carryover'
  | 'other'

/** A claim with its index in `disclosure.claims` and what it states. */
export interface Classified {
  claim: Claim
  index: number
  /** Path of the claim in the model: ['claims', i], or ['operatingCosts']. */
  path: (string | number)[]
  group: Group
  /**
   * What the figures are about, as a stable key: `overall.total`, `income.total`,
   * `income:inc.general`, `expenditure.basic`, `fiscal.class:201`, `general.item:2010301`,
   * `basic.personnel`, `project:<name>`, `three_public:vehicles.operation`, `entrusted.total`, …;
   * undefined when not recognised (such claims are not checked).
   */
  role?: string | undefined
  /** Function code for class and item roles. */
  code?: string | undefined
}

const SECTION_GROUPS: [RegExp, Group][] = [
  [/委托/, 'entrusted'],
  [/三公/, 'three_public'],
  [/结转/, 'carryover'],
  [/基金/, 'gov_fund'],
  [/国有资本/, 'state_capital'],
  [/basic|基本支出/, 'basic'],
  [/project|项目支出/, 'project'],
  [/fiscal|财政拨款收支/, 'fiscal'],
  [/general|当年拨款/, 'general'],
  [/income|收入预算/, 'income'],
  [/expenditure|支出预算/, 'expenditure'],
  [/overview|overall|总体/, 'overall'],
  [/other|运行|采购|资产|绩效/, 'other'],
]

/** The parser's section kinds (src/parse/narrative/sections.ts) as statement groups. */
const KIND_GROUPS: Record<string, Group> = {
  summary: 'overall',
  income: 'income',
  expenditure: 'expenditure',
  fiscal_summary: 'fiscal',
  general_scale: 'general',
  general_structure: 'general',
  general_detail: 'general',
  general_basic: 'basic',
  general_project: 'project',
  gov_fund: 'gov_fund',
  state_capital: 'state_capital',
  three_public: 'three_public',
  entrusted: 'entrusted',
  carryover: 'carryover',
  operating_costs: 'other',
  procurement: 'other',
  assets: 'other',
  performance: 'other',
  other: 'other',
}

/** The group a section kind (whatever the parser calls it) stands for. */
export function groupOfSection(section: string): Group | undefined {
  const known = KIND_GROUPS[section]
  if (known) return known
  for (const [re, g] of SECTION_GROUPS) if (re.test(section)) return g
  return undefined
}

/** Income keys of the parser (`general`, `unit`, `general_transfer`) as 表1 line keys. */
const INCOME_KEYS: Record<string, string> = {
  general: 'inc.general',
  gov_fund: 'inc.gov_fund',
  state_capital: 'inc.state_capital',
  special_account: 'inc.special_account',
  unit: 'inc.unit',
  carryover: 'inc.carryover',
  general_transfer: 'inc.general.transfer',
  gov_fund_transfer: 'inc.gov_fund.transfer',
  state_capital_transfer: 'inc.state_capital.transfer',
}

/** The role of a claim from the parser's section and subject key, where it gave one. */
function roleFromKey(section: string, key: string | undefined, code: string | undefined, subject: string): string | undefined {
  switch (section) {
    case 'summary':
      return key === 'total' ? 'overall.total' : undefined
    case 'income':
      return key === 'total' ? 'income.total' : key && INCOME_KEYS[key] ? `income:${INCOME_KEYS[key]}` : undefined
    case 'expenditure':
      return key === 'total' ? 'expenditure.total' : key === 'basic' ? 'expenditure.basic' : key === 'project' ? 'expenditure.project' : undefined
    case 'fiscal_summary':
      if (key === 'total') return 'fiscal.total'
      if (key === 'general' || key === 'gov_fund' || key === 'state_capital') return `fiscal:inc.fiscal.${key}`
      return code?.length === 3 ? `fiscal.class:${code}` : undefined
    case 'general_scale':
      return key === 'total' ? 'general.total' : key === 'basic' ? 'general.basic' : key === 'project' ? 'general.project' : undefined
    case 'general_structure':
      return code?.length === 3 ? `general.class:${code}` : undefined
    case 'general_detail':
      // A 项 the tables do not print has no code (seed 003 l.516 科学技术支出 0.00): keyed by its names.
      return code && code.length >= 5 ? `general.item:${code}` : /\(项\)/.test(norm(subject)) ? `general.item:name:${norm(subject)}` : undefined
    case 'general_basic':
      return key === 'total' ? 'basic.total' : key === 'personnel' ? 'basic.personnel' : key === 'public' ? 'basic.public' : undefined
    case 'general_project':
      return key === 'scale' ? `project:${norm(subject)}` : undefined
    case 'three_public':
      return key === 'total' ? 'three_public.total' : key ? `three_public:${key}` : undefined
    case 'entrusted':
      return key === 'total' ? 'entrusted.total' : undefined
    case 'operating_costs':
      return key === 'total' ? 'operating' : undefined
    default:
      return undefined
  }
}

const INCOME_SOURCES: [RegExp, string][] = [
  [/^一般公共预算(?:拨款)?(?:收入)?$/, 'inc.general'],
  [/^政府性基金(?:预算)?(?:拨款)?(?:收入)?$/, 'inc.gov_fund'],
  [/^国有资本经营(?:预算)?(?:拨款)?(?:收入)?$/, 'inc.state_capital'],
  [/^财政专户(?:核拨|管理资金)?(?:收入)?$/, 'inc.special_account'],
  [/^单位资金$/, 'inc.unit'],
  [/^事业收入$/, 'inc.unit.business'],
  [/^上级补助收入$/, 'inc.unit.superior'],
  [/^附属单位上缴收入$/, 'inc.unit.subordinate'],
  [/^事业单位经营收入$/, 'inc.unit.operating'],
  [/^其他收入$/, 'inc.unit.other'],
  [/^上年结转(?:结余)?$/, 'inc.carryover'],
]

const THREE_PUBLIC: [RegExp, string][] = [
  [/三公/, 'total'],
  [/因公出国/, 'overseas'],
  [/公务用车购置及运行/, 'vehicles'],
  [/公务用车购置/, 'vehicles.purchase'],
  [/公务用车运行/, 'vehicles.operation'],
  [/公务接待/, 'reception'],
]

/** The name of a 类 without the `(类)` mark. */
const className = (s: string): string => s.replace(/\(类\)$/, '')

/** Resolve a class code by name from the tables (class rows and their labels). */
function classCode(d: Disclosure, name: string): string | undefined {
  for (const t of d.tables) {
    for (const r of t.rows) {
      const code = r.code ?? (/^exp\.(\d{3})$/.exec(r.key)?.[1] ?? (/^\d{3}$/.test(r.key) ? r.key : undefined))
      if (code && code.length === 3 && norm(r.label) === name) return code
    }
  }
  return catalogClass(name)
}

let classByName: Map<string, string> | undefined

/** 类 codes by name from the function catalog, complete at 类 level (src/catalog). */
function catalogClass(name: string): string | undefined {
  if (!classByName) {
    classByName = new Map()
    for (const e of functionCodes().entries) if (e.level === '类' && !classByName.has(norm(e.name))) classByName.set(norm(e.name), e.code)
  }
  return classByName.get(name)
}

/**
 * Resolve the 项 code of `X(类)Y(款)Z(项)` from the rows of 一般公共预算支出情况表 (or 部门支出总体情况表):
 * the 项 row named Z under a 款 named Y.
 */
function itemCode(d: Disclosure, subject: string): string | undefined {
  const m = /^(.*?)\(类\)(.*?)\(款\)(.*?)\(项\)/.exec(subject)
  if (!m) return undefined
  const [, , kuan, xiang] = m as unknown as [string, string, string, string]
  for (const key of ['general_expenditure', 'expenditure', 'income']) {
    const t = tableOf(d, key)
    if (!t) continue
    const byCode = new Map(t.rows.map((r) => [r.key, r]))
    for (const r of t.rows) {
      if (!/^\d{7}$/.test(r.key) || norm(r.label) !== xiang) continue
      const k = byCode.get(r.key.slice(0, 5))
      if (k && norm(k.label) !== kuan) continue
      return r.key
    }
  }
  return undefined
}

const classified = new WeakMap<Disclosure, Classified[]>()

/** Claims with a role, in document order (computed once per disclosure object; rules do not change the model). */
export function classify(d: Disclosure): Classified[] {
  const cached = classified.get(d)
  if (cached) return cached
  const out = classifyClaims(d)
  classified.set(d, out)
  return out
}

function classifyClaims(d: Disclosure): Classified[] {
  const out: Classified[] = []
  let context: Group = 'overall'
  let projectName: string | undefined
  d.claims.forEach((claim, index) => {
    const s = norm(claim.subject)
    const fromSection = groupOfSection(claim.section)
    let group: Group = fromSection ?? context
    let role: string | undefined
    let code: string | undefined = claim.code
    const keyed = roleFromKey(claim.section, claim.key, claim.code, claim.subject)
    if (keyed) {
      role = keyed
      if (role.startsWith('general.class:') || role.startsWith('fiscal.class:') || role.startsWith('general.item:')) code = role.slice(role.indexOf(':') + 1)
      if (role === 'operating') group = 'other'
    }
    // Totals open a group (seed 001 prints no section headings, so the totals are the context).
    if (keyed) {
      // The parser's key decides.
    } else if (/财政拨款收支总预算$/.test(s)) (group = 'fiscal'), (role = 'fiscal.total')
    else if (/收支总预算$/.test(s)) (group = 'overall'), (role = 'overall.total')
    else if (/一般公共预算基本支出$/.test(s)) (group = 'basic'), (role = 'basic.total')
    else if (/一般公共预算(?:当年)?拨款(?:合计)?$/.test(s) && /合计|当年/.test(s + claim.text.slice(0, 40)) && !/收入预算包括/.test(claim.text))
      (group = 'general'), (role = 'general.total')
    else if (/收入预算$/.test(s) && !/财政拨款/.test(s)) (group = 'income'), (role = 'income.total')
    else if (/支出预算$/.test(s) && !/一般公共预算|财政拨款|政府性基金|国有资本/.test(s)) (group = 'expenditure'), (role = 'expenditure.total')
    else if (/三公/.test(s)) (group = 'three_public'), (role = 'three_public.total')
    else if (/委托业务费$/.test(s)) {
      group = 'entrusted'
      const name = s.replace(/委托业务费$/, '')
      role = name === '' || /^\d{4}年$/.test(name) ? 'entrusted.total' : `entrusted:${name}`
    } else if (/(?:机关|单位|事业单位)运行经费/.test(s)) (group = 'other'), (role = 'operating')
    else if (group === 'gov_fund' && /政府性基金(?:预算)?(?:拨款)?(?:安排的)?支出(?:预算)?$/.test(s)) role = 'gov_fund.total'
    else if (group === 'state_capital' && /国有资本经营(?:预算)?(?:拨款)?(?:安排的)?支出(?:预算)?$/.test(s)) role = 'state_capital.total'
    else if (group === 'carryover' && /结转结余(?:预算)?(?:安排的)?(?:支出)?$/.test(s)) role = 'carryover.total'
    else if (/^人员经费$/.test(s)) (group = 'basic'), (role = 'basic.personnel')
    else if (/^公用经费$/.test(s)) (group = 'basic'), (role = 'basic.public')
    else if (/^基本支出$/.test(s)) role = group === 'general' || group === 'fiscal' ? 'general.basic' : group === 'expenditure' ? 'expenditure.basic' : undefined
    else if (/^项目支出$/.test(s)) role = group === 'general' || group === 'fiscal' ? 'general.project' : group === 'expenditure' ? 'expenditure.project' : undefined
    else if (/\(项\)/.test(s) || (claim.code?.length === 7 && group === 'general')) {
      group = 'general'
      code = claim.code ?? itemCode(d, s)
      role = code ? `general.item:${code}` : undefined
    } else if (/预算安排规模|项目名称/.test(s) || group === 'project') {
      group = 'project'
      const named = /项目名称[:：]?(.+?)(?:设立|预算安排|$)/.exec(claim.text)?.[1]
      if (named) projectName = norm(named)
      const own = /预算安排规模/.test(s) ? projectName : s
      role = own ? `project:${own}` : undefined
    } else if (group === 'three_public') {
      const hit = THREE_PUBLIC.find(([re]) => re.test(s))
      role = hit ? `three_public:${hit[1]}` : undefined
    } else if (/支出(?:\(类\))?$/.test(s) && classCode(d, className(s))) {
      code = claim.code?.slice(0, 3) ?? classCode(d, className(s))
      if (group === 'fiscal') role = `fiscal.class:${code}`
      else if (group === 'general') role = `general.class:${code}`
      else if (group === 'overall' || group === 'expenditure') role = `expenditure.class:${code}`
    } else {
      const src = INCOME_SOURCES.find(([re]) => re.test(s))
      if (src) {
        if (group === 'fiscal') role = src[1] === 'inc.general' ? 'fiscal:inc.fiscal.general' : src[1] === 'inc.gov_fund' ? 'fiscal:inc.fiscal.gov_fund' : src[1] === 'inc.state_capital' ? 'fiscal:inc.fiscal.state_capital' : undefined
        else if (group === 'income' || group === 'overall') (group = 'income'), (role = `income:${src[1]}`)
      }
    }
    if (!fromSection || role?.endsWith('.total')) context = group
    out.push({ claim, index, path: ['claims', index], group, role, code })
  })
  // 机关运行经费 has a field of its own; check it once, whether or not it is also among the claims.
  const op = d.operatingCosts
  if (op && !out.some((c) => c.role === 'operating' && samePlace(c.claim, op)))
    out.push({ claim: op, index: -1, path: ['operatingCosts'], group: 'other', role: 'operating' })
  return out
}

const samePlace = (a: Claim, b: Claim): boolean =>
  a === b ||
  (a.text === b.text && a.amount?.fen === b.amount?.fen) ||
  (!!a.place && !!b.place && a.place.start.line === b.place.start.line && a.place.start.column === b.place.start.column)

/** The place to report a claim's figure at: the figure itself, else the sentence. */
export function placeOfClaim(c: Claim, part: 'amount' | 'share' | 'change' | 'rate' = 'amount'): Place | undefined {
  return c[part]?.place ?? c.place
}

/** Table side of a role: the cell the narrative restates, with its derivations when not printed. */
export function sideOf(d: Disclosure, role: string): Side | undefined {
  const colon = role.indexOf(':')
  const head = colon < 0 ? role : role.slice(0, colon)
  const arg = colon < 0 ? '' : role.slice(colon + 1)
  switch (head) {
    case 'overall.total':
    case 'income.total':
      return (
        cellOf(d, 'summary', 'inc.total', 'amount') ??
        cellOf(d, 'summary', 'exp.total', 'amount') ??
        cellOf(d, 'income', 'total', 'total') ??
        cellOf(d, 'expenditure', 'total', 'total') ??
        sumLines(d, 'summary', 'amount', isClassLine, 'exp.total', '支出总计')
      )
    case 'expenditure.total':
      return (
        cellOf(d, 'summary', 'exp.total', 'amount') ??
        cellOf(d, 'expenditure', 'total', 'total') ??
        cellOf(d, 'summary', 'inc.total', 'amount') ??
        sumLines(d, 'summary', 'amount', isClassLine, 'exp.total', '支出总计')
      )
    case 'income':
      return incomeLine(d, arg)
    case 'expenditure.basic':
      return totalOf(d, 'expenditure', 'basic')
    case 'expenditure.project':
      return totalOf(d, 'expenditure', 'project')
    case 'expenditure.class':
      return cellOf(d, 'summary', `exp.${arg}`, 'amount') ?? codeOf(d, 'expenditure', arg, 'total')
    case 'fiscal.total':
      return (
        cellOf(d, 'fiscal_summary', 'inc.total', 'total') ??
        cellOf(d, 'fiscal_summary', 'exp.total', 'total') ??
        cellOf(d, 'fiscal_summary', 'inc.fiscal', 'total') ??
        sumLines(d, 'fiscal_summary', 'total', isClassLine, 'exp.total', '支出总计')
      )
    case 'fiscal':
      return cellOf(d, 'fiscal_summary', arg, 'total') ?? (arg === 'inc.fiscal.general' ? generalTotal(d) : figureOf(d, 'fiscal_summary', arg, 'total'))
    case 'fiscal.class':
      // 四、财政拨款收支总体 restates 表4's 一般公共预算 column; 五 (结构) restates 表5.
      return cellOf(d, 'fiscal_summary', `exp.${arg}`, 'general') ?? codeOf(d, 'general_expenditure', arg, 'total')
    case 'general.class':
      return codeOf(d, 'general_expenditure', arg, 'total') ?? cellOf(d, 'fiscal_summary', `exp.${arg}`, 'general')
    case 'general.total':
      return generalTotal(d)
    case 'general.basic':
      return totalOf(d, 'general_expenditure', 'basic')
    case 'general.project':
      return totalOf(d, 'general_expenditure', 'project') ?? totalOf(d, 'general_project', 'total')
    case 'general.item':
      return itemSide(d, arg)
    case 'basic.total':
      return totalOf(d, 'general_basic', 'total')
    case 'basic.personnel':
      return totalOf(d, 'general_basic', 'personnel')
    case 'basic.public':
      return totalOf(d, 'general_basic', 'public')
    case 'project':
      return projectSide(d, arg)
    case 'three_public.total':
      return cellOf(d, 'three_public', 'total', 'total') ?? threePublicSum(d)
    case 'three_public':
      if (arg === 'vehicles') return cellOf(d, 'three_public', 'vehicles', 'total') ?? sumLines(d, 'three_public', 'total', (r) => r.key.startsWith('vehicles.'), 'vehicles', '公务用车购置及运行费')
      return figureOf(d, 'three_public', arg, 'total') ?? (tableOf(d, 'three_public')?.empty ? emptyZero(d, 'three_public', arg) : undefined)
    case 'entrusted.total':
      return totalOf(d, 'entrusted', 'total')
    case 'gov_fund.total':
      return totalOf(d, 'gov_fund', 'total')
    case 'state_capital.total':
      return totalOf(d, 'state_capital', 'total')
    case 'carryover.total':
      return totalOf(d, 'carryover', 'total')
    case 'entrusted': {
      const t = tableOf(d, 'entrusted')
      const row = t?.rows.find((r) => r.key.startsWith('project:') && (norm(r.key.slice(8)) === arg || arg.includes(norm(r.key.slice(8)))))
      return row ? cellOf(d, 'entrusted', row.key, 'total') : undefined
    }
    default:
      return undefined
  }
}

/** A row of an empty table (the table prints no number at all): zero. */
function emptyZero(d: Disclosure, tableKey: string, rowKey: string): Side | undefined {
  const t = tableOf(d, tableKey)
  if (!t) return undefined
  return { fen: 0, place: t.place, path: ['tables', t.key, 'rows', rowKey, 'total'], label: `${titleOf(t)}（空表）`, derived: { addends: 0 } }
}

/** 三公 合计 when not printed: 出国 + 接待 + 车辆 (小计, else 购置 + 运行). */
function threePublicSum(d: Disclosure): Side | undefined {
  const t = tableOf(d, 'three_public')
  if (!t) return undefined
  if (t.empty || t.rows.every((r) => !r.cells.some((c) => !c.derived))) return emptyZero(d, 'three_public', 'total')
  const hasVehicles = !!figCell(rowOf(t, 'vehicles'), 'total')
  return sumLines(d, 'three_public', 'total', (r) => ['overseas', 'reception'].includes(r.key) || (hasVehicles ? r.key === 'vehicles' : r.key.startsWith('vehicles.')), 'total', '合计')
}

function generalTotal(d: Disclosure): Side | undefined {
  return (
    cellOf(d, 'general_expenditure', 'total', 'total') ??
    cellOf(d, 'fiscal_summary', 'exp.total', 'general') ??
    totalOf(d, 'general_expenditure', 'total')
  )
}

function incomeLine(d: Disclosure, key: string): Side | undefined {
  const own = cellOf(d, 'summary', key, 'amount')
  if (own) return own
  const t = tableOf(d, 'summary')
  if (!t) return undefined
  // A heading line lost with its number: the sum of its 其中 lines (seed 001 prints only 其中：一般财力 421.63).
  const depth = key.split('.').length + 1
  const children = (r: Row): boolean => r.key.startsWith(key + '.') && r.key.split('.').length === depth
  const summed = sumLines(d, 'summary', 'amount', children, key, key)
  if (summed) return summed
  // A printed line with a blank amount is zero.
  const row = rowOf(t, key)
  if (row) return { fen: 0, place: row.place, path: ['tables', 'summary', 'rows', key, 'amount'], label: `${titleOf(t)}「${row.label}」（空白）`, derived: { addends: 0 } }
  return undefined
}

function itemSide(d: Disclosure, code: string): Side | undefined {
  const t = tableOf(d, 'general_expenditure')
  if (!t) return undefined
  if (code.startsWith('name:')) {
    // Unresolved names: zero when the table prints nothing of its 类 at all, else unknown.
    const cls = classCode(d, className(/^(.*?)\(类\)/.exec(code.slice(5))?.[1] ?? ''))
    if (!cls || t.rows.length === 0 || t.rows.some((r) => r.key.startsWith(cls))) return undefined
    return { fen: 0, place: t.place, path: ['tables', t.key, 'rows', cls, 'total'], label: `${titleOf(t)}（无 ${cls} 类）`, derived: { addends: 0 } }
  }
  const s = codeOf(d, 'general_expenditure', code, 'total')
  if (s) return s
  // A 项 the table does not print at all is zero this year (seed 003 l.516: 科学技术支出 0.00 万元).
  if (t.rows.length > 0 && !t.rows.some((r) => r.key.startsWith(code.slice(0, 5))))
    return { fen: 0, place: t.place, path: ['tables', t.key, 'rows', code, 'total'], label: `${titleOf(t)}（无 ${code} 行）`, derived: { addends: 0 } }
  return undefined
}

function projectSide(d: Disclosure, name: string): Side | undefined {
  const t = tableOf(d, 'general_project')
  if (!t) return undefined
  const row = t.rows.find((r) => r.key.includes('/') && norm(r.key.slice(r.key.indexOf('/') + 1)) === name)
  return row ? cellOf(d, 'general_project', row.key, 'total') : undefined
}

/** `related` entry of a report for a table side. */
export function relatedOf(side: Side): { message: string; place?: Place | undefined; path: (string | number)[] } {
  return { message: `${side.label}：${yuan(side.fen)}`, place: side.place, path: side.path }
}
