// Bundle the CLI into dist/ with esbuild. Node starts the bundle in about a third of the time tsx
// takes to resolve and compile the ~150 source modules one by one (0.15 s against 0.45 s for a
// `yusuan parse` of one text file); bin/yusuan.js runs it whenever it is newer than every source.
// Packages stay external; the files the code opens next to itself are copied beside the bundle.
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

const root = new URL('../', import.meta.url)
// `node scripts/build.mjs DIR` builds elsewhere (the bundle test), inside the checkout so packages resolve.
const dist = new URL(`${process.argv[2] ?? 'dist'}/`, root)
rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
await build({
  entryPoints: [new URL('src/cli/yusuan.ts', root).pathname],
  outfile: new URL('yusuan.mjs', dist).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
// src/catalog reads its CSV files, src/parse/pdf starts its worker, both by URLs relative to the module.
cpSync(new URL('src/catalog/data/', root), new URL('data/', dist), { recursive: true })
cpSync(new URL('src/parse/pdf/pdfium-worker.mjs', root), new URL('pdfium-worker.mjs', dist))
