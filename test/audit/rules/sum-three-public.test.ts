import rule from '../../../src/audit/rules/sum-three-public.ts'
import { ruleTester } from '../rule-tester.ts'
import { fill, mutate, seed } from '../seeds.ts'
import { seedsValid } from '../rule-tester.ts'

const at = (row: string, column: string) => ['tables', 'three_public', 'rows', row, column]

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 003 公务用车运行维护费 +1.00 against its 小计 (购置 printed blank: zero)',
      doc: mutate(seed('003'), ['tables', 'three_public', 'rows', 'vehicles.operation', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: at('vehicles', 'total'), line: 408 }],
    },
    {
      name: 'seed 003 合计 一般公共预算 -1.00 (出国、接待 printed blank: zero)',
      doc: mutate(seed('003'), ['tables', 'three_public', 'rows', 'total', 'general'], -1),
      errors: [{ messageId: 'mismatch', path: at('total', 'general'), line: 411 }],
    },
    {
      name: 'seed 003 公务用车 小计 政府性基金 stated 0.50 (blank before): the blank cells around it are zero',
      doc: fill(seed('003'), ['tables', 'three_public', 'rows', 'vehicles', 'gov_fund'], 0.5),
      errors: [
        { messageId: 'mismatch', path: at('vehicles', 'gov_fund'), line: 408 },
        { messageId: 'mismatch', path: at('total', 'gov_fund'), line: 411 },
      ],
    },
  ],
})
