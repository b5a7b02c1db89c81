#!/usr/bin/env node
// `npx passcode-desk …`: runs the built CLI (electron-vite puts it in out/main/cli.js).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const cli = join(dirname(fileURLToPath(import.meta.url)), '../../out/main/cli.js')
if (!existsSync(cli)) {
  process.stderr.write('passcode-desk: not built yet. Run `npm run build` first.\n')
  process.exit(1)
}
await import(pathToFileURL(cli).href)
