import { crc32, inflateRawSync } from 'node:zlib'
import { OfficeError } from './error.ts'

/**
 * A bounded reader of the ZIP container of OOXML files (DOCX, XLSX). Written here rather than
 * taken from a library because the limits must hold before any byte is inflated: the central
 * directory is read first, the number of entries and the declared sizes are checked against the
 * limits, and each entry is then inflated with zlib's `maxOutputLength` set to its declared size,
 * so a zip bomb that lies about its sizes stops at the lie instead of filling memory.
 */

/** Limits on a ZIP container. */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number
  /** Sum of the declared uncompressed sizes of all entries, in bytes. */
  maxTotal: number
  /** Declared uncompressed size of one entry, in bytes. */
  maxEntry: number
}

/** Office files are a few MB; 200 MB uncompressed is far beyond any disclosure. */
export const defaultZipLimits: ZipLimits = { maxEntries: 10_000, maxTotal: 200 * 1024 * 1024, maxEntry: 100 * 1024 * 1024 }

/** One entry of the central directory. */
interface Entry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

/** An opened ZIP container: its entry names and their contents on demand. */
export interface Zip {
  /** Entry names in directory order. */
  names: string[]
  /** Whether an entry exists (names compare case-insensitively, as Office does). */
  has(name: string): boolean
  /** The entry's bytes, inflated and checked (size and CRC-32); undefined when absent. */
  bytes(name: string): Uint8Array | undefined
  /** The entry as UTF-8 (or UTF-16 with BOM) text; undefined when absent. */
  text(name: string): string | undefined
}

/** What kind of document the caller expects, for messages. */
export type OfficeKind = 'DOCX' | 'XLSX'

const LEGACY: Record<OfficeKind, string> = { DOCX: '.doc (Word 97–2003)', XLSX: '.xls (Excel 97–2003)' }
const CONVERT: Record<OfficeKind, string> = { DOCX: 'docx', XLSX: 'xlsx' }

/**
 * Open the ZIP container of an OOXML document. Throws OfficeError naming the file for an empty
 * file, an OLE compound file (a password-protected OOXML or a legacy .doc/.xls), anything that is
 * not a ZIP, a truncated or corrupt directory, and containers beyond the limits.
 */
export function openZip(file: string, bytes: Uint8Array, kind: OfficeKind, limits: Partial<ZipLimits> = {}): Zip {
  const lim = { ...defaultZipLimits, ...limits }
  if (bytes.length === 0) throw new OfficeError(file, 'empty', '文件为空 (empty file)')
  if (isOle(bytes)) throw oleError(file, bytes, kind)
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new OfficeError(file, 'not-office', `不是 ${kind} 文件：不是 ZIP 容器 (not a ${kind} file: not a ZIP container)`)
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const entries = readDirectory(file, buf, lim)
  const byName = new Map<string, Entry>()
  // Some Windows tools write `word\document.xml`; Office reads such packages, so do we.
  for (const e of entries) byName.set(e.name.replace(/\\/g, '/').toLowerCase(), e)
  let inflated = 0
  const bytesOf = (name: string): Uint8Array | undefined => {
    const e = byName.get(name.replace(/^\//, '').toLowerCase())
    if (!e) return undefined
    const out = inflate(file, buf, e)
    inflated += out.length
    if (inflated > lim.maxTotal) throw tooLarge(file, `解压后超过 ${mb(lim.maxTotal)} (more than ${mb(lim.maxTotal)} inflated)`)
    return out
  }
  return {
    names: entries.map((e) => e.name),
    has: (name) => byName.has(name.replace(/^\//, '').toLowerCase()),
    bytes: bytesOf,
    text: (name) => {
      const b = bytesOf(name)
      if (!b) return undefined
      if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2))
      if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2))
      return new TextDecoder('utf-8').decode(b) // drops a UTF-8 BOM
    },
  }
}

/** The OLE compound file signature (D0 CF 11 E0 A1 B1 1A E1). */
export function isOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b)
}

/**
 * An OLE compound file in place of OOXML is either a password-protected OOXML document (its
 * streams are `EncryptionInfo` and `EncryptedPackage`, MS-OFFCRYPTO 2.3.4) or a legacy binary
 * document (`WordDocument`, `Workbook`/`Book`). Directory entry names are UTF-16LE.
 */
function oleError(file: string, bytes: Uint8Array, kind: OfficeKind): OfficeError {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const has = (name: string) => buf.indexOf(Buffer.from(name, 'utf16le')) >= 0
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    // Which kind the encrypted package holds cannot be told without the password, so the message does not guess.
    return new OfficeError(file, 'encrypted', '文件已加密（设置了打开密码），无法读取，请提供未加密的文件 (encrypted: password-protected Office document)')
  }
  const legacy = has('WordDocument') ? LEGACY.DOCX : has('Workbook') || has('Book') ? LEGACY.XLSX : 'OLE 复合文档 (OLE compound file)'
  return new OfficeError(
    file,
    'legacy',
    `旧版 Office 二进制格式 ${legacy}，不支持；请先转换，例如 soffice --headless --convert-to ${CONVERT[kind]} (legacy binary format, convert it to ${kind} first)`,
  )
}

