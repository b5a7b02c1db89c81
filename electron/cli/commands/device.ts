/**
 * `passcode-desk device ID|SERIAL [--refresh] [--profile NAME | --graph-url URL --access-token TOKEN]
 *  [--db PATH]`: one device from the cache as JSON, with its passcode eligibility (core's
 * `devices:get`, recomputed with shared/eligibility). `--refresh` first re-reads it live through
 * `devices:refresh`, the code behind the Refresh button, so a device Intune no longer has, or one
 * outside the agent's Intune scope, behaves exactly as it does in the window.
 * A serial number is looked up in the cache (exact match, case-insensitive); several devices with
 * that serial are listed and nothing is printed on stdout.
 * Exit codes: 0 printed, 1 not found / ambiguous / Graph or sign-in error, 2 usage.
 */
import type { Core } from '../../core'
import { call, CommandFailed, exitCodeOf, withCliCore, type CliCoreOptions } from '../cli-core'
import { DB_OPTION, EXIT, GRAPH_OPTIONS, parseCommand, PROFILE_OPTION, UsageError } from '../options'

export const spec = {
  name: 'device',
  usage:
    'Usage: passcode-desk device ID|SERIAL [--refresh] [--profile NAME | --graph-url URL --access-token TOKEN] [--db PATH]\n' +
    '       (PASSCODE_DESK_ACCESS_TOKEN may replace --access-token)\n',
  options: { ...PROFILE_OPTION, ...DB_OPTION, ...GRAPH_OPTIONS, refresh: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
} as const

export interface DeviceArgs {
  readonly key: string
  readonly refresh: boolean
  readonly profile: string | null
  readonly db: string | null
  readonly graphTarget?: { readonly baseUrl: string; readonly accessToken: string }
}

export function parseDeviceArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): DeviceArgs | null {
  const { values, positionals, help } = parseCommand(spec, argv)
  if (help) return null
  const graphUrl = values['graph-url']
  const token = values['access-token'] ?? env.PASSCODE_DESK_ACCESS_TOKEN
  if (graphUrl !== undefined) {
    if (!/^https?:\/\//i.test(graphUrl))
      throw new UsageError('--graph-url must be an http(s) URL.', spec.usage)
    if (values.profile !== undefined)
      throw new UsageError('Use --profile or --graph-url, not both.', spec.usage)
    if (!token)
      throw new UsageError('--graph-url needs --access-token or PASSCODE_DESK_ACCESS_TOKEN.', spec.usage)
    if (values.db === undefined) throw new UsageError('--graph-url needs --db PATH.', spec.usage)
  }
  const key = positionals[0]!.trim()
  if (key === '' || key.length > 128)
    throw new UsageError('Give a device ID or serial number (up to 128 characters).', spec.usage)
  return {
    key,
    refresh: values.refresh === true,
    profile: values.profile ?? null,
    db: values.db ?? null,
    graphTarget:
      graphUrl !== undefined ? { baseUrl: graphUrl.replace(/\/+$/, ''), accessToken: token! } : undefined,
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const normalSerial = (s: string) => s.replace(/\s+/g, '').toUpperCase()

/** The cached device id for an Intune id or a serial number; null when the cache has none. */
async function resolveId(core: Core, key: string): Promise<string | null> {
  if (GUID.test(key)) return key
  const { rows } = await call(core, 'devices:search', { query: key, limit: 50 })
  const matches = rows.filter(
    (r) => r.serialNumber !== null && normalSerial(r.serialNumber) === normalSerial(key),
  )
  if (matches.length > 1) {
    const list = matches.map((r) => `  ${r.id}  ${r.deviceName ?? ''}`).join('\n')
    throw new CommandFailed({
      code: 'CONFLICT',
      message: `${matches.length} devices have the serial number ${key}; give one of their IDs:\n${list}`,
    })
  }
  return matches[0]?.id ?? null
}

export async function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  const args = parseDeviceArgs(argv, options.env ?? process.env)
  if (!args) return (process.stdout.write(spec.usage), EXIT.ok)
  return exitCodeOf(spec.name, () =>
    withCliCore(
      { ...options, profile: args.profile, db: args.db, graphTarget: args.graphTarget },
      async (core) => {
        const id = await resolveId(core, args.key)
        if (id === null) {
          process.stderr.write(
            `passcode-desk device: no device with the serial number ${args.key} in the cache; run \`passcode-desk sync\` or give its Intune ID.\n`,
          )
          return EXIT.failure
        }
        const device = args.refresh
          ? await call(core, 'devices:refresh', { id })
          : await call(core, 'devices:get', { id })
        process.stdout.write(JSON.stringify(device) + '\n')
        return EXIT.ok
      },
    ),
  )
}
