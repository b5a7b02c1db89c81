#!/usr/bin/env node
// Preflight for `npm test`: the end-to-end tests drive Debian's Chromium (Playwright never
// downloads browsers here). On a fresh Debian/Ubuntu machine run as root (CI), install it;
// elsewhere say exactly what is missing instead of failing later inside Playwright.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const executable = process.env.PASSCODE_DESK_CHROMIUM ?? '/usr/bin/chromium'
if (existsSync(executable)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')
if (isRoot && hasApt) {
  process.stderr.write(
    `Chromium not found at ${executable}: installing Debian's chromium for the end-to-end tests…\n`,
  )
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  })
  if (existsSync(executable)) process.exit(0)
}
process.stderr.write(
  `The end-to-end tests need Chromium at ${executable}.\n` +
    `  Debian/Ubuntu: sudo apt-get install chromium\n` +
    `  Elsewhere: set PASSCODE_DESK_CHROMIUM to a Chromium or Chrome executable.\n`,
)
process.exit(1)
