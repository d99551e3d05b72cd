import type { Claim, Money } from '../../model/index.ts'
import { THREE_PUBLIC_ROWS } from '../../model/index.ts'
import type { CodeResolver } from './codes.ts'
import type { SectionKind } from './sections.ts'
import type { Para, Source } from './text.ts'
import { CharSet, CLAUSE_MARK, codeAt, SENTENCE_END } from '../chars.ts'
import { firstOf } from './first-of.ts'

/** What the claim reader carries from one paragraph to the next. */
export interface ClaimContext {
  /** The section the next claim belongs to (from the last heading or the last claim that named one). */
  kind: SectionKind
  /** The department's name, stripped from subjects (`…管理局部门收入预算` → `收入预算`). */
  department: string | undefined
  /** The project of the current 项目名称 block (its 预算安排规模 is a claim about it). */
  project: string | undefined
  /** Inside a descriptive field of a project block (资金分配情况 …), which may run over several paragraphs. */
  detail: boolean
  codes: CodeResolver
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
// An amount: a number followed by 万元 or 元, but not a rate per head (`0.53 万元/人`) or a threshold (`50 万元以上`).
const MONEY_G = new RegExp(String.raw`(?<![\d.])(${NUM})(万元|元)(?![/／]|以上|以下|及以上)`, 'g')
// The words before a number that make it a change (`比上年预算增加 0.42 万元`, `因公出国（境）费增加 0.00 万元`).
const CHANGE_BEFORE = /(?:(?:比|较|与|同比)(?:上年|上一年|去年|\d{4}年)?(?:度)?(?:年初)?(?:预算|决算)?(?:数)?(?:相比)?,?)?(增加|减少|增长|下降|降低)$/
const CHANGE_VERBS = new Set(['增加', '减少', '增长', '下降', '降低'])
const CHANGE_VERB_LAST = new CharSet('加少长降低')
const CMP = String.raw`(?:(?:比|较|与|同比)(?:上年|上一年|去年|\d{4}年)?(?:度)?(?:年初)?(?:预算|决算)?(?:数)?(?:相比)?[,，]?)?`
const SHARE_Y = new RegExp(String.raw`[,，]?占(?:[^,，。;；%\d]{0,16}?)(${NUM})%`, 'y')
const CHANGE_Y = new RegExp(String.raw`[,，]?${CMP}(增加|减少|增长|下降|降低)了?(${NUM})(万元|元)`, 'y')
const RATE_Y = new RegExp(String.raw`[,，]?${CMP}(增长|下降|减少|增加|降低|上升)了?(${NUM})%`, 'y')
const PREV_Y = new RegExp(String.raw`[,，]?(?:比|较|与)?(?:上年|上一年|去年|\d{4}年)(?:度)?(?:年初)?(?:预算|决算)(?:数)?(?:为|是)?(${NUM})(万元|元)`, 'y')
const FLAT_Y = /[,，]?(?:与|比|较)?(?:上年|上一年|去年)?(?:预算)?(?:数)?(?:基本)?持平/y
const REASON_Y = /[,，。;；]?(?:其)?(?:主要原因|原因)(?:是|为|系|在于)?[:：]?|[,，。;；]?主要(?:是由于|由于|是因为|因为)/y
const PURPOSE_Y = /[,，]?主要用于[:：]?/y
const CLAUSE_END = /[。;；]/g
const LEADING_PUNCTUATION = new CharSet(',，:：、')
const TRAILING_PUNCTUATION = new CharSet(',，:：')
const QIZHONG_Y = /其中[:：]/y
const NEGATIVE = new Set(['减少', '下降', '降低'])
// What may follow an amount opens with one of these, after at most one mark (REASON_Y allows 。;；, the others ,，):
// each part is tried only where its first character is.
const PART_MARK = new CharSet(',，。;；')
const SHARE_FIRST = new CharSet('占')
const CHANGE_FIRST = new CharSet('比较与同增减下降上')
const PREV_FIRST = new CharSet('比较与上去0123456789')
const FLAT_FIRST = new CharSet('与比较上去预数基持')
const CLAUSE_FIRST = new CharSet('其主原')

const NUMBERING = /^(?:\d+[.、]|[(（]\d+[)）]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/
const NUMBERING_FIRST = new CharSet('0123456789(（一二三四五六七八九十')
const YEAR = /\d{4}年(?:度)?(?:的)?/g
const FILLER_END = /(?:的)?(?:预算数|预算金额|预算安排|金额|数)?(?:为|是|共|达)$/

// A subject that names its own section, whatever section the text is in (seed 001 has no headings).
const SUBJECT_SECTION: [RegExp, SectionKind][] = [
  [/财政拨款收支总?预算/, 'fiscal_summary'],
  [/收支总?预算|收支预算总额/, 'summary'],
  [/^(?:部门)?(?:本年)?收入(?:总)?预算(?:总额|合计|总计)?$/, 'income'],
  [/^(?:部门)?(?:本年)?支出(?:总)?预算(?:总额|合计|总计)?$/, 'expenditure'],
  [/一般公共预算(?:当年)?(?:财政)?拨款(?:合计|总额)$/, 'general_scale'],
  [/\(类\)$|（类）$/, 'general_structure'],
  [/\(项\)$|（项）$/, 'general_detail'],
  [/^一般公共预算基本支出$/, 'general_basic'],
  [/三公/, 'three_public'],
  [/运行经费/, 'operating_costs'],
  [/委托业务费$/, 'entrusted'],
]

const squeezeLabel = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
const THREE_PUBLIC_KEYS: [RegExp, string][] = [
  [/三公”?经费(?:预算)?(?:数)?$/, 'total'],
  ...THREE_PUBLIC_ROWS.filter((r) => r.key !== 'total').map(
    (r): [RegExp, string] => [new RegExp(`^(?:${r.labels.map((l) => squeezeLabel(l).replace(/[()]/g, '\\$&')).join('|')})$`), r.key],
  ),
]

/** Canonical subject keys per section. */
const KEYS: Partial<Record<SectionKind, [RegExp, string][]>> = {
  summary: [[/收支总?预算(?:总额|合计)?$|收支总额$/, 'total']],
  income: [
    [/^(?:部门)?(?:本年)?收入(?:总)?(?:预算)?(?:总额|合计|总计)?$/, 'total'],
    [/^上级一般公共预算.*转移支付/, 'general_transfer'],
    [/^上级政府性基金.*转移支付/, 'gov_fund_transfer'],
    [/^上级国有资本经营预算.*转移支付/, 'state_capital_transfer'],
    [/^一般公共预算(?:拨款)?(?:收入)?$/, 'general'],
    [/^政府性基金预算(?:拨款)?(?:收入)?$/, 'gov_fund'],
    [/^国有资本经营预算(?:拨款)?(?:收入)?$/, 'state_capital'],
    [/^财政专户(?:管理资金|核拨)?(?:收入)?$/, 'special_account'],
    [/^单位资金$/, 'unit'],
    [/^事业收入$/, 'unit.business'],
    [/^事业单位经营收入$/, 'unit.operating'],
    [/^上级补助收入$/, 'unit.superior'],
    [/^附属单位上缴收入$/, 'unit.subordinate'],
    [/^其他收入$/, 'unit.other'],
    [/^上年结转(?:结余)?$/, 'carryover'],
  ],
  expenditure: [
    [/^(?:部门)?(?:本年)?支出(?:总)?(?:预算)?(?:总额|合计|总计)?$/, 'total'],
    [/^基本支出$/, 'basic'],
    [/^项目支出$/, 'project'],
  ],
  fiscal_summary: [
    [/财政拨款收支总?预算(?:总额|合计)?$/, 'total'],
    [/^一般公共预算(?:拨款)?(?:收入)?$/, 'general'],
    [/^政府性基金预算(?:拨款)?(?:收入)?$/, 'gov_fund'],
    [/^国有资本经营预算(?:拨款)?(?:收入)?$/, 'state_capital'],
  ],
  general_scale: [
    [/一般公共预算(?:当年)?(?:财政)?拨款(?:合计|总额)?$/, 'total'],
    [/^基本支出$/, 'basic'],
    [/^项目支出$/, 'project'],
  ],
  general_basic: [
    [/一般公共预算基本支出$|^基本支出$/, 'total'],
    [/^人员经费$/, 'personnel'],
    [/^公用经费$/, 'public'],
  ],
  three_public: THREE_PUBLIC_KEYS,
  entrusted: [[/^委托业务费(?:预算)?$/, 'total']],
  operating_costs: [[/运行经费/, 'total']],
}

// Labelled lines of a 项目 block that describe rather than state (资金分配情况 lists the parts of a sum).
const PROJECT_DETAIL = /^(?:\(?[一二三四五六七八九十\d]+[)、.]?)?(?:设立的政策依据|项目承担单位|项目实施单位|资金分配情况|资金执行时间|实施周期|项目概述)[:：]/
const PROJECT_NAME = /项目名称[:：]([^。;；]+)/
const LABELLED = /^(?:\(?[一二三四五六七八九十\d]+[)、.]?)?[\u4e00-\u9fa5]{2,8}[:：]/
const PROJECT_SCALE = /^(?:\(?[一二三四五六七八九十\d]+[)、.]?)?预算安排规模[:：]/

const LEAD_IN = /^(?:其中|包括|另外|此外)[:：]?/
const LEAD_IN_FIRST = new CharSet('其包另此')
const AFTER_DEPARTMENT = /^(?:部门|单位|本级)/
const QIZHONG = /^(?:其中)[:：]?/
// FILLER_END ends in one of these: a subject ending otherwise keeps its end.
const FILLER_LAST = new CharSet('为是共达')

function cleanSubject(s: string, department: string | undefined): string {
  // Most subjects open with none of what is taken off: the first character tells, before any pattern.
  if (LEAD_IN_FIRST.has(codeAt(s, 0))) s = s.replace(LEAD_IN, '')
  if (department) {
    const k = s.indexOf(department)
    if (k >= 0) s = s.slice(k + department.length).replace(AFTER_DEPARTMENT, '')
  }
  if (s.includes('年')) s = s.replace(YEAR, '')
  if (NUMBERING_FIRST.has(codeAt(s, 0))) s = s.replace(NUMBERING, '')
  if (s.startsWith('其中')) s = s.replace(QIZHONG, '')
  if (FILLER_LAST.has(codeAt(s, s.length - 1))) s = s.replace(FILLER_END, '')
  return s.endsWith('的') ? s.slice(0, -1) : s
}

function lastDelim(t: string, from: number, floor: number): number {
  for (let i = from; i >= floor; i--) if (CLAUSE_MARK.has(t.charCodeAt(i))) return i
  return floor - 1
}

/** May a part whose first characters are `first` (a share, change, …) start at `at`, after at most one mark? */
function mayOpen(first: CharSet, t: string, at: number): boolean {
  const c = codeAt(t, at)
  return first.has(PART_MARK.has(c) ? codeAt(t, at + 1) : c)
}

/** The clause a sticky `re` introduces at `at` (a reason, a purpose): its start and end, or undefined when `re` does not match. */
function clauseAfter(re: RegExp, t: string, at: number): [number, number] | undefined {
  re.lastIndex = at
  if (!re.test(t)) return undefined
  const a = re.lastIndex
  CLAUSE_END.lastIndex = a
  const e = CLAUSE_END.exec(t)
  return [a, e ? e.index : t.length]
}

const sectionOf = firstOf(SUBJECT_SECTION)
const KEY_OF = new Map(Object.entries(KEYS).map(([kind, rules]) => [kind, firstOf(rules)]))
const keyOf = (kind: SectionKind, subject: string): string | undefined => KEY_OF.get(kind)?.(subject)

/** Is this a paragraph the claim reader should leave alone (project details)? Also tracks 项目名称. */
function projectLine(p: Para, ctx: ClaimContext): boolean {
  const name = PROJECT_NAME.exec(p.text)
  if (name) {
    ctx.project = name[1]!
    ctx.detail = false
    return true
  }
  if (PROJECT_DETAIL.test(p.text)) return (ctx.detail = true)
  // A description broken by a PDF line that looked like a table row (002.pdf l.420) goes on until the next label.
  if (ctx.detail && !LABELLED.test(p.text)) return true
  ctx.detail = false
  return false
}

/**
 * Read every amount / share / change / rate statement of one paragraph as claims, one per subject:
 * `一般公共预算 421.63 万元，占 82.69%，比上年预算减少 39.08 万元，下降 8.48%，主要原因是…`.
 * A statement of change alone (`因公出国（境）费增加 0.00 万元，增长 0.00%`) completes the claim
 * on the same subject earlier in the section.
 */
export function readClaims(src: Source, p: Para, ctx: ClaimContext, out: Claim[]): void {
  if (projectLine(p, ctx)) return
  const t = p.text
  const scale = PROJECT_SCALE.test(t)
  let pos = 0
  MONEY_G.lastIndex = 0
  for (let m = MONEY_G.exec(t); m; m = MONEY_G.exec(t)) {
    const at = m.index
    if (at < pos) continue
    const numEnd = at + m[1]!.length
    const unit = m[2] === '元' ? '元' : '万元'
    // Only a number right after 增加/减少/增长/下降/降低 can be a change; test the regex only then.
    const verb = at - 2 >= pos && CHANGE_VERB_LAST.has(t.charCodeAt(at - 1)) && CHANGE_VERBS.has(t.slice(at - 2, at))
    const ch = verb ? CHANGE_BEFORE.exec(t.slice(Math.max(pos, at - 24), at)) : null
    let subjectEnd = at
    let amount: Money | undefined
    let change: Money | undefined
    if (ch) {
      subjectEnd = at - ch[0].length
      const sign = ch[1] === '减少' || ch[1] === '下降' || ch[1] === '降低' ? -1 : 1
      change = src.money(p, at, numEnd, unit, sign)
    } else amount = src.money(p, at, numEnd, unit)
    // The subject: the clause before the number; when that is only `2024 年预算数为`, the clause before it.
    let s = lastDelim(t, subjectEnd - 1, pos) + 1
    let subject = cleanSubject(t.slice(s, subjectEnd), ctx.department)
    if (!subject && s - 1 >= pos && s > 0) {
      const s2 = lastDelim(t, s - 2, pos) + 1
      subject = cleanSubject(t.slice(s2, s - 1), ctx.department)
      s = s2
    }
    if (scale) subject = ctx.project ?? '预算安排规模'
    // The sentence the claim is read from starts after the last full stop before its subject.
    let textStart = s
    while (textStart > pos && !SENTENCE_END.has(t.charCodeAt(textStart - 1))) textStart--
    let cursor = m.index + m[0].length
    const claim: Claim = { section: ctx.kind, subject, text: '' }
    let share, rate, reason, purpose, previous
    for (let progress = true; progress; ) {
      progress = false
      let r: RegExpExecArray | null
      SHARE_Y.lastIndex = cursor
      if (!share && mayOpen(SHARE_FIRST, t, cursor) && (r = SHARE_Y.exec(t))) {
        const a = cursor + r[0].length - r[1]!.length - 1
        share = src.percent(p, a, a + r[1]!.length)
        cursor = SHARE_Y.lastIndex
        progress = true
      }
      CHANGE_Y.lastIndex = cursor
      if (!change && mayOpen(CHANGE_FIRST, t, cursor) && (r = CHANGE_Y.exec(t))) {
        const a = cursor + r[0].length - r[2]!.length - r[3]!.length
        change = src.money(p, a, a + r[2]!.length, r[3] === '元' ? '元' : '万元', NEGATIVE.has(r[1]!) ? -1 : 1)
        cursor = CHANGE_Y.lastIndex
        progress = true
      }
      RATE_Y.lastIndex = cursor
      if (!rate && mayOpen(CHANGE_FIRST, t, cursor) && (r = RATE_Y.exec(t))) {
        const a = cursor + r[0].length - r[2]!.length - 1
        rate = src.percent(p, a, a + r[2]!.length, NEGATIVE.has(r[1]!) ? -1 : 1)
        cursor = RATE_Y.lastIndex
        progress = true
      }
      PREV_Y.lastIndex = cursor
      if (!previous && mayOpen(PREV_FIRST, t, cursor) && (r = PREV_Y.exec(t))) {
        const a = cursor + r[0].length - r[1]!.length - r[2]!.length
        previous = src.money(p, a, a + r[1]!.length, r[2] === '元' ? '元' : '万元')
        cursor = PREV_Y.lastIndex
        progress = true
      }
      FLAT_Y.lastIndex = cursor
      if (!change && !rate && mayOpen(FLAT_FIRST, t, cursor) && (r = FLAT_Y.exec(t))) {
        // 持平 states no change: zero, with 持平 as what was printed.
        const a = cursor + r[0].length - 2
        const place = src.place(p, a, a + 2)
        change = { value: '0.00', fen: 0, raw: '持平', place }
        rate = { value: '0.00', hundredths: 0, raw: '持平', place }
        cursor = FLAT_Y.lastIndex
        progress = true
      }
      let clause: [number, number] | undefined
      if (!reason && mayOpen(CLAUSE_FIRST, t, cursor) && (clause = clauseAfter(REASON_Y, t, cursor))) {
        const [a, b] = clause
        if (b > a) reason = { text: t.slice(a, b), place: src.place(p, a, b) }
        cursor = b
        progress = true
      }
      if (!purpose && mayOpen(CLAUSE_FIRST, t, cursor) && (clause = clauseAfter(PURPOSE_Y, t, cursor))) {
        const [a, b] = clause
        if (b > a) purpose = { text: t.slice(a, b), place: src.place(p, a, b) }
        cursor = b
        progress = true
      }
    }
    if (SENTENCE_END.has(codeAt(t, cursor))) cursor++
    pos = cursor
    if (amount) claim.amount = amount
    if (share) claim.share = share
    if (change) claim.change = change
    if (previous) claim.previous = previous
    if (rate) claim.rate = rate
    if (reason) claim.reason = reason
    if (purpose) claim.purpose = purpose
    while (textStart < cursor && LEADING_PUNCTUATION.has(t.charCodeAt(textStart))) textStart++
    QIZHONG_Y.lastIndex = textStart
    if (QIZHONG_Y.test(t)) textStart += 3
    let textEnd = cursor
    while (textEnd > textStart && TRAILING_PUNCTUATION.has(t.charCodeAt(textEnd - 1))) textEnd--
    claim.text = t.slice(textStart, textEnd)
    claim.place = src.place(p, textStart, textEnd)
    finish(claim, ctx, scale, out)
  }
}

const LEVEL_MARK = /[(（](?:类|款|项)[)）]/

function finish(claim: Claim, ctx: ClaimContext, scale: boolean, out: Claim[]): void {
  const own = scale ? 'general_project' : sectionOf(claim.subject)
  if (own) ctx.kind = own
  claim.section = ctx.kind
  const key = scale ? 'scale' : keyOf(ctx.kind, claim.subject)
  if (key) claim.key = key
  if (LEVEL_MARK.test(claim.subject)) {
    const path = claim.subject.split(LEVEL_MARK).filter(Boolean)
    claim.path = path
    const code = ctx.codes.pathCode(path)
    if (code) claim.code = code
  } else if (!key) {
    const code = ctx.codes.classCode(claim.subject)
    if (code) claim.code = code
  }
  // A statement of change alone completes the earlier claim on the same subject (三公: amounts first, changes after).
  if (!claim.amount) {
    for (let i = out.length - 1; i >= 0 && i >= out.length - 30; i--) {
      const c = out[i]!
      if (c.section !== claim.section) break
      const same = claim.key ? c.key === claim.key : c.subject === claim.subject
      if (!same || c.change || c.rate) continue
      if (claim.change) c.change = claim.change
      if (claim.rate) c.rate = claim.rate
      if (claim.reason && !c.reason) c.reason = claim.reason
      c.text = `${c.text};${claim.text}`
      return
    }
  }
  out.push(claim)
}
