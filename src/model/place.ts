import { z } from 'zod'

/** A point in the extracted text. Lines and columns are 1-based, as in unist and ESLint. */
export const Point = z.object({
  /** 1-based line. */
  line: z.number().int().min(1),
  /** 1-based column, counted in UTF-16 code units of the decoded line. */
  column: z.number().int().min(1),
  /** 0-based offset into the decoded text. */
  offset: z.number().int().min(0).optional(),
})
export type Point = z.infer<typeof Point>

/** Where a fact sits in its source document. A derived fact has no place; none is invented. */
export const Place = z.object({
  /** The source file as given on the command line (`-` for stdin). */
  file: z.string(),
  start: Point,
  end: Point.optional(),
  /** PDF and DOCX: 1-based page. */
  page: z.number().int().min(1).optional(),
  /** PDF points, top-left origin: [x0, y0, x1, y1]. */
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /** XLSX sheet name. */
  sheet: z.string().optional(),
  /** XLSX cell reference such as `B7`. */
  cell: z.string().optional(),
})
export type Place = z.infer<typeof Place>

/** A value with the place it was read from. */
export const located = <T extends z.ZodType>(value: T) => z.object({ value, place: Place.optional() })
