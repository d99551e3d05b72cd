import { parseArgs } from 'node:util'
import { audit, type AuditReport, type Lang } from '../../audit/engine.ts'
import { formatHuman, formatJson, formatSarif, type FileAudit } from '../../audit/report.ts'
import { rules } from '../../audit/rules/index.ts'
import type { Disclosure } from '../../model/index.ts'
import { decode } from '../../parse/decode.ts'
import { sniff } from '../../parse/index.ts'
import { EXIT, readInput } from '../input.ts'
import { load } from '../load.ts'

export const summary = 'audit FILE… [--format human|json|sarif] [--lang zh|en] [--previous FILE] [--only PREFIX,…]   审核：表内、表间勾稽、科目、说明与绩效'

/** Lines of a text source for quoting in the human report; none for binary formats. */
function sourceLines(file: string): string[] | undefined {
  try {
    const bytes = readInput(file)
    if (sniff(bytes) !== 'text') return undefined
    return decode(bytes).text.split(/\r\n|\r|\n/)
  } catch {
    return undefined
  }
}

/** `yusuan audit`: exit 0 when no file has an error, 1 when one has, 2 when an input is unusable. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'human' },
      lang: { type: 'string', default: 'zh' },
      previous: { type: 'string', short: 'p' },
      only: { type: 'string' },
    },
  })
  const format = values.format
  if (format !== 'human' && format !== 'json' && format !== 'sarif') {
    process.stderr.write(`yusuan audit: --format must be human, json or sarif, not ${format}\n`)
    return EXIT.unusable
  }
  if (values.lang !== 'zh' && values.lang !== 'en') {
    process.stderr.write(`yusuan audit: --lang must be zh or en, not ${values.lang}\n`)
    return EXIT.unusable
  }
  const lang: Lang = values.lang
  // --only sum/,cross/ runs the rules whose id starts with one of the prefixes.
  const prefixes = values.only?.split(',').map((p) => p.trim()).filter(Boolean)
  const selected = prefixes ? rules.filter((r) => prefixes.some((p) => r.id.startsWith(p))) : rules
  if (selected.length === 0) {
    process.stderr.write(`yusuan audit: --only ${values.only} selects no rule (see yusuan rules)\n`)
    return EXIT.unusable
  }
  if (positionals.length === 0) {
    process.stderr.write('yusuan audit: name at least one file (or - for standard input)\n')
    return EXIT.unusable
  }
  let code: number = EXIT.ok
  let previous: Disclosure | undefined
  if (values.previous) {
    try {
      previous = (await load(values.previous)).disclosure
    } catch (e) {
      process.stderr.write(`yusuan audit: --previous ${(e as Error).message}\n`)
      return EXIT.unusable
    }
  }
  const files: FileAudit[] = []
  for (const file of positionals) {
    let result
    try {
      result = await load(file)
    } catch (e) {
      process.stderr.write(`yusuan audit: ${(e as Error).message}\n`)
      code = EXIT.unusable
      continue
    }
    if (!result.disclosure) {
      process.stderr.write(`yusuan audit: ${file}: 不是可用的部门预算公开文件 (unusable input)\n`)
      code = EXIT.unusable
      continue
    }
    const report: AuditReport = audit(result.disclosure, { previous, lang, rules: selected })
    files.push({ file, report, parseDiagnostics: result.diagnostics })
    if (!report.valid) code = Math.max(code, EXIT.findings)
  }
  const text =
    format === 'json' ? formatJson(files) : format === 'sarif' ? formatSarif(files, selected, lang) : formatHuman(files, lang, sourceLines)
  process.stdout.write(text)
  return code
}