function readDirectory(file: string, buf: Buffer, lim: ZipLimits): Entry[] {
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const min = Math.max(0, buf.length - 22 - 65535)
  let eocd = -1
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new OfficeError(file, 'truncated', '文件不完整或已损坏：找不到 ZIP 目录 (truncated or corrupt: no end of central directory)')
  let count = buf.readUInt16LE(eocd + 10)
  let cdSize = buf.readUInt32LE(eocd + 12)
  let cdOffset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the EOCD and points at the ZIP64 EOCD record.
    const loc = eocd - 20
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw corrupt(file, 'ZIP64 目录定位符缺失 (missing ZIP64 locator)')
    const rec = Number(buf.readBigUInt64LE(loc + 8))
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== 0x06064b50) throw corrupt(file, 'ZIP64 目录损坏 (bad ZIP64 end of central directory)')
    count = Number(buf.readBigUInt64LE(rec + 32))
    cdSize = Number(buf.readBigUInt64LE(rec + 40))
    cdOffset = Number(buf.readBigUInt64LE(rec + 48))
  }
  if (count > lim.maxEntries) throw tooLarge(file, `ZIP 条目 ${count} 个，超过上限 ${lim.maxEntries} (${count} entries, limit ${lim.maxEntries})`)
  if (cdOffset + cdSize > buf.length) throw new OfficeError(file, 'truncated', '文件不完整：ZIP 目录超出文件末尾 (truncated: central directory beyond end of file)')
  const entries: Entry[] = []
  let total = 0
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(file, `ZIP 目录第 ${i + 1} 项损坏 (bad central directory entry ${i + 1})`)
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const crc = buf.readUInt32LE(p + 16)
    let compressedSize = buf.readUInt32LE(p + 20)
    let size = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    let localOffset = buf.readUInt32LE(p + 42)
    const end = p + 46 + nameLen + extraLen + commentLen
    if (end > buf.length) throw corrupt(file, 'ZIP 目录越界 (central directory entry beyond end of file)')
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extended information (header id 1): the 0xFFFFFFFF fields, in this order.
      let q = p + 46 + nameLen
      const extraEnd = q + extraLen
      while (q + 4 <= extraEnd) {
        const id = buf.readUInt16LE(q)
        const len = buf.readUInt16LE(q + 2)
        if (id === 1) {
          let r = q + 4
          const next = () => {
            if (r + 8 > q + 4 + len) throw corrupt(file, 'ZIP64 扩展字段损坏 (bad ZIP64 extra field)')
            const v = Number(buf.readBigUInt64LE(r))
            r += 8
            return v
          }
          if (size === 0xffffffff) size = next()
          if (compressedSize === 0xffffffff) compressedSize = next()
          if (localOffset === 0xffffffff) localOffset = next()
        }
        q += 4 + len
      }
    }
    if (size > lim.maxEntry) throw tooLarge(file, `ZIP 条目 ${name} 解压后 ${mb(size)}，超过上限 ${mb(lim.maxEntry)} (entry ${name} inflates to ${mb(size)})`)
    total += size
    if (total > lim.maxTotal) throw tooLarge(file, `ZIP 内容解压后超过 ${mb(lim.maxTotal)} (declared uncompressed total beyond ${mb(lim.maxTotal)})`)
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset })
    p = end
  }
  return entries
}

function inflate(file: string, buf: Buffer, e: Entry): Uint8Array {
  if (e.flags & 1) throw new OfficeError(file, 'encrypted', `ZIP 条目 ${e.name} 已加密 (entry ${e.name} is encrypted)`)
  const p = e.localOffset
  if (p + 30 > buf.length) throw new OfficeError(file, 'truncated', `文件不完整：${e.name} 超出文件末尾 (truncated: ${e.name} beyond end of file)`)
  if (buf.readUInt32LE(p) !== 0x04034b50) throw corrupt(file, `${e.name} 的本地文件头损坏 (bad local header of ${e.name})`)
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28)
  const end = start + e.compressedSize
  if (end > buf.length) throw new OfficeError(file, 'truncated', `文件不完整：${e.name} 的数据被截断 (truncated: data of ${e.name} cut off)`)
  const data = buf.subarray(start, end)
  let out: Buffer
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt(file, `${e.name} 的大小不一致 (stored size mismatch in ${e.name})`)
    out = data
  } else if (e.method === 8) {
    try {
      // One byte of headroom: output beyond the declared size means the directory lied (a zip bomb).
      out = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) + 1 })
    } catch (err) {
      if (err instanceof RangeError) throw tooLarge(file, `${e.name} 解压后超过声明的大小 ${e.size} 字节，疑似 ZIP 炸弹 (inflates beyond its declared size: zip bomb?)`)
      throw corrupt(file, `${e.name} 无法解压：${(err as Error).message} (cannot inflate ${e.name})`)
    }
  } else {
    throw new OfficeError(file, 'unsupported', `${e.name} 使用不支持的压缩方法 ${e.method} (unsupported compression method ${e.method})`)
  }
  if (out.length !== e.size) throw corrupt(file, `${e.name} 解压后大小 ${out.length} 与声明的 ${e.size} 不符 (size mismatch)`)
  if (crc32(out) !== e.crc) throw corrupt(file, `${e.name} 校验失败 (CRC-32 mismatch in ${e.name})`)
  return out
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`
const corrupt = (file: string, what: string) => new OfficeError(file, 'corrupt', `文件已损坏：${what}`)
const tooLarge = (file: string, what: string) => new OfficeError(file, 'too-large', `文件过大或为 ZIP 炸弹：${what}`)
