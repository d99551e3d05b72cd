import type { Disclosure, Staffing } from '../../model/index.ts'
import type { Para, Source } from './text.ts'

type Overview = Disclosure['overview']
type Text = NonNullable<Overview['functions']>

const FUNCTIONS_HEAD = /主要职能|部门职责|职能职责|主要职责/
const ORG_HEAD = /机构设置|人员情况|机构情况|部门构成|单位构成/
const ORG_TEXT = /下设|内设|下属|预算单位|所属单位|机构设置/
const STAFF_TEXT = /编制数|实有人数|在职人员|人员编制/
const COVER = /部门预算(?:公开)?$|部门决算(?:公开)?$|目录|^第[一二三四]部分/
const UNITS_INTRO = /(?:预算单位|所属单位|下属单位)(?:包括|有|为)[:：]?(.*)$/
const LIST_ITEM = /^(?:\d+[.、]|[(（]\d+[)）])(.+?)[。;；]?$/

/** A text from paragraphs joined by newlines, placed from the first character to the last. */
function joined(src: Source, ps: Para[]): Text | undefined {
  const first = ps[0]
  const last = ps.at(-1)
  if (!first || !last) return undefined
  const a = src.place(first, 0, 1)
  const b = src.place(last, last.text.length - 1, last.text.length)
  const place = a.end && b.end ? { ...a, end: b.end } : a
  return { value: ps.map((p) => p.text).join('\n'), place }
}

// 在职 9 人，增加 0 人；退休 1 人，增加 0 人；离休 0 人，增加 0 人
const STAFF = [
  ['authorized', /编制(?:数|人数)?(?:为)?(\d+)(?:人|名)?/],
  ['actual', /实有(?:人数|人员)?(?:为)?(\d+)(?:人|名)?/],
] as const
const STAFF_CHANGE = [
  ['active', 'activeIncrease', /在职(?:人员)?(\d+)(?:人|名)(?:[,，]?(增加|减少)(\d+)(?:人|名))?/],
  ['retired', 'retiredIncrease', /退休(?:人员)?(\d+)(?:人|名)(?:[,，]?(增加|减少)(\d+)(?:人|名))?/],
  ['honoraryRetired', 'honoraryRetiredIncrease', /离休(?:人员)?(\d+)(?:人|名)(?:[,，]?(增加|减少)(\d+)(?:人|名))?/],
] as const

function readStaffing(src: Source, p: Para): Staffing {
  const s: Staffing = {}
  const t = p.text
  const count = (value: number, a: number, len: number) => ({ value, place: src.place(p, a, a + len) })
  for (const [field, re] of STAFF) {
    const m = re.exec(t)
    if (m) s[field] = count(Number(m[1]), m.index + m[0].indexOf(m[1]!, m[0].search(/\d/)), m[1]!.length)
  }
  for (const [field, inc, re] of STAFF_CHANGE) {
    // 离休 is inside 退休 nowhere, but 退休 is inside 离退休: match 退休 not after 离.
    const m = field === 'retired' ? new RegExp(`(?<!离)${re.source}`).exec(t) : re.exec(t)
    if (!m) continue
    const a = m.index + m[0].search(/\d/)
    s[field] = count(Number(m[1]), a, m[1]!.length)
    if (m[2] && m[3]) {
      const b = m.index + m[0].lastIndexOf(m[3])
      s[inc] = count((m[2] === '减少' ? -1 : 1) * Number(m[3]), b, m[3].length)
    }
  }
  return s
}

/**
 * Read 第一部分 部门概况: 主要职能, 机构设置 (with the units it lists) and staffing. With headings the
 * text under each heading is taken; without them (PDF text, seed 001) the 机构设置 paragraph is the
 * one that speaks of 下设/下属预算单位, the staffing paragraph the one with 编制数, and 主要职能 the
 * text before them.
 */
export function readOverview(src: Source, ps: Para[]): Overview {
  const overview: Overview = { units: [], staffing: {} }
  const functions: Para[] = []
  const org: Para[] = []
  let mode: 'none' | 'functions' | 'org' = 'none'
  let sawHeading = false
  let listUnits = false
  for (const p of ps) {
    if (p.heading) {
      sawHeading = true
      mode = FUNCTIONS_HEAD.test(p.text) ? 'functions' : ORG_HEAD.test(p.text) ? 'org' : 'none'
      continue
    }
    if (STAFF_TEXT.test(p.text) && /\d/.test(p.text)) {
      if (!overview.staffing.authorized && !overview.staffing.actual) overview.staffing = readStaffing(src, p)
      listUnits = false
      continue
    }
    if (listUnits) {
      const item = LIST_ITEM.exec(p.text)
      if (item) {
        const a = p.text.indexOf(item[1]!)
        overview.units.push({ value: item[1]!, place: src.place(p, a, a + item[1]!.length) })
        org.push(p)
        continue
      }
      listUnits = false
    }
    if (!sawHeading && mode === 'none' && ORG_TEXT.test(p.text)) mode = 'org'
    if (mode === 'org') {
      org.push(p)
      const u = UNITS_INTRO.exec(p.text)
      if (u) {
        const rest = u[1]!.replace(/[。;；]$/, '')
        if (rest) {
          let from = p.text.length - u[1]!.length
          for (const name of rest.split(/[、,，;；]/)) {
            const at = p.text.indexOf(name, from)
            if (name && at >= 0) overview.units.push({ value: name, place: src.place(p, at, at + name.length) })
            from = at + name.length
          }
        } else listUnits = true
      }
    } else if (mode === 'functions' || (!sawHeading && !COVER.test(p.text) && p.text.length > 10)) functions.push(p)
  }
  const f = joined(src, functions)
  if (f) overview.functions = f
  const o = joined(src, org)
  if (o) overview.organization = o
  return overview
}
