import rule from '../../../src/audit/rules/cross-entrusted-vs-general-project.ts'
import { ruleTester, seedsValid } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

const project = 'project:部门专项-“12345”政务热线购买服务费'

ruleTester.run(rule, {
  valid: [
    ...seedsValid(seed),
    {
      name: 'seed 003 entrusted project -10.00 (a project may buy more than entrusted services)',
      doc: mutate(seed('003'), ['tables', 'entrusted', 'rows', project, 'general'], -10),
    },
  ],
  invalid: [
    {
      name: 'seed 003 entrusted project 一般公共预算 +1.00 exceeds the 62.00 project',
      doc: mutate(seed('003'), ['tables', 'entrusted', 'rows', project, 'general'], 1),
      errors: [{ messageId: 'exceeds', path: ['tables', 'entrusted', 'rows', project, 'general'], line: 424 }],
    },
  ],
})
