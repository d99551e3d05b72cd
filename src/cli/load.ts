import { parseFile, ParseError, type ParseResult } from '../parse/index.ts'
import { readInput } from './input.ts'

/** Read and parse one file argument; unusable input becomes an Error whose message names the file. */
export async function load(file: string): Promise<ParseResult> {
  const bytes = readInput(file)
  try {
    return await parseFile(file, bytes)
  } catch (e) {
    if (e instanceof ParseError) throw new Error(e.message)
    throw e
  }
}
