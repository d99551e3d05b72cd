import type { Money, Place } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { CENT, cents, classify, placeOfClaim, signed, yuan, type Classified } from './narrative-support.ts'

/** One addend or total of a statement group. */
interface Term {
  subject: string
  money: Money
  place?: Place | undefined
  path: (string | number)[]
}

/** A statement group: parts that must add up to a total. */
interface Group {
  name: string
  total: Term
  parts: Term[]
  /**
   * The parts may not list everything (具体使用 lists the 项 the writer chose): amounts may fall short
   * of the total (a warning) but not exceed it; changes of unlisted items may go either way.
   */
  open?: 'amounts' | 'changes' | false
}

const term = (c: Classified, part: 'amount' | 'change'): Term | undefined => {
  const money = c.claim[part]
  return money ? { subject: c.claim.subject, money, place: placeOfClaim(c.claim, part), path: [...c.path, part] } : undefined
}

/**
 * Statement groups of 第三部分 add up: income sources = 收入预算; 基本支出 + 项目支出 = 支出预算 (and
 * = 一般公共预算拨款合计); 人员经费 + 公用经费 = 一般公共预算基本支出; 三公 items = 三公 total (amounts and
 * changes); 委托业务费 items = total; 政府采购 货物 + 工程 + 服务 = total; the 具体使用 items against
 * 一般公共预算拨款合计 and their changes against the 规模变化 change; 中小企业 and 小微企业 reservations within
 * the procurement total.
 *
 * Each printed figure carries up to half a cent of rounding, so a sum of N parts may differ from
 * its total by up to N cents: that is `info` (with the cents), beyond it an `error` (a `warning`
 * for the 具体使用 list, which need not name every 项).
 */
