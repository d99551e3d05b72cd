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
      name: 'seed 002 exp.208 +1.00 with a blank class line lost: the class sum is a lower bound',
      doc: dropRow(mutate(seed('002'), ['tables', 'summary', 'rows', 'exp.208', 'amount'], 1), 'exp.202'),
      errors: [{ messageId: 'excess', path: at('exp.total') }],
    },
    {
      name: 'seed 002 exp.208 +1.00: classes against 支出总计 (all 30 printed)',
      doc: mutate(seed('002'), ['tables', 'summary', 'rows', 'exp.208', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: at('exp.total') }],
    },
    {
      name: 'seed 003 收入总计 +1.00 against 支出总计 and against 本年收入 + 上年结转结余 (printed blank: zero)',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.total', 'amount'], 1),
      errors: [
        { messageId: 'mismatch', path: at('inc.total'), line: 159 },
        { messageId: 'mismatch', path: at('inc.total'), line: 159 },
      ],
    },
    {
      name: 'seed 003 单位资金 +1.00: against 本年收入 and against its 其中 lines',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.unit', 'amount'], 1),
      errors: [
        { messageId: 'mismatch', path: at('inc.current') },
        { messageId: 'mismatch', path: at('inc.unit'), line: 140 },
      ],
    },
    {
      name: 'seed 003 其中：上级补助收入 +1.00 against 单位资金',
      doc: mutate(seed('003'), ['tables', 'summary', 'rows', 'inc.unit.superior', 'amount'], 1),
      errors: [{ messageId: 'mismatch', path: at('inc.unit'), line: 140 }],
    },
    {
      name: 'seed 002 其中：一般财力 -1.00 against 一般公共预算拨款 (上级转移支付 printed blank)',
      doc: mutate(seed('002'), ['tables', 'summary', 'rows', 'inc.general.own', 'amount'], -1),
      errors: [{ messageId: 'mismatch', path: at('inc.general') }],
    },
  ],
})

/** A copy of the document without one line of 表1, as if the layout had lost it. */
function dropRow(d: ReturnType<typeof seed>, key: string): ReturnType<typeof seed> {
  const table = d.tables.find((t) => t.key === 'summary')!
  table.rows = table.rows.filter((r) => r.key !== key)
  return d
}
