import { decode, NotTextError } from '../decode.ts'

/** Decoded HTML and how its encoding was found. */
export interface DecodedHtml {
  text: string
  /** The decoder used (`gb18030` for GB2312/GBK pages). */
  encoding: string
  /** Where the encoding came from. */
  by: 'bom' | 'meta' | 'sniff'
}

/** GB2312 and GBK are subsets of GB18030; decoding them as GB18030 also reads the characters publishers type outside GB2312. */
const GB = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'cp936', 'ms936', 'windows-936', 'gb_2312-80', 'csgb2312', 'chinese', 'iso-ir-58', 'euc-cn'])

/**
 * Decode an HTML page: by its byte order mark, else by the charset it declares (`<meta charset>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">` or an XML declaration) in its first
 * 4 KB, else by sniffing (valid UTF-8, else GB18030) as text files are decoded.
 * Throws NotTextError for binary data.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', by: 'bom' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', by: 'bom' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', by: 'bom' }
  const label = declaredCharset(bytes)
  if (label && GB.has(label) && isUtf8(bytes)) {
    // A UTF-8 page under a template's GB2312 meta: GBK text is practically never valid UTF-8 with
    // multi-byte sequences, so valid UTF-8 wins over the declaration.
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', by: 'sniff' }
  }
  if (label) {
    const encoding = GB.has(label) ? 'gb18030' : label
    try {
      // A page declaring UTF-8 that is not UTF-8 (a GBK page saved with a template's meta) falls through to sniffing.
      const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes)
      return { text, encoding: encoding === 'utf8' ? 'utf-8' : encoding, by: 'meta' }
    } catch (e) {
      if (!(e instanceof RangeError || e instanceof TypeError)) throw e
    }
  }
  const d = decode(bytes)
  return { text: d.text, encoding: d.encoding, by: 'sniff' }
}

/** Valid UTF-8 with at least one multi-byte sequence. */
function isUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The charset label declared in the first 4 KB (read as Latin-1: the declaration is ASCII). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1')
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_:.-]+)/i.exec(head)
  const label = (meta?.[1] ?? xml?.[1])?.toLowerCase()
  return label
}

export { NotTextError }
