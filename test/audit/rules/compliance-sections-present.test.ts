import rule from '../../../src/audit/rules/compliance-sections-present.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

ruleTester.run(rule, {
  valid: [
    ...seedsValid(seed),
    { name: 'seed 002 without its section headings: the content is enough (seed 001 prints none)', doc: edit(seed('002'), (d) => (d.sections = [])), infos: [] },
  ],
  invalid: [
    {
      name: 'seed 003 without 政府采购 (heading and content)',
      doc: edit(seed('003'), (d) => {
        delete d.procurement
        d.sections = d.sections.filter((s) => s.kind !== 'procurement')
      }),
      errors: [{ messageId: 'missing', path: ['procurement'], severity: 'error' }],
    },
    {
      name: 'seed 002 without 国有资产占用 and 名词解释',
      doc: edit(seed('002'), (d) => {
        delete d.assets
        d.glossary = []
        d.sections = d.sections.filter((s) => s.kind !== 'assets' && !/名词解释/.test(s.title))
      }),
      errors: [
        { messageId: 'missing', path: ['assets'], severity: 'warning' },
        { messageId: 'missing', path: ['glossary'], severity: 'error' },
      ],
    },
    {
      name: 'seed 001 without 机关运行经费',
      doc: edit(seed('001'), (d) => {
        delete d.operatingCosts
        d.claims = d.claims.filter((c) => !/运行经费/.test(c.subject))
      }),
      errors: [{ messageId: 'missing', path: ['operatingCosts'] }],
    },
  ],
})
