import { readFileSync } from 'node:fs'

/** Read a file argument (`-` is standard input). Throws an Error naming the file on failure. */
export function readInput(file: string): Uint8Array {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? '文件不存在 (no such file)' : code === 'EISDIR' ? '是目录而不是文件 (is a directory)' : (e as Error).message
    throw new Error(`${file}: ${why}`)
  }
}

/** Exit codes shared by the commands. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const
