/**
 * `passcode-desk history [--since DATE] [--format csv|json] [--profile NAME] [--db PATH]
 *  [--locale fr|en]`: the passcode actions recorded on this machine, through core's `history:list`
 * (JSON lines, newest first) or `history:export` (the same CSV as the History view). Works offline.
 * There is no passcode to print: the database never holds one.
 */
import { existsSync } from 'node:fs'
import type { Locale } from '@shared/api/schemas/common'
import type { HistoryFilters } from '@shared/api/schemas/history'
import { systemLocale } from '../../core/config'
import { call, exitCodeOf, withCliCore, type CliCoreOptions } from '../cli-core'
import { DB_OPTION, EXIT, parseCommand, PROFILE_OPTION, UsageError } from '../options'

export const spec = {
  name: 'history',
  usage:
    'Usage: passcode-desk history [--since DATE] [--format csv|json] [--profile NAME] [--db PATH] [--locale fr|en]\n',
  options: {
    ...PROFILE_OPTION,
    ...DB_OPTION,
    since: { type: 'string' },
    format: { type: 'string' },
    locale: { type: 'string' },
  },
} as const

export interface HistoryArgs {
  since: string | null
  format: 'csv' | 'json'
  db: string | null
  locale: Locale
  profile?: string | null
}

export function parseHistoryArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HistoryArgs {
  const { values, help } = parseCommand(spec, argv)
  if (help) throw new UsageError('', spec.usage)
  const args: HistoryArgs = {
    since: null,
    format: 'json',
    db: values.db ?? null,
    locale: systemLocale(env).toLowerCase().startsWith('fr') ? 'fr' : 'en',
  }
  if (values.since !== undefined) {
    // A bare date is midnight UTC of that day; anything Date can read precisely is accepted.
    const value = values.since
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
    if (!Number.isFinite(ms))
      throw new UsageError(`--since: "${value}" is not a date (use YYYY-MM-DD).`, spec.usage)
    args.since = new Date(ms).toISOString()
  }
  if (values.format !== undefined) {
    if (values.format !== 'csv' && values.format !== 'json')
      throw new UsageError('--format is csv or json.', spec.usage)
    args.format = values.format
  }
  if (values.locale !== undefined) {
    if (values.locale !== 'fr' && values.locale !== 'en')
      throw new UsageError('--locale is fr or en.', spec.usage)
    args.locale = values.locale
  }
  if (values.profile !== undefined) args.profile = values.profile
  return args
}

const PAGE = 500

/** What the command prints, read through core (exported for tests). */
export async function historyOutput(
  file: string | null,
  args: HistoryArgs,
  options: CliCoreOptions = {},
): Promise<string> {
  const filters: HistoryFilters = args.since ? { from: args.since } : {}
  return withCliCore({ ...options, profile: args.profile ?? null, db: file }, async (core) => {
    if (args.format === 'csv')
      return (await call(core, 'history:export', { filters, locale: args.locale })).csv
    const lines: string[] = []
    for (let offset = 0; ; offset += PAGE) {
      const page = await call(core, 'history:list', { filters, offset, limit: PAGE })
      for (const row of page.rows) lines.push(JSON.stringify(row))
      if (page.rows.length < PAGE || offset + PAGE >= page.total) break
    }
    return lines.length ? lines.join('\n') + '\n' : ''
  })
}

export async function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return (process.stdout.write(spec.usage), EXIT.ok)
  const args = parseHistoryArgs(argv, options.env ?? process.env)
  if (args.db !== null && !existsSync(args.db)) {
    process.stderr.write(`No Passcode Desk database at ${args.db}.\n`)
    return EXIT.failure
  }
  return exitCodeOf(spec.name, async () => {
    process.stdout.write(await historyOutput(args.db, args, options))
    return EXIT.ok
  })
}
