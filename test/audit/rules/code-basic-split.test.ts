import rule from '../../../src/audit/rules/code-basic-split.ts'
import { ruleTester } from '../rule-tester.ts'
import { fill, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified', doc: seed('001') },
    { name: 'seed 002 unmodified', doc: seed('002') },
  ],
  invalid: [
    {
      // notes 003 "Cells that needed a decision" item 4: printed so, and the narrative (L536) agrees; a warning, not an error.
      name: 'seed 003 unmodified: 30114 医疗费 3.19 under 公用经费',
      doc: seed('003'),
      errors: [{ messageId: 'otherColumn', severity: 'warning', path: ['tables', 'general_basic', 'rows', '30114', 'public'], line: 334 }],
    },
    {
      name: 'seed 002 30208 取暖费 also stated under 人员经费',
      doc: fill(seed('002'), ['tables', 'general_basic', 'rows', '30208', 'personnel'], 1),
      errors: [{ messageId: 'otherColumn', path: ['tables', 'general_basic', 'rows', '30208', 'personnel'] }],
    },
  ],
})
