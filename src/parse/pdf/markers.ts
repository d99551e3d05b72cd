const latin1 = new TextDecoder('latin1')

/** A PDF starts with `%PDF-` within its first 1024 bytes (readers accept leading junk up to there). */
export function hasHeader(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(0, 1024)).includes('%PDF-')
}

/** A complete PDF ends with `%%EOF` (followed at most by junk); a download cut short does not. */
export function hasEof(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')
}
