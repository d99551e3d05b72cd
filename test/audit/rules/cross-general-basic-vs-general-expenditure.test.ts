import rule from '../../../src/audit/rules/cross-general-basic-vs-general-expenditure.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 003 表6 总计 合计 +1.00 against 表5 基本支出 总计',
      doc: mutate(seed('003'), ['tables', 'general_basic', 'rows', 'total', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_basic', 'rows', 'total', 'total'], line: 348 }],
    },
    {
      name: 'seed 001 表6 30199 +1.00: the sum of 表6 rows against the sum of 表5 基本支出',
      doc: mutate(seed('001'), ['tables', 'general_basic', 'rows', '30199', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_basic'] }],
    },
  ],
})

// Seed 002 lost the 基本支出 column of 表5: 415.89 − 212.33 = 203.56 stands for it.
ruleTester.run(rule, {
  valid: [{ name: 'seed 002 unmodified (合计 − 项目支出 = 203.56 = 表6 合计)', doc: seed('002'), infos: [] }],
  invalid: [
    {
      name: 'seed 002 表6 合计 +1.00 against 表5 合计 − 项目支出',
      doc: mutate(seed('002'), ['tables', 'general_basic', 'rows', 'total', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: ['tables', 'general_basic', 'rows', 'total', 'total'] }],
    },
  ],
})
