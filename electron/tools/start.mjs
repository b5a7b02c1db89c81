#!/usr/bin/env node
// `npm start` / `npm run start:browser` (`--browser`).
//
// 1. Builds with electron-vite unless out/ is already newer than every source file (or `--no-build`).
// 2. If the Electron binary is usable: prepares better-sqlite3 for Electron's ABI (below) and
//    launches Electron on the built app. Otherwise says so in one line and starts the browser host
//    (`node out/main/browser-host.js`): the same core and renderer on http://127.0.0.1.
//
// Native ABI separation (toolchain notes, last paragraph): node_modules/better-sqlite3/build holds
// the Node build that `npm test`, the CLI and the browser host load. This script never touches it.
// The Electron build lives apart, in
//   node_modules/.cache/passcode-desk/better-sqlite3-<ver>-electron-<ver>-<platform>-<arch>/better_sqlite3.node
// made once from a temporary copy of the better-sqlite3 package (prebuild-install for the Electron
// runtime, else node-gyp against Electron's headers), and handed to Electron in the environment
// variable PASSCODE_DESK_SQLITE_BINDING; the main process passes it to core as
// `sqliteNativeBinding`, which the store gives to `new Database(file, { nativeBinding })`.
// So `npm test` and `npm start` work in either order, with no rebuild when switching.
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(join(root, 'package.json'))
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
// Electron detection

/**
 * The Electron binary's path, or null where none can be had. From Electron 42 on, the npm package
 * has no install step: `require('electron')` downloads the binary on first use and throws
 * "Electron failed to install correctly" when it cannot (toolchain notes). It runs in a child
 * process with its output captured, so a failed download stays a single line of ours.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    env: cleanBuildEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  })
  if (probe.status !== 0) return null
  const path = probe.stdout.trim().split('\n').pop()
  return path && existsSync(path) ? path : null
}

// ---------------------------------------------------------------------------------------------
// better-sqlite3 for Electron's ABI, kept apart from node_modules' Node build

/** npm exports its config as npm_config_*; the machine's `nodedir` would make node-gyp build for Node. */
function cleanBuildEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key))
      delete env[key]
  }
  delete env.ELECTRON_RUN_AS_NODE
  return env
}

/** A binary Node can load was built for Node's ABI: exactly what we must not hand to Electron. */
function loadsInNode(file) {
  const probe = spawnSync(
    process.execPath,
    ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file],
    { stdio: 'ignore' },
  )
  return probe.status === 0
}

export function electronBindingPath(
  electronVersion,
  sqliteVersion,
  platform = process.platform,
  arch = process.arch,
) {
  return join(
    root,
    'node_modules',
    '.cache',
    'passcode-desk',
    `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  )
}

function prepareElectronSqlite(electronVersion) {
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'))
  const sqliteVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version
  const target = electronBindingPath(electronVersion, sqliteVersion)
  if (existsSync(target)) return target

  say(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`)
  const work = mkdtempSync(join(tmpdir(), 'passcode-desk-sqlite-'))
  try {
    // A copy without build/: the Node build in node_modules stays untouched.
    cpSync(pkgDir, work, {
      recursive: true,
      filter: (src) => relative(pkgDir, src).split(/[\\/]/)[0] !== 'build',
    })
    const env = cleanBuildEnv()
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    const attempts = [
      [
        require.resolve('prebuild-install/bin.js'),
        [
          '--runtime',
          'electron',
          '--target',
          electronVersion,
          '--arch',
          process.arch,
          '--platform',
          process.platform,
        ],
      ],
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        [
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
      ],
    ]
    for (const [script, scriptArgs] of attempts) {
      rmSync(join(work, 'build'), { recursive: true, force: true })
      const run = spawnSync(process.execPath, [script, ...scriptArgs], {
        cwd: work,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      if (run.status === 0 && existsSync(built) && !loadsInNode(built)) {
        mkdirSync(dirname(target), { recursive: true })
        cpSync(built, `${target}.tmp`)
        renameSync(`${target}.tmp`, target)
        return target
      }
    }
    return null
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
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
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  const binding = prepareElectronSqlite(electronVersion)
  if (!binding) {
    say(
      `better-sqlite3 could not be built for Electron ${electronVersion} here — starting Passcode Desk in your browser instead.`,
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
