/**
 * `passcode-desk sync [--profile NAME | --graph-url URL --access-token TOKEN] [--db PATH] [--incremental]`
 * Full sync of the managed devices into a cache database (issue 5); `--incremental` fetches only
 * devices changed since the last pass when a full one is recent enough (sync/engine.ts). Progress on stderr, one JSON
 * summary line on stdout: `{"devices":N,"durationMs":…}`. PASSCODE_DESK_ACCESS_TOKEN may replace
 * --access-token (a token on the command line is visible to other local users in `ps`).
 * Ctrl-C cancels cleanly: the previous snapshot stays in place.
 */
import { join } from 'node:path'
import { CodedError } from '@shared/errors'
import type { SessionProvider } from '../../core/auth/session'
import { createGraphClient, type GraphClient } from '../../core/graph/client'
import { createDeviceCache, CACHE_FILE } from '../../core/store/cache'
import { createConnectivity } from '../../core/sync/connectivity'
import { createSyncEngine, type SyncGraphTuning } from '../../core/sync/engine'

const USAGE =
  'Usage: passcode-desk sync [--profile NAME | --graph-url URL --access-token TOKEN] [--db PATH] [--incremental]\n' +
  '       (PASSCODE_DESK_ACCESS_TOKEN may replace --access-token)\n'

export interface SyncArgs {
  profile: string | null
  graphUrl: string | null
  accessToken: string | null
  db: string | null
  mode: 'full' | 'auto'
}

export function parseSyncArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SyncArgs {
  const args: SyncArgs = { profile: null, graphUrl: null, accessToken: null, db: null, mode: 'full' }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--incremental') {
      args.mode = 'auto'
      continue
    }
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') throw new Error(`Option ${flag} needs a value.\n${USAGE}`)
    switch (flag) {
      case '--profile':
        args.profile = value
        break
      case '--graph-url':
        if (!/^https?:\/\//i.test(value)) throw new Error('--graph-url must be an http(s) URL.')
        args.graphUrl = value.replace(/\/+$/, '')
        break
      case '--access-token':
        args.accessToken = value
        break
      case '--db':
        args.db = value
        break
      default:
        throw new Error(`Unknown option "${flag}".\n${USAGE}`)
    }
  }
  if (args.graphUrl !== null && args.accessToken === null)
    args.accessToken = env.PASSCODE_DESK_ACCESS_TOKEN || null
  if (args.graphUrl !== null && args.profile !== null)
    throw new Error(`Use --profile or --graph-url, not both.\n${USAGE}`)
  if (args.graphUrl !== null && args.accessToken === null) {
    throw new Error(`--graph-url needs --access-token or PASSCODE_DESK_ACCESS_TOKEN.\n${USAGE}`)
  }
  if (args.graphUrl !== null && args.db === null) throw new Error(`--graph-url needs --db PATH.\n${USAGE}`)
  return args
}

function describe(error: unknown): string {
  if (error instanceof CodedError) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: SyncArgs
  try {
    args = parseSyncArgs(argv, env)
  } catch (error) {
    process.stderr.write(`passcode-desk sync: ${describe(error)}\n`)
    return 2
  }

  let graph: (tuning?: SyncGraphTuning) => GraphClient
  let file: string
  let dispose = async () => {}
  if (args.graphUrl !== null) {
    const token = args.accessToken!
    graph = (tuning) =>
      createGraphClient({ baseUrl: args.graphUrl!, getAccessToken: async () => token, ...tuning })
    file = args.db!
  } else {
    // A tenant profile's own session (sign-in, issue 6): the token comes from its MSAL cache.
    const { openCliAuth } = await import('./sign-in')
    let sessions: SessionProvider
    try {
      const auth = await openCliAuth({ profile: args.profile }, { env })
      sessions = auth.sessions
      dispose = () => auth.sessions.dispose()
    } catch (error) {
      process.stderr.write(`passcode-desk sync: ${describe(error)}\n`)
      return 1
    }
    const session = sessions.current()
    graph = (tuning) =>
      createGraphClient({
        baseUrl: session.profile.graphBaseUrl,
        getAccessToken: () => session.getAccessToken(),
        ...tuning,
      })
    file = args.db ?? join(session.profileDataDir, CACHE_FILE)
  }

  const cache = createDeviceCache({ file })
  try {
    const engine = createSyncEngine({
      cache,
      graph,
      connectivity: createConnectivity(),
      events: {
        progress(p) {
          const eta = p.etaSeconds === null ? '' : `, about ${Math.ceil(p.etaSeconds)} s left`
          const wait =
            p.throttleWaitSeconds === undefined
              ? ''
              : `, Intune is limiting requests: waiting ${Math.ceil(p.throttleWaitSeconds)} s`
          process.stderr.write(
            `sync: ${p.phase}, page ${p.pages}, ${p.devices} devices, ${Math.round(p.devicesPerSecond)}/s${eta}${wait}\n`,
          )
        },
        finished() {},
      },
    })
    const started = engine.start({ mode: args.mode })
    const onSignal = () => engine.cancel()
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const finished = await started.done
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (finished.outcome !== 'succeeded') {
      process.stderr.write(
        `passcode-desk sync: ${finished.outcome}${finished.error ? ` (${finished.error.code}: ${finished.error.message})` : ''}; the previous snapshot (${finished.devices} devices) is unchanged.\n`,
      )
      return 1
    }
    process.stdout.write(
      JSON.stringify({
        devices: finished.devices,
        durationMs: finished.durationMs,
        removed: finished.removed,
        pages: finished.pages,
        apiVersion: finished.apiVersion,
        mode: finished.mode,
        changed: finished.changed,
        resumedFromPage: finished.resumedFromPage,
      }) + '\n',
    )
    return 0
  } catch (error) {
    process.stderr.write(`passcode-desk sync: ${describe(error)}\n`)
    return 1
  } finally {
    cache.close()
    await dispose()
  }
}
