#!/usr/bin/env node
/**
 * Initial JS of the built renderer (DESIGN §5, cold start; budget ≤ 300 kB gzip): the module
 * script index.html starts with and every module it preloads, raw and gzip (level 9, as a server
 * would send it). `npm run build`, then: node tests/bench/initial-js.mjs [out/renderer]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dir = process.argv[2] ?? 'out/renderer'
const html = readFileSync(join(dir, 'index.html'), 'utf8')
const scripts = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1])
let raw = 0
let gzip = 0
for (const src of scripts) {
  const body = readFileSync(join(dir, src))
  const zipped = gzipSync(body, { level: 9 }).length
  raw += body.length
  gzip += zipped
  process.stdout.write(`${String(zipped).padStart(8)} B gzip  ${src}\n`)
}
process.stdout.write(`initial JS: ${scripts.length} files, ${raw} B raw, ${gzip} B gzip\n`)
