import rule from '../../../src/audit/rules/code-known.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { recode, seed } from '../seeds.ts'

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 002 表3 class 208 printed as 218 (no such 类): error',
      doc: recode(seed('002'), 'expenditure', '208', '218'),
      errors: [{ messageId: 'unknownClass', severity: 'error', path: ['tables', 'expenditure', 'rows', '218'] }],
    },
    {
      name: 'seed 002 表3 项 2010350 printed as 2010358 (not catalogued: partial catalog, warning)',
      doc: recode(seed('002'), 'expenditure', '2010350', '2010358'),
      errors: [{ messageId: 'unknownPartial', severity: 'warning', path: ['tables', 'expenditure', 'rows', '2010358'] }],
    },
    {
      name: 'seed 003 表2 款 21011 printed as 21811: its class 218 does not exist (error, not a catalog gap)',
      doc: recode(seed('003'), 'income', '21011', '21811'),
      errors: [{ messageId: 'unknownClass', severity: 'error', path: ['tables', 'income', 'rows', '21811'] }],
    },
    {
      name: 'seed 001 summary exp.221 printed as exp.226',
      doc: recode(seed('001'), 'summary', 'exp.221', 'exp.226'),
      errors: [{ messageId: 'unknownClass', path: ['tables', 'summary', 'rows', 'exp.226'] }],
    },
    {
      name: 'seed 003 表6 30201 printed as 3020 (malformed)',
      doc: recode(seed('003'), 'general_basic', '30201', '3020'),
      errors: [{ messageId: 'malformed', severity: 'warning', path: ['tables', 'general_basic', 'rows', '3020'] }],
    },
  ],
})
