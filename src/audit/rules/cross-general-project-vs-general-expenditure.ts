import { defineRule } from '../define-rule.ts'
import { codeTree, tableOf } from '../figures.ts'
import { checkPairs, codeSide, columnSide, SUM_MESSAGES, SUM_MESSAGES_EN, type Side } from '../sums.ts'

/**
 * 一般公共预算项目支出情况表 agrees with the 项目支出 column of 一般公共预算支出情况表: its 合计,
 * and for every function code it prints (aggregate rows and the 项 of each project), the sum under
 * that code. An empty project table means no general-budget project spending.
 *
 * Why: both list the same project money (seed 002: 131.44 + 16.61 = 148.05 under 2010303).
 */
export default defineRule({
  id: 'cross/general-project-vs-general-expenditure',
  category: 'cross-table',
  severity: 'error',
  docs: {
    summary: '一般公共预算项目支出情况表合计及各科目 = 一般公共预算支出情况表项目支出列',
    description: 'The project table total equals the project column total of the general-budget expenditure table, and so does the sum under each function code the project table prints.',
    basis: 'rules.md §3 item 3 (表7 vs 表5)',
  },
  messages: SUM_MESSAGES,
  messagesEn: SUM_MESSAGES_EN,
  check(disclosure, report) {
    const project = tableOf(disclosure, 'general_project')
    const general = tableOf(disclosure, 'general_expenditure')
    if (!project || !general) return
    const pairs: [Side | undefined, Side | undefined][] = [[columnSide(project, 'total'), columnSide(general, 'project')]]
    const codes = [...new Set(codeTree(project).map((n) => n.code))]
    for (const code of codes) pairs.push([codeSide(project, code, 'total'), codeSide(general, code, 'project')])
    checkPairs(report, pairs)
  },
})
