import rule from '../../../src/audit/rules/cross-general-project-vs-general-expenditure.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 002 表7 合计 +1.00 against 表5 项目支出 合计',
      doc: mutate(seed('002'), ['tables', 'general_project', 'rows', 'total', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_project', 'rows', 'total', 'total'] }],
    },
    {
      name: 'seed 002 表7 单位运转项目 +1.00 against 表5 2010350 项目支出',
      doc: mutate(seed('002'), ['tables', 'general_project', 'rows', '2010350/单位运转项目', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_expenditure', 'rows', '2010350', 'project'] }],
    },
    {
      name: 'seed 003 表5 20103 项目支出 -1.00',
      doc: mutate(seed('003'), ['tables', 'general_expenditure', 'rows', '20103', 'project'], -1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_project', 'rows', '20103', 'total'] }],
    },
  ],
})
