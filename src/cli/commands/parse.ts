import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { toFacts } from '../../parse/index.ts'
import { EXIT } from '../input.ts'
import { load } from '../load.ts'

export const summary = 'parse FILE… [--format json|facts] [--out DIR]   读取公开文件，输出标准模型或 facts CSV'

/** `yusuan parse`: each file to the JSON model or the facts CSV, on stdout or into --out. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      out: { type: 'string', short: 'o' },
      diagnostics: { type: 'boolean', default: false },
    },
  })
  if (values.format !== 'json' && values.format !== 'facts') {
    process.stderr.write(`yusuan parse: --format must be json or facts, not ${values.format}\n`)
    return EXIT.unusable
  }
  if (positionals.length === 0) {
    process.stderr.write('yusuan parse: name at least one file (or - for standard input)\n')
    return EXIT.unusable
  }
  if (values.out) mkdirSync(values.out, { recursive: true })
  let code: number = EXIT.ok
  const many = positionals.length > 1
  const names = outputNames(positionals)
  for (const [i, file] of positionals.entries()) {
    try {
      const { disclosure, diagnostics } = await load(file)
      for (const d of diagnostics) {
        if (d.severity === 'error' || values.diagnostics) {
          const where = d.place ? `:${d.place.start.line}:${d.place.start.column}` : ''
          process.stderr.write(`${file}${where}: ${d.severity} ${d.message} [${d.ruleId}]\n`)
        }
      }
      const text =
        values.format === 'facts' ? toFacts(disclosure!) : JSON.stringify({ ...disclosure, diagnostics }, null, 2) + '\n'
      if (values.out) {
        writeFileSync(join(values.out, `${names[i]}.${values.format === 'facts' ? 'facts.csv' : 'json'}`), text)
      } else {
        // Several files on stdout: facts CSVs are concatenated under one header; JSON as one object per line would hide structure, so name each.
        if (many && values.format === 'json') process.stdout.write(`// ${file}\n`)
        process.stdout.write(many && values.format === 'facts' && file !== positionals[0] ? text.slice(text.indexOf('\n') + 1) : text)
      }
      if (disclosure?.partial) code = Math.max(code, EXIT.findings)
    } catch (e) {
      process.stderr.write(`yusuan parse: ${(e as Error).message}\n`)
      code = EXIT.unusable
    }
  }
  return code
}

/**
 * The name of each input's output in --out: the file name without its extension (`001.docx` →
 * `001`), unless another input has the same one (`001.docx` and `001.xlsx` → `001.docx`,
 * `001.xlsx`); names that still clash (`a/001.txt`, `b/001.txt`) are numbered in order (`001.txt`,
 * `001.txt-2`, or the next number no other output has). No output overwrites another's.
 */
export function outputNames(files: string[]): string[] {
  const base = files.map((f) => (f === '-' ? 'stdin' : basename(f)))
  const stem = base.map((b) => b.replace(/\.[^.]+$/, ''))
  const count = (names: string[], name: string) => names.filter((n) => n === name).length
  const names = stem.map((s, i) => (count(stem, s) > 1 ? base[i]! : s))
  const used = new Set<string>()
  return names.map((n) => {
    let name = n
    for (let k = 2; used.has(name); k++) name = `${n}-${k}`
    used.add(name)
    return name
  })
}
