import type { Diagnostic } from '../../model/index.ts'
import type { PdfLine } from '../pdf/layout.ts'
import { LOW_CONFIDENCE, type ScannedPage } from './page.ts'

/**
 * What reading a page by OCR tells the reader: an `info` that the page was recognised (with its
 * skew and how many cells are unsure), and a `warning` on each cell read with low confidence,
 * placed at the cell (page and box), with the text as read in `actual`. A person checks those
 * cells against the page; nothing read unsurely passes silently.
 */
export function ocrDiagnostics(file: string, page: number, scanned: ScannedPage): Diagnostic[] {
  const first = scanned.lines[0]
  const out: Diagnostic[] = [
    {
      ruleId: 'parse/ocr-page',
      severity: 'info',
      message:
        `第 ${page} 页为图像，已 OCR 识别：${scanned.cells} 个单元格，其中 ${scanned.unsure} 个置信度低` +
        (Math.abs(scanned.skew) >= 0.05 ? `，页面倾斜 ${scanned.skew.toFixed(2)}° 已校正` : '') +
        ` (page ${page} read by OCR: ${scanned.cells} cells, ${scanned.unsure} unsure)`,
      place: first ? { ...first.place, end: first.place.start } : { file, start: { line: 1, column: 1 }, page },
      actual: String(scanned.unsure),
    },
  ]
  for (const line of scanned.lines) out.push(...unsureCells(line))
  return out
}

function unsureCells(line: PdfLine): Diagnostic[] {
  return (line.cells ?? [])
    .filter((c) => c.confidence !== undefined && c.confidence < LOW_CONFIDENCE)
    .map((c) => ({
      ruleId: 'parse/ocr-low-confidence',
      severity: 'warning' as const,
      message: `OCR 识别置信度低（${Math.round(c.confidence! * 100)}%）：「${c.text}」，请对照原件核对 (low OCR confidence: check against the page)`,
      place: c.place,
      actual: c.text,
    }))
}
