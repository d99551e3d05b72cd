import { z } from 'zod'
import { Disclosure } from './disclosure.ts'

/** The JSON Schema (draft 2020-12) of the canonical model, generated from the zod schema. */
export function disclosureJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/yusuan/yusuan/schema/disclosure.schema.json',
    title: 'yusuan disclosure: the canonical model of a department budget disclosure',
    ...z.toJSONSchema(Disclosure, { io: 'output', reused: 'ref' }),
  }
}
