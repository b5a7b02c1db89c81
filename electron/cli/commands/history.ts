/**
 * `passcode-desk history [--since DATE] [--format csv|json] [--db PATH] [--locale fr|en]`
 * Prints the passcode actions recorded on this machine (issue 7): JSON lines by default, or the same
 * CSV as the History view's export. Reads the active profile's database (or `--db`) read-only; works
 * offline. There is no passcode to print: the database never holds one.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Locale } from '@shared/api/schemas/common'
import { createActionRepository } from '../../core/actions/repository'
import { defaultDataDir, systemLocale } from '../../core/config'
import { historyToCsv } from '../../core/history/csv'
import { createProfilesStore } from '../../core/profiles/store'
import { CACHE_FILE } from '../../core/store/cache'

const USAGE = 'Usage: passcode-desk history [--since DATE] [--format csv|json] [--db PATH] [--locale fr|en]\n'

export interface HistoryArgs {
  since: string | null
  format: 'csv' | 'json'
  db: string | null
  locale: Locale
}

export function parseHistoryArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HistoryArgs {
  const args: HistoryArgs = {
    since: null,
    format: 'json',
    db: null,
    locale: systemLocale(env).toLowerCase().startsWith('fr') ? 'fr' : 'en',
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') throw new Error(`Option ${flag} needs a value.\n${USAGE}`)
    switch (flag) {
      case '--since': {
        // A bare date is midnight UTC of that day; anything Date can read precisely is accepted.
        const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
        if (!Number.isFinite(ms)) throw new Error(`--since: "${value}" is not a date (use YYYY-MM-DD).`)
        args.since = new Date(ms).toISOString()
        break
      }
      case '--format':
        if (value !== 'csv' && value !== 'json') throw new Error('--format is csv or json.')
        args.format = value
        break
      case '--db':
        args.db = value
        break
      case '--locale':
        if (value !== 'fr' && value !== 'en') throw new Error('--locale is fr or en.')
        args.locale = value
        break
      default:
        throw new Error(`Unknown option "${flag}".\n${USAGE}`)
    }
  }
  return args
}

/** The active profile's database, as the app would open it. */
export function defaultHistoryDb(env: NodeJS.ProcessEnv = process.env): string {
  const dataDir = defaultDataDir(env)
  const profiles = createProfilesStore(dataDir)
  return join(profiles.dirOf(profiles.activeId()), CACHE_FILE)
}

export function historyOutput(file: string, args: HistoryArgs): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'actions'").get()
    if (!hasTable) return args.format === 'csv' ? historyToCsv([], args.locale) : ''
    const rows = createActionRepository(db)
      .all(args.since ? { from: args.since } : {})
      .map((a) => ({ ...a.record, passcodeAvailable: false }))
    if (args.format === 'csv') return historyToCsv(rows, args.locale)
    return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '')
  } finally {
    db.close()
  }
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE)
    return 0
  }
  let args: HistoryArgs
  try {
    args = parseHistoryArgs(argv)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    return 2
  }
  const file = args.db ?? defaultHistoryDb()
  if (!existsSync(file)) {
    process.stderr.write(`No Passcode Desk database at ${file}.\n`)
    return 1
  }
  process.stdout.write(historyOutput(file, args))
  return 0
}
