import type { Place } from '../../model/index.ts'
import type { PdfLine } from '../pdf/layout.ts'

/**
 * Number lines 1, 2, 3, … in place, moving the line numbers of their places and of their cells'
 * places along (columns stay), after OCR'd pages were put between pages read from the text layer.
 */
export function renumber(lines: PdfLine[]): void {
  lines.forEach((line, i) => {
    const n = i + 1
    line.line = n
    move(line.place, n)
    for (const cell of line.cells ?? []) move(cell.place, n)
  })
}

function move(place: Place, line: number) {
  place.start = { ...place.start, line }
  if (place.end) place.end = { ...place.end, line }
}
