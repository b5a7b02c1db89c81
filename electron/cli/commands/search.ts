/**
 * `passcode-desk search QUERY [--profile NAME] [--db PATH] [--limit N]`: searches the device cache
 * through core's `devices:search`, the call the Devices view makes (same validation, escaping and
 * plans), and prints one JSON line per device. Works offline.
 */
import { MAX_PAGE_SIZE } from '@shared/api/schemas/devices'
import { call, exitCodeOf, withCliCore, type CliCoreOptions } from '../cli-core'
import { existsSync } from 'node:fs'
import { DB_OPTION, EXIT, numberOption, parseCommand, PROFILE_OPTION, UsageError } from '../options'

export const spec = {
  name: 'search',
  usage: 'Usage: passcode-desk search QUERY [--profile NAME] [--db PATH] [--limit N]\n',
  options: { ...PROFILE_OPTION, ...DB_OPTION, limit: { type: 'string' } },
  positionals: { min: 0, max: 64 },
} as const

export interface SearchArgs {
  readonly query: string
  readonly profile: string | null
  readonly db: string | null
  readonly limit: number
}

export function parseSearchArgs(argv: readonly string[]): SearchArgs | null {
  const { values, positionals, help } = parseCommand(spec, argv)
  if (help) return null
  const limit = numberOption(values.limit, 'limit', 20, spec.usage, {
    integer: true,
    max: MAX_PAGE_SIZE,
    maxMessage: `--limit is 1 to ${MAX_PAGE_SIZE}.`,
  })
  if (limit < 1) throw new UsageError(`--limit is 1 to ${MAX_PAGE_SIZE}.`, spec.usage)
  return { query: positionals.join(' '), profile: values.profile ?? null, db: values.db ?? null, limit }
}

export async function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  const args = parseSearchArgs(argv)
  if (!args) return (process.stdout.write(spec.usage), EXIT.ok)
  if (args.db !== null && !existsSync(args.db)) {
    process.stderr.write(
      `passcode-desk search: no device cache at ${args.db}; run \`passcode-desk sync\` first.\n`,
    )
    return EXIT.failure
  }
  return exitCodeOf(spec.name, () =>
    withCliCore({ ...options, profile: args.profile, db: args.db }, async (core) => {
      const result = await call(core, 'devices:search', { query: args.query, limit: args.limit })
      if (result.total === 0 && !(await call(core, 'sync:status', {})).lastSuccessAt) {
        process.stderr.write('passcode-desk search: no device cache yet; run `passcode-desk sync` first.\n')
        return EXIT.failure
      }
      for (const row of result.rows) process.stdout.write(JSON.stringify(row) + '\n')
      process.stderr.write(`${result.rows.length} of ${result.total} devices\n`)
      return EXIT.ok
    }),
  )
}
