/**
 * `passcode-desk sync [--profile NAME | --graph-url URL --access-token TOKEN] [--db PATH]`
 * Syncs the managed devices into the cache through core's `sync:start` (the same engine as the
 * window's Sync button); `--incremental` fetches only devices changed since the last pass when a
 * full sweep is recent enough (sync/engine.ts), the default is a full sync. Progress on stderr (`sync:progress` events), one JSON summary line on
 * stdout: `{"devices":N,"durationMs":…}`. PASSCODE_DESK_ACCESS_TOKEN may replace --access-token (a
 * token on the command line is visible to other local users in `ps`). Ctrl-C cancels cleanly: the
 * previous snapshot stays in place.
 */
import type { SyncFinished } from '@shared/api/schemas/sync'
import { call, exitCodeOf, withCliCore, type CliCoreOptions } from '../cli-core'
import { DB_OPTION, EXIT, GRAPH_OPTIONS, parseCommand, PROFILE_OPTION, UsageError } from '../options'

export const spec = {
  name: 'sync',
  usage:
    'Usage: passcode-desk sync [--profile NAME | --graph-url URL --access-token TOKEN] [--db PATH] [--incremental]\n' +
    '       (PASSCODE_DESK_ACCESS_TOKEN may replace --access-token; --graph-url needs --db)\n',
  options: { ...PROFILE_OPTION, ...DB_OPTION, ...GRAPH_OPTIONS, incremental: { type: 'boolean' } },
} as const

export interface SyncArgs {
  readonly profile: string | null
  readonly graphUrl: string | null
  readonly accessToken: string | null
  readonly db: string | null
  /** `--incremental`: only devices changed since the last pass when a full sweep is recent enough. */
  readonly mode: 'full' | 'auto'
}

export function parseSyncArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): SyncArgs | null {
  const { values, help } = parseCommand(spec, argv)
  if (help) return null
  const graphUrl = values['graph-url'] ?? null
  if (graphUrl !== null && !/^https?:\/\//i.test(graphUrl))
    throw new UsageError('--graph-url must be an http(s) URL.', spec.usage)
  const args: SyncArgs = {
    profile: values.profile ?? null,
    graphUrl: graphUrl?.replace(/\/+$/, '') ?? null,
    accessToken:
      values['access-token'] ?? (graphUrl !== null ? env.PASSCODE_DESK_ACCESS_TOKEN || null : null),
    db: values.db ?? null,
    mode: values.incremental === true ? 'auto' : 'full',
  }
  if (args.graphUrl !== null && args.profile !== null)
    throw new UsageError('Use --profile or --graph-url, not both.', spec.usage)
  if (args.graphUrl !== null && args.accessToken === null)
    throw new UsageError('--graph-url needs --access-token or PASSCODE_DESK_ACCESS_TOKEN.', spec.usage)
  if (args.graphUrl !== null && args.db === null)
    throw new UsageError('--graph-url needs --db PATH.', spec.usage)
  return args
}

export async function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  const env = options.env ?? process.env
  const args = parseSyncArgs(argv, env)
  if (!args) return (process.stdout.write(spec.usage), EXIT.ok)
  const graphTarget =
    args.graphUrl !== null ? { baseUrl: args.graphUrl, accessToken: args.accessToken! } : undefined
  return exitCodeOf(spec.name, () =>
    withCliCore({ ...options, profile: args.profile, db: args.db, graphTarget }, async (core) => {
      let runId: string | null = null
      let settle: (finished: SyncFinished) => void = () => {}
      const finished = new Promise<SyncFinished>((resolve) => (settle = resolve))
      const early: SyncFinished[] = []
      const unsubscribe = core.events.subscribe((event, payload) => {
        if (event === 'sync:progress') {
          const p = payload as {
            runId: string
            phase: string
            pages: number
            devices: number
            devicesPerSecond: number
            etaSeconds: number | null
            throttleWaitSeconds?: number
          }
          const eta = p.etaSeconds === null ? '' : `, about ${Math.ceil(p.etaSeconds)} s left`
          const wait =
            p.throttleWaitSeconds === undefined
              ? ''
              : `, Intune is limiting requests: waiting ${Math.ceil(p.throttleWaitSeconds)} s`
          process.stderr.write(
            `sync: ${p.phase}, page ${p.pages}, ${p.devices} devices, ${Math.round(p.devicesPerSecond)}/s${eta}${wait}\n`,
          )
        } else if (event === 'sync:finished') {
          const f = payload as SyncFinished
          if (runId === null) early.push(f)
          else if (f.runId === runId) settle(f)
        }
      })
      const cancel = () => void call(core, 'sync:cancel', {}).catch(() => {})
      process.once('SIGINT', cancel)
      process.once('SIGTERM', cancel)
      try {
        runId = (await call(core, 'sync:start', { mode: args.mode })).runId
        const already = early.find((f) => f.runId === runId)
        if (already) settle(already)
        const result = await finished
        if (result.outcome !== 'succeeded') {
          const why = result.error ? ` (${result.error.code}: ${result.error.message})` : ''
          process.stderr.write(
            `passcode-desk sync: ${result.outcome}${why}; the previous snapshot (${result.devices} devices) is unchanged.\n`,
          )
          return EXIT.failure
        }
        process.stdout.write(
          JSON.stringify({
            devices: result.devices,
            durationMs: result.durationMs,
            removed: result.removed,
            pages: result.pages,
            apiVersion: result.apiVersion,
            mode: result.mode,
            changed: result.changed,
            resumedFromPage: result.resumedFromPage,
          }) + '\n',
        )
        return EXIT.ok
      } finally {
        process.off('SIGINT', cancel)
        process.off('SIGTERM', cancel)
        unsubscribe()
      }
    }),
  )
}
