#!/usr/bin/env node
// `npm start` / `npm run start:browser` (`--browser`).
//
// 1. Builds with electron-vite unless out/ is already newer than every source file (or `--no-build`).
// 2. If the Electron binary is usable: prepares better-sqlite3 for Electron's ABI (below) and
//    launches Electron on the built app. Otherwise says so in one line and starts the browser host
//    (`node out/main/browser-host.js`): the same core and renderer on http://127.0.0.1.
//
// Native ABI separation (Node build for tests, a separate Electron build for the app): see
// electron/tools/electron-sqlite.mjs.
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary, electronVersion, prepareElectronSqlite, root } from './electron-sqlite.mjs'
const args = new Set(process.argv.slice(2))
const say = (line) => process.stdout.write(`${line}\n`)
const fail = (line) => {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

// ---------------------------------------------------------------------------------------------
// Build when needed

const SOURCES = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json', 'tsconfig.json']
const OUTPUTS = [
  'out/main/index.js',
  'out/main/browser-host.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]

function newestMtime(path) {
  const info = statSync(path, { throwIfNoEntry: false })
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'tools') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

export function needsBuild() {
  const outputs = OUTPUTS.map((p) => statSync(join(root, p), { throwIfNoEntry: false })?.mtimeMs ?? 0)
  const oldestOutput = Math.min(...outputs)
  if (oldestOutput === 0) return true
  return SOURCES.some((p) => newestMtime(join(root, p)) > oldestOutput)
}

function build() {
  if (args.has('--no-build') || !needsBuild()) return
  say('Building Passcode Desk…')
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [bin, 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) fail('The build failed (see above); fix it, or run `npm run build` for details.')
}

// ---------------------------------------------------------------------------------------------
// Launch

function run(command, commandArgs, env) {
  // Own process group (POSIX) so a terminal Ctrl+C reaches the child once, through us.
  const detached = process.platform !== 'win32'
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit', detached })
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal)
  }
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.on('exit', (code, signal) =>
    process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 0)),
  )
  child.on('error', (error) => fail(`Could not start ${command}: ${error.message}`))
}

function startBrowserHost() {
  run(process.execPath, [join(root, 'out', 'main', 'browser-host.js')], process.env)
}

function main() {
  build()
  if (args.has('--browser')) return startBrowserHost()

  const electronPath = electronBinary()
  if (!electronPath) {
    say('Electron runtime not available here — starting Passcode Desk in your browser instead.')
    return startBrowserHost()
  }
  const version = electronVersion()
  const binding = prepareElectronSqlite(version)
  if (!binding) {
    say(
      `better-sqlite3 could not be built for Electron ${version} here — starting Passcode Desk in your browser instead.`,
    )
    return startBrowserHost()
  }
  const env = { ...process.env, PASSCODE_DESK_SQLITE_BINDING: binding }
  delete env.ELECTRON_RUN_AS_NODE
  run(electronPath, [root], env)
}

const invokedDirectly = (() => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
})()
if (invokedDirectly) main()
