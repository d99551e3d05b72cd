import { writeFileSync } from 'node:fs'
import { disclosureJsonSchema } from '../src/model/json-schema.ts'

/** `npm run schema`: write schema/disclosure.schema.json from the zod model. */
writeFileSync('schema/disclosure.schema.json', JSON.stringify(disclosureJsonSchema(), null, 2) + '\n')
