import * as audit from './commands/audit.ts'
import * as parse from './commands/parse.ts'
import * as rules from './commands/rules.ts'

/** A CLI verb: a one-line summary and a runner returning the exit code. */
interface Command {
  summary: string
  run(argv: string[]): Promise<number>
}

/** The verbs, in the order `yusuan --help` lists them. */
const COMMANDS: Record<string, Command> = { parse, audit, rules }

function help(): string {
  return ['yusuan — 部门预算公开：解析、审核、生成、发布', '', ...Object.values(COMMANDS).map((c) => `  yusuan ${c.summary}`), ''].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv
  if (!verb || verb === '--help' || verb === '-h') {
    process.stdout.write(help())
    return verb ? 0 : 2
  }
  const command = COMMANDS[verb]
  if (!command) {
    process.stderr.write(`yusuan: unknown command ${verb}\n${help()}`)
    return 2
  }
  try {
    return await command.run(rest)
  } catch (e) {
    // Argument errors from parseArgs are the user's; everything else is a bug and keeps its stack.
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`yusuan ${verb}: ${(e as Error).message}\n`)
      return 2
    }
    throw e
  }
}

process.exitCode = await main(process.argv.slice(2))
