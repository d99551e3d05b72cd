import rule from '../../../src/audit/rules/compliance-empty-table-explained.ts'
import type { Disclosure } from '../../../src/model/index.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

/** Remove every explanation of one table: its note, the `…为空表` sentences naming it. */
const unexplained = (id: '001' | '002' | '003', key: string, words: RegExp): Disclosure =>
  edit(seed(id), (d) => {
    const t = d.tables.find((x) => x.key === key)!
    delete t.emptyNote
    if (d.emptyTables) d.emptyTables = d.emptyTables.filter((e) => e.key !== key && !words.test(e.text))
  })

ruleTester.run(rule, {
  valid: seedsValid(seed),
  invalid: [
    {
      name: 'seed 001 政府性基金预算支出情况表 empty, its sentence (l.727–729) removed',
      doc: unexplained('001', 'gov_fund', /政府性基金/),
      errors: [{ messageId: 'unexplained', path: ['tables', 'gov_fund'] }],
    },
    {
      name: 'seed 002 三公 table empty, its 备注 (l.338) removed',
      doc: unexplained('002', 'three_public', /三公/),
      errors: [{ messageId: 'unexplained', path: ['tables', 'three_public'] }],
    },
    {
      name: 'seed 003 政府性基金预算支出情况表 prints a number though the text calls it empty',
      doc: edit(seed('003'), (d) => {
        const t = d.tables.find((x) => x.key === 'gov_fund')!
        t.empty = false
        t.rows = [{ key: 'total', label: '总计', cells: [{ column: 'total', value: '1.00', fen: 1_000_000, raw: '1.00' }] }]
      }),
      errors: [{ messageId: 'notEmpty', path: ['tables', 'gov_fund'] }],
    },
  ],
})
