/**
 * `passcode-desk search QUERY [--db PATH] [--limit N]`: searches the device cache the way the
 * Devices view does (same search code, same escaping) and prints one JSON line per device.
 * Without --db it reads the active profile's cache. Works offline.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { deviceSearchInput, MAX_PAGE_SIZE } from '@shared/api/schemas/devices'
import { CodedError } from '@shared/errors'
import { defaultDataDir } from '../../core/config'
import { createDeviceSearch } from '../../core/devices/search'
import { createProfilesStore } from '../../core/profiles/store'
import { CACHE_FILE } from '../../core/store/cache'
import { openDatabase } from '../../core/store/db'

const USAGE = 'Usage: passcode-desk search QUERY [--db PATH] [--limit N]\n'

export interface SearchArgs {
  query: string
  db: string | null
  limit: number
}

export function parseSearchArgs(argv: readonly string[]): SearchArgs {
  const args: SearchArgs = { query: '', db: null, limit: 20 }
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) {
      words.push(arg)
      continue
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') throw new Error(`Option ${flag} needs a value.\n${USAGE}`)
    if (flag === '--db') args.db = value
    else if (flag === '--limit') {
      const n = Number(value)
      if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE)
        throw new Error(`--limit is 1 to ${MAX_PAGE_SIZE}.`)
      args.limit = n
    } else throw new Error(`Unknown option "${flag}".\n${USAGE}`)
  }
  args.query = words.join(' ')
  return args
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: SearchArgs
  try {
    args = parseSearchArgs(argv)
  } catch (error) {
    process.stderr.write(`passcode-desk search: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  let file = args.db
  if (file === null) {
    const profiles = createProfilesStore(defaultDataDir(env))
    file = join(profiles.dirOf(profiles.activeId()), CACHE_FILE)
  }
  if (!existsSync(file)) {
    process.stderr.write('passcode-desk search: no device cache yet; run `passcode-desk sync` first.\n')
    return 1
  }
  const input = deviceSearchInput.safeParse({ query: args.query, limit: args.limit })
  if (!input.success) {
    process.stderr.write('passcode-desk search: the query is too long.\n')
    return 2
  }
  try {
    const db = openDatabase(file)
    try {
      const result = createDeviceSearch(db).search(input.data)
      for (const row of result.rows) process.stdout.write(JSON.stringify(row) + '\n')
      process.stderr.write(`${result.rows.length} of ${result.total} devices\n`)
      return 0
    } finally {
      db.close()
    }
  } catch (error) {
    process.stderr.write(
      `passcode-desk search: ${error instanceof CodedError ? `${error.code}: ${error.message}` : String(error)}\n`,
    )
    return 1
  }
}
