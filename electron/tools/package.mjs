// `npm run package [-- electron-builder args]`: packages the app for this OS (release workflow).
// 1. Deletes better-sqlite3's build/ so @electron/rebuild cannot skip it on a stale .forge-meta
//    and ship the Node-ABI binary (electron-builder.yml, npmRebuild).
// 2. Builds the renderer/main bundles and runs electron-builder (which rebuilds better-sqlite3 for
//    Electron in node_modules, packs it, and checks its ABI in electron/tools/after-pack.mjs).
// 3. Always rebuilds the Node build afterwards: `npm test`, the browser host and the CLI load it.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './electron-sqlite.mjs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1

rmSync(join(root, 'node_modules', 'better-sqlite3', 'build'), { recursive: true, force: true })
let status = run(npm, ['run', 'build'])
if (status === 0) status = run(npx, ['electron-builder', '--publish', 'never', ...process.argv.slice(2)])
// Restore the Node build whatever happened (the development tree must keep working).
rmSync(join(root, 'node_modules', 'better-sqlite3', 'build'), { recursive: true, force: true })
const restored = run(npm, ['rebuild', 'better-sqlite3'])
process.exit(status !== 0 ? status : restored)
