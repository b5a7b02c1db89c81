#!/usr/bin/env node
// Renders resources/icon.svg into the packaging icons: icon.png (1024), icon-256.png, icon.ico
// (Windows: PNG-compressed entries 16–256) and icon.icns (macOS: PNG entries 16–1024), using the
// machine's Chromium through Playwright (no image tool needed). Run after editing icon.svg:
//   node resources/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const dir = dirname(fileURLToPath(import.meta.url))
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')
const executablePath = process.env.PASSCODE_DESK_CHROMIUM ?? '/usr/bin/chromium'

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
const png = new Map()
try {
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    const sized = svg.replace(/width="64" height="64"/, `width="${size}" height="${size}"`)
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`)
    png.set(size, await page.locator('svg').screenshot({ omitBackground: true }))
    await page.close()
  }
} finally {
  await browser.close()
}

// ICO: 6-byte header, 16-byte directory entries, then the PNG images (allowed since Windows Vista).
function ico(sizes) {
  const header = Buffer.alloc(6 + 16 * sizes.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(sizes.length, 4)
  let offset = header.length
  sizes.forEach((size, i) => {
    const data = png.get(size)
    const at = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, at)
    header.writeUInt8(size >= 256 ? 0 : size, at + 1)
    header.writeUInt16LE(1, at + 4) // colour planes
    header.writeUInt16LE(32, at + 6) // bits per pixel
    header.writeUInt32LE(data.length, at + 8)
    header.writeUInt32LE(offset, at + 12)
    offset += data.length
  })
  return Buffer.concat([header, ...sizes.map((size) => png.get(size))])
}

// ICNS: 'icns' + total length, then (type, length incl. 8-byte header, PNG data) per entry.
function icns(entries) {
  const chunks = entries.map(([type, size]) => {
    const data = png.get(size)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4)
  return Buffer.concat([head, ...chunks])
}

writeFileSync(join(dir, 'icon.png'), png.get(1024))
writeFileSync(join(dir, 'icon-256.png'), png.get(256))
writeFileSync(join(dir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]))
writeFileSync(
  join(dir, 'icon.icns'),
  icns([
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
    ['ic11', 32],
    ['ic12', 64],
    ['ic13', 256],
    ['ic14', 512],
  ]),
)
console.log('icons written to', dir)
