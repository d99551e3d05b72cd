import { parseArgs } from 'node:util'
import { rules } from '../../audit/rules/index.ts'
import { EXIT } from '../input.ts'

export const summary = 'rules [--format human|json] [--lang zh|en]   列出审核规则目录'

/** `yusuan rules`: the rule catalog, one rule a line (or JSON). */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: 'string', short: 'f', default: 'human' }, lang: { type: 'string', default: 'zh' } },
  })
  if (values.format === 'json') {
    const list = rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, docs: r.docs, url: `docs/rules.md#${r.id}` }))
    process.stdout.write(JSON.stringify(list, null, 2) + '\n')
    return EXIT.ok
  }
  if (values.format !== 'human') {
    process.stderr.write(`yusuan rules: --format must be human or json, not ${values.format}\n`)
    return EXIT.unusable
  }
  const width = Math.max(...rules.map((r) => r.id.length))
  const lines = rules.map((r) => {
    const text = values.lang === 'en' ? (r.docs.description ?? r.docs.summary) : r.docs.summary
    return `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(14)}  ${text}`
  })
  process.stdout.write(lines.join('\n') + '\n')
  return EXIT.ok
}
