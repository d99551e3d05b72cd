import { z } from 'zod'
import { Place } from './place.ts'

/** How a number came to sit in its column. */
export const Assignment = z.object({
  /**
   * `position`: the layout put it there; `identity`: a table identity decided; `cross-table`:
   * another table (or an empty table) decided; `convention`: a documented template convention broke
   * a tie; `order`: nothing decided, the numbers filled the columns left to right.
   */
  by: z.enum(['position', 'identity', 'cross-table', 'convention', 'order']),
  /** A sentence saying how, for a reviewer. */
  note: z.string().optional(),
})
export type Assignment = z.infer<typeof Assignment>

/** One stated (or derived) number of a table. */
export const Cell = z.object({
  /** Column key of the spec (`total`, `basic`, `fiscal.general`, …) or `c<N>` in an unknown table. */
  column: z.string(),
  /** Canonical value in 万元: plain decimal, at least two decimals, exact. */
  value: z.string(),
  /** The same value as integer fen. */
  fen: z.number().int(),
  /** The text as printed (`1, 221. 42`). */
  raw: z.string(),
  place: Place.optional(),
  /** Set when the column was not given by layout alone. */
  assignment: Assignment.optional(),
  /** A value the project derived; never a fact of the document, never exported as one. */
  derived: z.boolean().optional(),
  /** OCR's confidence in the printed figure, 0–1, for cells read from an image (below 0.6: unsure, with a warning). */
  confidence: z.number().min(0).max(1).optional(),
})
export type Cell = z.infer<typeof Cell>

/** One row of a table. */
export const Row = z.object({
  /** Row key of the spec: a function or economic code, `inc.general`, `exp.201`, `total`, `unit:<name>`, … */
  key: z.string(),
  /** The label as printed (name of the code, income line, project name). */
  label: z.string(),
  /** Function or economic code, digits only, where the row has one. */
  code: z.string().optional(),
  /** Project name for project rows. */
  project: z.string().optional(),
  cells: z.array(Cell),
  place: Place.optional(),
})
export type Row = z.infer<typeof Row>

/** A column of a table: its key and the header path from the outermost merged header down. */
export const Column = z.object({
  key: z.string(),
  path: z.array(z.string()),
})
export type Column = z.infer<typeof Column>

/** A table of 第二部分, standard or not. */
export const Table = z.object({
  /** Spec table key (`summary`, `income`, …) or `table<N>` for a table with no key yet. */
  key: z.string(),
  /** Title as printed, when the source kept it. */
  title: z.string().optional(),
  /** 表 N as printed. */
  number: z.number().int().optional(),
  /** Unit of the printed numbers. Values in the model are always 万元. */
  unit: z.enum(['万元', '元']),
  /** Whether the key came from the title or only from the table's shape. */
  recognisedBy: z.enum(['title', 'shape', 'number']),
  columns: z.array(Column),
  rows: z.array(Row),
  /** The table prints no number at all. */
  empty: z.boolean(),
  /** The sentence that explains an empty table (`…为空表`), where the document has one. */
  emptyNote: z.object({ text: z.string(), place: Place.optional() }).optional(),
  place: Place.optional(),
})
export type Table = z.infer<typeof Table>