export default defineRule({
  id: 'narrative/sum-of-parts',
  category: 'narrative',
  severity: 'error',
  docs: {
    summary: '情况说明中各组分项之和等于合计',
    basis: 'rules.md §3 容差（每个加数 ±0.01 万元舍入）；§3.10（seed 003 l.508–528 各项增减之和 −112.97 对 −112.96）',
  },
  messages: {
    mismatch: '{group}：{parts} 之和 {sum} 万元，合计 {total} 万元（差 {diff}）',
    rounding: '{group}：{count} 项之和 {sum} 万元，合计 {total} 万元（差 {cents} 分，舍入）',
    shortfall: '{group}：所列 {count} 项之和 {sum} 万元，合计 {total} 万元（差 {diff}，可能未列全）',
    exceeds: '{part} {actual} 万元，超过{whole} {expected} 万元',
  },
  messagesEn: {
    mismatch: '{group}: the parts add to {sum}, the total is {total} (difference {diff})',
    rounding: '{group}: {count} parts add to {sum}, the total is {total} (difference {cents} cent(s), rounding)',
    shortfall: '{group}: the {count} listed parts add to {sum}, the total is {total} (difference {diff}; the list may be incomplete)',
    exceeds: '{part} {actual} exceeds {whole} {expected}',
  },
  check(d, report) {
    const all = classify(d)
    const first = (role: string): Classified | undefined => all.find((c) => c.role === role)
    const groups: Group[] = []
    const add = (name: string, totalRole: string, partRoles: string[] | ((c: Classified) => boolean), part: 'amount' | 'change' = 'amount', open: Group['open'] = false): void => {
      const totalClaim = first(totalRole)
      const total = totalClaim && term(totalClaim, part)
      if (!total) return
      const pick = typeof partRoles === 'function' ? partRoles : (c: Classified) => !!c.role && partRoles.includes(c.role)
      const seen = new Set<string>()
      const parts: Term[] = []
      for (const c of all) {
        if (c === totalClaim || !pick(c) || seen.has(c.role ?? '')) continue
        seen.add(c.role ?? '')
        const t = term(c, part)
        // A part stated without this figure (a 三公 item with no change given) leaves the sum unknown.
        if (!t) return
        parts.push(t)
      }
      // A two-part identity (基本 + 项目, 人员 + 公用) needs both parts stated; an unstated part is unknown, not zero.
      if (typeof partRoles !== 'function' && partRoles.length <= 2 && parts.length < partRoles.length) return
      if (parts.length >= 2) groups.push({ name, total, parts, open })
    }
    // Income sources: the top-level lines only (单位资金 rather than its 其中 lines when both are stated).
    const incomeRoles = new Set(all.filter((c) => c.role?.startsWith('income:inc.')).map((c) => c.role!))
    const isTopIncome = (c: Classified): boolean => {
      if (!c.role?.startsWith('income:inc.')) return false
      const key = c.role.slice('income:'.length)
      const parent = key.split('.').slice(0, -1).join('.')
      return !(parent !== 'inc' && incomeRoles.has(`income:${parent}`))
    }
    add('收入预算', 'income.total', isTopIncome)
    add('支出预算', 'expenditure.total', ['expenditure.basic', 'expenditure.project'])
    add('一般公共预算拨款', 'general.total', ['general.basic', 'general.project'])
    add('一般公共预算基本支出', 'basic.total', ['basic.personnel', 'basic.public'])
    const tp = all.filter((c) => c.role?.startsWith('three_public:'))
    const hasVehicles = tp.some((c) => c.role === 'three_public:vehicles')
    const tpParts = ['three_public:overseas', 'three_public:reception', ...(hasVehicles ? ['three_public:vehicles'] : ['three_public:vehicles.purchase', 'three_public:vehicles.operation'])]
    add('“三公”经费', 'three_public.total', tpParts)
    add('“三公”经费增减', 'three_public.total', tpParts, 'change')
    if (hasVehicles) add('公务用车购置及运行费', 'three_public:vehicles', ['three_public:vehicles.purchase', 'three_public:vehicles.operation'])
    add('委托业务费', 'entrusted.total', (c) => !!c.role?.startsWith('entrusted:'))
    // 具体使用 items: the topmost codes only, should a 款 and its 项 both be listed.
    const itemCodes = all.filter((c) => c.role?.startsWith('general.item:') && !c.role.startsWith('general.item:name:')).map((c) => c.role!.slice('general.item:'.length))
    const isItem = (c: Classified): boolean => {
      if (!c.role?.startsWith('general.item:')) return false
      const code = c.role.slice('general.item:'.length)
      return code.startsWith('name:') || !itemCodes.some((o) => o.length < code.length && code.startsWith(o))
    }
    add('一般公共预算当年拨款具体使用', 'general.total', isItem, 'amount', 'amounts')
    // The 规模变化 change: 基本支出 + 项目支出 changes of the general budget, else the income line's.
    const gb = first('general.basic')
    const gp = first('general.project')
    const itemClaims = all.filter(isItem)
    const items = itemClaims.map((c) => term(c, 'change')).filter((t): t is Term => !!t)
    if (items.length >= 2 && items.length === itemClaims.length) {
      let total: Term | undefined
      if (gb?.claim.change && gp?.claim.change) {
        total = { subject: '基本支出与项目支出增减', money: { ...gb.claim.change, fen: gb.claim.change.fen + gp.claim.change.fen, value: yuan(gb.claim.change.fen + gp.claim.change.fen) }, place: placeOfClaim(gb.claim, 'change'), path: [...gb.path, 'change'] }
      } else {
        const inc = first('income:inc.general')
        if (inc) total = term(inc, 'change')
      }
      if (total) groups.push({ name: '一般公共预算当年拨款具体使用增减', total, parts: items, open: 'changes' })
    }
    const p = d.procurement
    if (p?.total) {
      const parts: Term[] = []
      const kinds: [string, 'goods' | 'works' | 'services'][] = [['货物', 'goods'], ['工程', 'works'], ['服务', 'services']]
      for (const [name, key] of kinds) {
        const m = p[key]
        if (m) parts.push({ subject: `政府采购${name}`, money: m, place: m.place ?? p.place, path: ['procurement', key] })
      }
      if (parts.length >= 2) groups.push({ name: '政府采购', total: { subject: '政府采购', money: p.total, place: p.total.place ?? p.place, path: ['procurement', 'total'] }, parts })
      // Amounts reserved for 中小企业, and within them for 小微企业, cannot exceed what they are reserved from.
      const within: [Money | undefined, string, string, Money | undefined, string][] = [
        [p.sme, '面向中小企业预留', 'sme', p.total, '政府采购预算'],
        [p.smallMicro, '小微企业预留', 'smallMicro', p.sme ?? p.total, p.sme ? '面向中小企业预留' : '政府采购预算'],
      ]
      for (const [part, name, key, whole, wholeName] of within) {
        if (!part || !whole || part.fen <= whole.fen) continue
        report({
          messageId: 'exceeds',
          data: { part: name, actual: yuan(part.fen), whole: wholeName, expected: yuan(whole.fen) },
          place: part.place ?? p.place,
          path: ['procurement', key],
          actual: yuan(part.fen),
          expected: `≤ ${yuan(whole.fen)}`,
          related: [{ message: `${wholeName} ${yuan(whole.fen)}`, place: whole.place ?? p.place }],
        })
      }
    }

    for (const g of groups) {
      const sum = g.parts.reduce((a, t) => a + t.money.fen, 0)
      const diff = g.total.money.fen - sum
      if (diff === 0) continue
      const rounding = Math.abs(diff) <= g.parts.length * CENT
      // A list that may be incomplete can fall short of its total, never exceed it.
      const shortfall = g.open === 'changes' || (g.open === 'amounts' && diff > 0)
      const data = {
        group: g.name,
        parts: g.parts.map((t) => t.subject).join(' + '),
        count: g.parts.length,
        sum: yuan(sum),
        total: yuan(g.total.money.fen),
        diff: signed(diff),
        cents: cents(diff),
      }
      report({
        messageId: rounding ? 'rounding' : shortfall ? 'shortfall' : 'mismatch',
        ...(rounding ? { severity: 'info' as const } : shortfall ? { severity: 'warning' as const } : {}),
        data,
        place: g.total.place,
        path: g.total.path,
        actual: yuan(g.total.money.fen),
        expected: yuan(sum),
        related: g.parts.map((t) => ({ message: `${t.subject} ${yuan(t.money.fen)}`, place: t.place, path: t.path })),
      })
    }
  },
})
