import { inflateRawSync } from 'node:zlib'

/** One entry of a zip archive (DOCX/XLSX), read through the central directory; enough for tests. */
export function unzipEntry(zip: Uint8Array, name: string): Buffer | undefined {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const entry = buf.toString('utf8', p + 46, p + 46 + nameLen)
    if (entry === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
      const data = buf.subarray(start, start + size)
      return method === 0 ? Buffer.from(data) : inflateRawSync(data)
    }
    p += 46 + nameLen + extraLen + commentLen
  }
  return undefined
}
