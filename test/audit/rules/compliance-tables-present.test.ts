import rule from '../../../src/audit/rules/compliance-tables-present.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

const without = (id: '001' | '002' | '003', ...keys: string[]) => edit(seed(id), (d) => (d.tables = d.tables.filter((t) => !keys.includes(t.key))))

ruleTester.run(rule, {
  valid: [
    ...seedsValid(seed),
    // A template without 委托业务费 (2024) does not need the table.
    { name: 'seed 001 has no 委托业务费 and needs no 委托业务费 table', doc: seed('001'), infos: [] },
  ],
  invalid: [
    {
      name: 'seed 003 without 政府性基金预算支出情况表 (a 143号 core table)',
      doc: without('003', 'gov_fund'),
      errors: [{ messageId: 'missingCore', path: ['tables', 'gov_fund'], severity: 'error' }],
    },
    {
      name: 'seed 002 without 上年结转结余情况明细表 (template table): warning',
      doc: without('002', 'carryover'),
      errors: [{ messageId: 'missingTemplate', path: ['tables', 'carryover'], severity: 'warning' }],
    },
    {
      name: 'seed 003 speaks of 委托业务费 but lacks its table',
      doc: without('003', 'entrusted'),
      errors: [{ messageId: 'missingTemplate', path: ['tables', 'entrusted'], severity: 'warning' }],
    },
    {
      name: 'seed 001 without 财政拨款“三公”经费支出情况表 and 一般公共预算基本支出情况表',
      doc: without('001', 'three_public', 'general_basic'),
      errors: [
        { messageId: 'missingCore', path: ['tables', 'general_basic'] },
        { messageId: 'missingCore', path: ['tables', 'three_public'] },
      ],
    },
  ],
})
