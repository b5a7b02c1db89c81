#!/usr/bin/env node
// Preflight for `npm test`: checks every system package the tests need and, on a fresh
// Debian/Ubuntu machine run as root (CI), installs what is missing; elsewhere it names exactly what
// to install instead of failing later inside Playwright or node-gyp.
//
// Needed:   Chromium (the end-to-end tests drive it; Playwright never downloads browsers here).
// Optional: libsecret (Linux) for @azure/msal-node-extensions' keychain. Without it `npm ci` drops
//           that optional package and the app keeps sign-ins in memory only; every test still
//           passes (tests/unit/electron/core/auth/keychain-extensions.test.ts), so it is only named.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const executable = process.env.PASSCODE_DESK_CHROMIUM ?? '/usr/bin/chromium'
const isLinux = process.platform === 'linux'
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')
const problems = []

/** better-sqlite3 is compiled at `npm ci`; if its binding is missing nothing else can pass. */
function checkSqliteBinding() {
  try {
    const Database = require('better-sqlite3')
    new Database(':memory:').close()
  } catch (error) {
    problems.push(
      `better-sqlite3 did not build (${String(error?.message ?? error).split('\n')[0]}).\n` +
        '  It compiles from source at `npm ci`: install a C++ toolchain, then run `npm ci` again.\n' +
        '  Debian/Ubuntu: apt-get install python3 make g++ · macOS: xcode-select --install ·\n' +
        '  Windows: Visual Studio Build Tools with "Desktop development with C++".',
    )
  }
}

function checkChromium() {
  if (existsSync(executable)) return
  if (isLinux && isRoot && hasApt && !process.env.PASSCODE_DESK_CHROMIUM) {
    process.stderr.write(
      `Chromium not found at ${executable}: installing Debian's chromium for the end-to-end tests…\n`,
    )
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    })
    if (existsSync(executable)) return
  }
  problems.push(
    `The end-to-end tests need Chromium at ${executable}.\n` +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  Elsewhere: set PASSCODE_DESK_CHROMIUM to a Chromium or Chrome executable.',
  )
}

function noteOptionalKeychain() {
  try {
    require.resolve('@azure/msal-node-extensions')
  } catch {
    process.stderr.write(
      'note: @azure/msal-node-extensions is not installed (optional; on Linux it needs libsecret-1-dev and\n' +
        '      pkg-config at `npm ci`). Sign-ins then stay in memory only; the tests do not need it.\n',
    )
  }
}

checkSqliteBinding()
checkChromium()
noteOptionalKeychain()
if (problems.length > 0) {
  process.stderr.write(`npm test cannot run yet:\n- ${problems.join('\n- ')}\n`)
  process.exit(1)
}
