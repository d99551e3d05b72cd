import type { Disclosure, Money, TargetTable } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { CENT, cellOf, classify, compareMoney, norm, placeOfClaim, relatedOf, sideOf, signed, tableOf, totalOf, yuan, type Side } from './narrative-support.ts'
import { targetName } from './performance-weights.ts'

const sum = (...ms: (Money | undefined)[]): Money | undefined => {
  const present = ms.filter((m): m is Money => !!m)
  if (present.length === 0) return undefined
  const fen = present.reduce((a, m) => a + m.fen, 0)
  // Point at the largest part (本级安排 rather than a 0.00 上级安排).
  const main = present.reduce((a, m) => (Math.abs(m.fen) > Math.abs(a.fen) ? m : a))
  return { value: yuan(fen), fen, raw: yuan(fen), place: main.place }
}

/** A budget figure: the table's stated cell, or the narrative's when the table only yields a derived sum. */
export function budgetSide(d: Disclosure, role: string, claimRoles: string[]): Side | undefined {
  const side = sideOf(d, role)
  if (side && !side.derived) return side
  const c = classify(d).find((x) => x.role && claimRoles.includes(x.role) && x.claim.amount)
  if (c?.claim.amount) return { fen: c.claim.amount.fen, place: placeOfClaim(c.claim), path: [...c.path, 'amount'], label: `情况说明「${c.claim.subject}」` }
  return side
}

/** A printed current-year line (本年收入, 一、财政拨款（补助）), an alternative reading of a budget total. */
export function currentYear(d: Disclosure, table: string, row: string, column: string): Side | undefined {
  return cellOf(d, table, row, column)
}

/** The general_project row of a project target table, by name. */
function projectRow(d: Disclosure, t: TargetTable): Side | undefined {
  if (!t.name) return undefined
  const name = norm(t.name)
  const gp = tableOf(d, 'general_project')
  const row = gp?.rows.find((r) => r.key.includes('/') && norm(r.key.slice(r.key.indexOf('/') + 1)) === name)
  const cell = row?.cells.find((c) => c.column === 'total' && !c.derived)
  if (!row || !cell) return undefined
  return { fen: cell.fen, place: cell.place ?? row.place, path: ['tables', 'general_project', 'rows', row.key, 'total'], label: `一般公共预算项目支出情况表「${row.project ?? row.label}」` }
}

/**
 * The amounts of the target tables agree with the budget: the 部门整体 table's 资金总额 with
 * 收支总预算 (表1 收入总计) and its 财政资金 (上级 + 本级安排) with 财政拨款收支总预算; each project
 * table's 年度预算总额 with its row of 一般公共预算项目支出情况表, and all of them with that table's
 * 合计 (a shortfall is a warning: some projects may have no published targets).
 */
