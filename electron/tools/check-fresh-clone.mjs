#!/usr/bin/env node
// Proves the README's test command on a fresh checkout without the optional keychain package:
// clones the current commit into a temporary folder, `npm ci --omit=optional` (what a machine
// without libsecret ends up with), checks the package is really absent, then runs the type check
// and the unit tests there (`--full`: the whole `npm test`). Not part of `npm test` (it installs a
// second copy of every dependency); run it by hand: `node electron/tools/check-fresh-clone.mjs`.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const full = process.argv.includes('--full')
const dir = mkdtempSync(join(tmpdir(), 'pd-fresh-'))
const run = (cmd, args, cwd = dir) => {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`)
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: 'true' } })
}
try {
  run('git', ['clone', '--quiet', '--no-hardlinks', root, dir], root)
  run('npm', ['ci', '--omit=optional', '--no-audit', '--no-fund'])
  if (existsSync(join(dir, 'node_modules/@azure/msal-node-extensions')))
    throw new Error('@azure/msal-node-extensions is still installed: the check proves nothing')
  if (full) run('npm', ['test'])
  else {
    run('npm', ['run', 'typecheck'])
    run('npm', ['run', 'build'])
    run('npm', ['run', 'test:unit'])
  }
  process.stdout.write('\nfresh clone without the optional keychain package: OK\n')
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true })
}
