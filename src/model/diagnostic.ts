import { z } from 'zod'
import { Place } from './place.ts'

/** Severity of a diagnostic; `info` is used for rounding notes. */
export const Severity = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof Severity>

export interface Diagnostic {
  /** Stable id, the rule's file name (`sum/column-total`) or a parse id (`parse/unknown-table`). */
  ruleId: string
  severity: Severity
  /** Rendered message. */
  message: string
  messageId?: string | undefined
  place?: Place | undefined
  /** Where in the model: ['tables', 'income', 'rows', '2010306', 'total']. */
  path?: (string | number)[] | undefined
  actual?: string | undefined
  expected?: string | undefined
  /** The other side of a cross-table or narrative mismatch. */
  related?: Diagnostic[] | undefined
  url?: string | undefined
  /** The problem makes the file unusable. */
  fatal?: boolean | undefined
}

export const Diagnostic: z.ZodType<Diagnostic> = z.lazy(() =>
  z.object({
    ruleId: z.string(),
    severity: Severity,
    message: z.string(),
    messageId: z.string().optional(),
    place: Place.optional(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    actual: z.string().optional(),
    expected: z.string().optional(),
    related: z.array(Diagnostic).optional(),
    url: z.string().optional(),
    fatal: z.boolean().optional(),
  }),
)
