import rule from '../../../src/audit/rules/cross-three-public-vs-economic.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 001 表6 30231 +1.00 against 公务用车运行费 2.00',
      doc: mutate(seed('001'), ['tables', 'general_basic', 'rows', '30231', 'total'], 1),
      errors: [{ messageId: 'differs', severity: 'warning', path: ['tables', 'three_public', 'rows', 'vehicles.operation', 'general'], line: 547 }],
    },
    {
      name: 'seed 003 三公 公务用车运行维护费 一般公共预算 -0.40',
      doc: mutate(seed('003'), ['tables', 'three_public', 'rows', 'vehicles.operation', 'general'], -0.4),
      errors: [{ messageId: 'differs', severity: 'warning', path: ['tables', 'three_public', 'rows', 'vehicles.operation', 'general'] }],
    },
  ],
})
