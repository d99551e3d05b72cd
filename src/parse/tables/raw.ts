import type { Place } from '../../model/index.ts'

/**
 * A number read from a table row, before its column is decided. Every property is there from the
 * start (undefined until known): properties added later cost each number a second allocation.
 */
export interface RawNumber {
  value: string
  /** The value in fen, set once the table's unit is known. */
  fen: number | undefined
  /** OCR confidence of the cell it was read from. */
  confidence: number | undefined
  raw: string
  place: Place
  /** The column the layout puts it in, when the layout is trustworthy. */
  column: string | undefined
  /** The column the header above this field names (a hint, not a decision). */
  hint: string | undefined
}

/** A table row as read, before columns are assigned. */
export interface RawRow {
  key: string
  label: string
  code?: string
  project?: string
  place: Place
  numbers: RawNumber[]
  /** Two-sided tables: which side the row is on (decides its columns). */
  side?: 'income' | 'expenditure'
}
