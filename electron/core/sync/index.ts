import type { SyncSettings } from '@shared/api/schemas/settings'
import type { SessionProvider } from '../auth/session'
import type { Connectivity } from '../connectivity/model'
import type { EventBus } from '../events'
import type { GraphClient } from '../graph/client'
import { silentLogger, type Logger } from '../log'
import type { CoreModule } from '../module'
import type { DeviceCache } from '../store/cache'
import { workerSnapshots } from '../store/worker/snapshot-worker'
import { startBackgroundSync } from './background'
import { createSyncEngine, type SyncEngine, type SyncGraphTuning } from './engine'
import { createSyncHandlers } from './handlers'

export type { SyncGraphTuning } from './engine'

export interface SyncModuleOptions {
  readonly cache: DeviceCache
  /** A Graph client per run, with the engine's throttling budget (graph/session-client.ts). */
  readonly graph: (tuning?: SyncGraphTuning) => GraphClient
  readonly connectivity: Connectivity
  /** Whose sign-in gates a sync and the background passes. */
  readonly sessions: SessionProvider
  /**
   * The Graph factory brings its own token (CLI `--graph-url`, tests): `sync:start` then has no
   * sign-in to ask for.
   */
  readonly ownToken?: boolean
  /** The agent's sync settings (time budget, full sweep, background passes); none → no background passes. */
  readonly settings?: () => SyncSettings
  readonly events?: Pick<EventBus, 'emit'>
  readonly log?: Logger
  readonly now?: () => number
  /**
   * The built SQL worker (CoreOptions.sqlWorkerScript): full passes write their snapshot on that
   * thread so this one stays free for searches (DESIGN §5); none → this thread.
   */
  readonly sqlWorker?: { readonly script: string; readonly nativeBinding?: string }
}

export interface SyncModule extends CoreModule<'sync:start' | 'sync:cancel' | 'sync:status'> {
  readonly engine: SyncEngine
  dispose(): void
}

/** Full and incremental passes into the device cache, resume, background passes; `sync:*` (domain §2.6). */
export function createSyncModule(options: SyncModuleOptions): SyncModule {
  const log = options.log ?? silentLogger
  const { sessions, settings, events } = options
  const engine = createSyncEngine({
    cache: options.cache,
    graph: options.graph,
    connectivity: options.connectivity,
    log,
    now: options.now,
    settings,
    openSnapshot: options.sqlWorker
      ? workerSnapshots({
          script: options.sqlWorker.script,
          nativeBinding: options.sqlWorker.nativeBinding,
          log,
        })
      : undefined,
    events: events && {
      progress: (payload) => events.emit('sync:progress', payload),
      finished: (payload) => events.emit('sync:finished', payload),
    },
  })
  const signedIn = () => sessions.current().agent() !== null
  const background = settings
    ? startBackgroundSync({
        engine,
        everyMinutes: () => settings().backgroundMinutes,
        canRun: () => {
          try {
            return signedIn()
          } catch {
            return false
          }
        },
        log,
      })
    : null
  return {
    engine,
    handlers: createSyncHandlers(engine, options.ownToken ? {} : { signedIn }),
    dispose() {
      background?.stop()
      engine.cancel()
    },
  }
}
