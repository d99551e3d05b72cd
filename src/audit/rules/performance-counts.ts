import type { TargetCount } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { CENT, relatedOf, sideOf, totalOf, yuan } from './narrative-support.ts'
import { budgetSide, currentYear } from './performance-amounts.ts'

const KIND_NAMES: Record<TargetCount['kind'], string> = {
  department: '整体预算绩效目标',
  fiscal_project: '财政拨款项目',
  nonfiscal_project: '非财政拨款项目',
  project: '预算安排项目',
}

const countText = (c: TargetCount): string => `${c.count ?? '?'} 个${c.amount ? `，${yuan(c.amount.fen)} 万元` : ''}`

/**
 * The counts of 预算绩效情况 agree with each other, with their amounts and with the tables: two
 * statements of the same kind state the same count and amount (seed 001 states 非财政拨款项目 0 个
 * and later 1 个 for the same 88.27 万元); 0 项目 cannot involve money; the number of 财政拨款项目
 * is the number of project target tables published (unless the text gives a reason); the amounts
 * are the budget's (整体 = 收支总预算, 财政拨款项目 = 一般公共预算项目支出, 非财政拨款项目 = the rest of 项目支出).
 */
export default defineRule({
  id: 'performance/counts',
  category: 'performance',
  severity: 'error',
  docs: {
    summary: '预算绩效情况中的目标个数、金额前后一致并与绩效目标表、预算表一致',
    basis: 'rules.md §3.11（seed 001：“当年非财政拨款项目0个，涉及预算金额88.27万元”与“当年非财政拨款项目1个，涉及88.27万元”矛盾；整体目标金额 = 收支总预算；项目目标金额 = 项目支出）',
  },
  messages: {
    conflict: '{kind}前后不一致：此处 {actual}，另处 {other}',
    zeroWithMoney: '{kind} 0 个，却涉及预算金额 {amount} 万元',
    tables: '{kind} {count} 个，公开的{what}绩效目标表 {tables} 张',
    amount: '{kind}涉及金额 {actual} 万元，预算中为 {expected} 万元',
  },
  messagesEn: {
    conflict: '{kind} is stated inconsistently: {actual} here, {other} elsewhere',
    zeroWithMoney: '{kind}: 0 stated, yet {amount} (10k yuan) is involved',
    tables: '{kind}: {count} stated, {tables} {what} target table(s) published',
    amount: '{kind}: amount {actual}, the budget has {expected}',
  },
  check(d, report) {
    const { counts, tables, notes } = d.performance
    const at = (c: TargetCount) => ({ place: c.place ?? c.amount?.place, path: ['performance', 'counts', counts.indexOf(c)] })
    const conflicted = new Set<TargetCount>()
    for (const kind of Object.keys(KIND_NAMES) as TargetCount['kind'][]) {
      const same = counts.filter((c) => c.kind === kind)
      for (let i = 1; i < same.length; i++) {
        const a = same[0]!
        const b = same[i]!
        const countsDiffer = a.count !== undefined && b.count !== undefined && a.count !== b.count
        const amountsDiffer = !!a.amount && !!b.amount && a.amount.fen !== b.amount.fen
        if (!countsDiffer && !amountsDiffer) continue
        // Report at the statement the amount contradicts (a 0 count with money), else the later one.
        const [here, there] = a.count === 0 && (a.amount?.fen ?? 0) > 0 ? [a, b] : [b, a]
        conflicted.add(a).add(b)
        report({
          messageId: 'conflict',
          data: { kind: KIND_NAMES[kind], actual: countText(here), other: countText(there) },
          ...at(here),
          // Point at the figure that disagrees: the amount when the amounts differ, else the count.
          ...(amountsDiffer ? { place: here.amount?.place ?? here.place, path: [...at(here).path, 'amount'] } : {}),
          actual: countText(here),
          expected: countText(there),
          related: [{ message: there.text, place: there.place, path: at(there).path }],
        })
      }
    }
    for (const c of counts) {
      if (conflicted.has(c) || c.count !== 0 || !c.amount || c.amount.fen === 0) continue
      report({ messageId: 'zeroWithMoney', data: { kind: KIND_NAMES[c.kind], amount: yuan(c.amount.fen) }, ...at(c) })
    }
    // Counts against the tables, once the document publishes any target table.
    const stated = (kind: TargetCount['kind']): number | undefined => counts.find((c) => c.kind === kind && !conflicted.has(c))?.count
    const expectedTables = (stated('department') ?? 0) + (stated('fiscal_project') ?? stated('project') ?? 0)
    // When the numbers of tables agree in all, a table read as the other kind is the reader's doing, not the document's.
    if (tables.length > 0 && tables.length !== expectedTables) {
      const dept = tables.filter((t) => t.kind === 'department').length
      const proj = tables.filter((t) => t.kind === 'project').length
      for (const c of counts) {
        if (c.count === undefined || conflicted.has(c)) continue
        if (c.kind === 'department' && c.count !== dept)
          report({ messageId: 'tables', data: { kind: KIND_NAMES[c.kind], count: c.count, what: '部门整体', tables: dept }, ...at(c) })
        const projectKind = c.kind === 'fiscal_project' || (c.kind === 'project' && !counts.some((x) => x.kind === 'fiscal_project' && x.count !== undefined))
        // A count larger than the tables is explained by a stated reason (未公开绩效目标表原因).
        if (projectKind && c.count !== proj && !(c.count > proj && notes.length > 0))
          report({ messageId: 'tables', data: { kind: KIND_NAMES[c.kind], count: c.count, what: '项目支出', tables: proj }, ...at(c) })
      }
    }
    // Amounts against the budget.
    const gp = totalOf(d, 'general_project', 'total')
    const project = sideOf(d, 'expenditure.project')
    for (const c of counts) {
      if (!c.amount || conflicted.has(c)) continue
      let side =
        c.kind === 'department'
          ? budgetSide(d, 'overall.total', ['overall.total', 'income.total'])
          : c.kind === 'fiscal_project'
            ? gp
            : c.kind === 'nonfiscal_project' && gp && project && !project.derived
              ? { ...project, fen: project.fen - gp.fen, label: `${project.label} − 一般公共预算项目支出` }
              : undefined
      if (!side) continue
      const diff = c.amount.fen - side.fen
      if (diff === 0) continue
      if (c.kind === 'department' && currentYear(d, 'summary', 'inc.current', 'amount')?.fen === c.amount.fen) continue
      const rounding = side.derived && Math.abs(diff) <= Math.max(1, side.derived.addends) * CENT
      report({
        messageId: 'amount',
        ...(rounding ? { severity: 'info' as const } : {}),
        data: { kind: KIND_NAMES[c.kind], actual: yuan(c.amount.fen), expected: yuan(side.fen) },
        place: c.amount.place ?? c.place,
        path: [...at(c).path, 'amount'],
        actual: yuan(c.amount.fen),
        expected: yuan(side.fen),
        related: [relatedOf(side)],
      })
      side = undefined
    }
  },
})
