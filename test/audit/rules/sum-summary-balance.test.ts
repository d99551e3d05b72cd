import rule from '../../../src/audit/rules/sum-summary-balance.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

const at = (row: string) => ['tables', 'summary', 'rows', row, 'amount']

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified (total lines lost: nothing to check)', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    {
      name: 'seed 003 unmodified: 支出总计 1221.42 vs classes 1221.43',
      doc: seed('003'),
      infos: [{ messageId: 'rounding', path: at('exp.total'), line: 159 }],
    },
  ],
  invalid: [
    {
      name: 'seed 002 exp.208 +1.00: classes exceed 支出总计',
      doc: mutate(seed('002'), ['tables', 'summary', 'rows', 'exp.208', 'amount'], 1),
      errors: [{ messageId: 'excess', path: at('exp.total') }],
    },
    {
      name: 'seed 003 收入总计 +1.00 against 支出总计',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.total', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: at('inc.total'), line: 159 }],
    },
    {
      name: 'seed 003 单位资金 +1.00: the income lines exceed 本年收入 (其中 lines only bound it)',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.unit', 'amount'], 1),
      errors: [{ messageId: 'excess', path: at('inc.current') }],
    },
    {
      name: 'seed 003 其中：上级补助收入 +1.00 exceeds 单位资金',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.unit.superior', 'amount'], 1),
      errors: [{ messageId: 'excess', path: at('inc.unit'), line: 140 }],
    },
  ],
})
