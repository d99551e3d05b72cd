import rule from '../../../src/audit/rules/code-name.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { relabel, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: [
    ...seedsValid(seed),
    {
      name: 'full-width brackets and spaces are not a difference',
      doc: relabel(seed('003'), 'income', '20103', '政府办公厅 (室) 及相关机构事务'),
    },
    { name: 'a level marker （款） after the name', doc: relabel(seed('003'), 'income', '20103', '政府办公厅（室）及相关机构事务（款）') },
  ],
  invalid: [
    {
      name: 'seed 003 表2 20103 with a word dropped: near miss',
      doc: relabel(seed('003'), 'income', '20103', '政府办公厅（室）相关机构事务'),
      errors: [{ messageId: 'nearMiss', path: ['tables', 'income', 'rows', '20103'] }],
    },
    {
      name: 'seed 002 表6 30208 printed with another name: code or name wrong',
      doc: relabel(seed('002'), 'general_basic', '30208', '差旅费'),
      errors: [{ messageId: 'differs', path: ['tables', 'general_basic', 'rows', '30208'] }],
    },
  ],
})