export default defineRule({
  id: 'performance/amounts',
  category: 'performance',
  severity: 'error',
  docs: {
    summary: '绩效目标表的金额与预算一致',
    basis: 'rules.md §3.11：整体目标金额 = 收支总预算；项目目标金额之和 = 财政拨款项目支出（seed 002：212.33 = 131.44 + 16.61 + 64.28；seed 003 整体表 财政资金 1221.42 含 1.99 单位资金）',
  },
  messages: {
    total: '{table}资金总额 {actual} 万元，收支总预算 {expected} 万元（差 {diff}）',
    fiscal: '{table}财政资金 {actual} 万元，财政拨款收支总预算 {expected} 万元（差 {diff}）',
    project: '{table}年度预算总额 {actual} 万元，项目支出情况表中该项目 {expected} 万元（差 {diff}）',
    projects: '{count} 张项目支出绩效目标表金额合计 {actual} 万元，一般公共预算项目支出 {expected} 万元（差 {diff}）',
    parts: '{table}资金合计 {actual} 万元，{parts} 之和 {expected} 万元（差 {diff}）',
    rounding: '{table}金额 {actual} 万元，对应预算 {expected} 万元（差 {diff}，舍入）',
  },
  messagesEn: {
    total: '{table}: total funds {actual}, the whole budget is {expected} (difference {diff})',
    fiscal: '{table}: fiscal funds {actual}, the fiscal budget is {expected} (difference {diff})',
    project: '{table}: annual budget {actual}, the project table has {expected} (difference {diff})',
    projects: '{count} project target tables add to {actual}; general-budget project expenditure is {expected} (difference {diff})',
    parts: '{table}: the total {actual} is not the sum of {parts}, {expected} (difference {diff})',
    rounding: '{table}: {actual} against the budget figure {expected} (difference {diff}, rounding)',
  },
  check(d, report) {
    const tables = d.performance.tables
    const compare = (id: 'total' | 'fiscal' | 'project', t: TargetTable, ti: number, m: Money | undefined, side: Side | undefined, field: string, parts: [string, Money][] = [], alternative?: Side): void => {
      if (!m || !side) return
      // The current year alone (本年收入, 本年财政拨款) is also a reading of the budget when 上年结转 is in the total.
      if (alternative && alternative.fen === m.fen) return
      const cmp = compareMoney(m, side)
      if (!cmp) return
      report({
        messageId: cmp.rounding ? 'rounding' : id,
        ...(cmp.rounding ? { severity: 'info' as const } : {}),
        data: { table: targetName(t), actual: yuan(m.fen), expected: yuan(side.fen), diff: signed(cmp.diff) },
        place: m.place ?? t.place,
        path: ['performance', 'tables', ti, field],
        actual: yuan(m.fen),
        expected: yuan(side.fen),
        related: [relatedOf(side), ...parts.filter(([, p]) => p.place).map(([n, p]) => ({ message: `${n} ${yuan(p.fen)}`, place: p.place }))],
      })
    }
    // Inside each table: 资金总额 = 上级安排 + 本级安排 + 其他资金 (项目: 年度预算总额 = 财政拨款 + 其他资金).
    tables.forEach((t, ti) => {
      const named: [string, 'superior' | 'fiscal' | 'other', Money | undefined][] = [
        ['上级安排', 'superior', t.superior],
        [t.kind === 'department' ? '本级安排' : '财政拨款', 'fiscal', t.fiscal],
        ['其他资金', 'other', t.other],
      ]
      const parts = named.filter((x): x is [string, 'superior' | 'fiscal' | 'other', Money] => !!x[2])
      if (!t.total || parts.length < 2) return
      const partSum = parts.reduce((a, x) => a + x[2].fen, 0)
      const diff = t.total.fen - partSum
      if (diff === 0) return
      report({
        messageId: 'parts',
        ...(Math.abs(diff) <= parts.length * CENT ? { severity: 'info' as const } : {}),
        data: { table: targetName(t), actual: yuan(t.total.fen), parts: parts.map((x) => x[0]).join(' + '), expected: yuan(partSum), diff: signed(diff) },
        place: t.total.place ?? t.place,
        path: ['performance', 'tables', ti, 'total'],
        actual: yuan(t.total.fen),
        expected: yuan(partSum),
        related: parts.map(([n, k, m]) => ({ message: `${n} ${yuan(m.fen)}`, place: m.place, path: ['performance', 'tables', ti, k] })),
      })
    })
    tables.forEach((t, ti) => {
      if (t.kind !== 'department') return
      const named = (k: 'superior' | 'fiscal' | 'other'): [string, Money | undefined] => [k === 'superior' ? '上级安排' : k === 'fiscal' ? '本级安排' : '其他资金', t[k]]
      const present = (...ks: ('superior' | 'fiscal' | 'other')[]): [string, Money][] =>
        ks.map(named).filter((x): x is [string, Money] => !!x[1])
      compare('total', t, ti, t.total ?? sum(t.superior, t.fiscal, t.other), budgetSide(d, 'overall.total', ['overall.total', 'income.total']), t.total ? 'total' : 'fiscal', t.total ? [] : present('superior', 'fiscal', 'other'), currentYear(d, 'summary', 'inc.current', 'amount'))
      compare('fiscal', t, ti, sum(t.superior, t.fiscal), budgetSide(d, 'fiscal.total', ['fiscal.total']), 'fiscal', present('superior', 'fiscal'), currentYear(d, 'fiscal_summary', 'inc.fiscal', 'total'))
    })
    const projects = tables.map((t, ti) => ({ t, ti })).filter(({ t }) => t.kind === 'project')
    let total = 0
    for (const { t, ti } of projects) {
      const m = t.total ?? sum(t.fiscal, t.other)
      if (m) total += m.fen
      compare('project', t, ti, m, projectRow(d, t), t.total ? 'total' : 'fiscal')
    }
    const gp = totalOf(d, 'general_project', 'total')
    if (projects.length === 0 || !gp) return
    const diff = total - gp.fen
    if (diff === 0 || Math.abs(diff) <= projects.length * CENT) return
    const first = projects[0]!
    report({
      messageId: 'projects',
      ...(diff < 0 ? { severity: 'warning' as const } : {}),
      data: { count: projects.length, actual: yuan(total), expected: yuan(gp.fen), diff: signed(diff) },
      place: first.t.place,
      path: ['performance', 'tables', first.ti],
      actual: yuan(total),
      expected: yuan(gp.fen),
      related: [relatedOf(gp)],
    })
  },
})
