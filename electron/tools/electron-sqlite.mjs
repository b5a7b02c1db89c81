// Helpers shared by `npm start` (electron/tools/start.mjs) and the real-Electron test: find a usable
// Electron binary, and build better-sqlite3 for Electron's ABI apart from node_modules' Node build.
//
// Native ABI separation (toolchain notes, last paragraph): node_modules/better-sqlite3/build holds
// the Node build that `npm test`, the CLI and the browser host load; nothing here touches it. The
// Electron build lives in
//   node_modules/.cache/passcode-desk/better-sqlite3-<ver>-electron-<ver>-<platform>-<arch>/better_sqlite3.node
// made once from a temporary copy of the better-sqlite3 package (prebuild-install for the Electron
// runtime, else node-gyp against Electron's headers), checked to be NOT loadable by Node (a binary
// Node loads was built for the wrong ABI), and handed to Electron in PASSCODE_DESK_SQLITE_BINDING.
// The main process passes it to core as `sqliteNativeBinding` (electron/main/native-binding.ts),
// which the store gives to `new Database(file, { nativeBinding })`.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(join(root, 'package.json'))
const say = (line) => process.stdout.write(`${line}\n`)

/**
 * The Electron binary's path, or null where none can be had. From Electron 42 on, the npm package
 * has no install step: `require('electron')` downloads the binary on first use and throws
 * "Electron failed to install correctly" when it cannot (toolchain notes). It runs in a child
 * process with its output captured, so a failed download stays a single line of ours.
 */
export function electronBinary() {
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

/** npm exports its config as npm_config_*; the machine's `nodedir` would make node-gyp build for Node. */
export function cleanBuildEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key))
      delete env[key]
  }
  delete env.ELECTRON_RUN_AS_NODE
  return env
}

/** A binary Node can load was built for Node's ABI: exactly what we must not hand to Electron. */
export function loadsInNode(file) {
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

export function prepareElectronSqlite(electronVersion) {
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

/** The installed electron package's version (what the binding must be built for). */
export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
}
