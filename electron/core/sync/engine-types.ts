import type { SyncFinished, SyncMode, SyncProgress, SyncStatus } from '@shared/api/schemas/sync'
import type { SyncSettings } from '@shared/api/schemas/settings'
import type { Connectivity } from '../connectivity/model'
import type { GraphClient, GraphClientOptions } from '../graph/client'
import type { Logger } from '../log'
import type { DeviceCache } from '../store/cache'
import type { OpenSnapshot } from '../store/worker/staged-snapshot'

/** The sync engine's public shape (engine.ts builds it), apart so the engine file holds only its logic. */

export interface SyncEvents {
  progress(payload: SyncProgress): void
  finished(payload: SyncFinished): void
}

/** What the engine asks of the Graph client it syncs with (graph/client.ts). */
export type SyncGraphTuning = Pick<
  GraphClientOptions,
  'throttleBudgetMs' | 'maxRetryAfterMs' | 'spreadThrottledReads' | 'budgetNetworkFailures'
>

export interface SyncEngineOptions {
  readonly cache: DeviceCache
  /**
   * A Graph client for the active session (sign-in issue); a new one per run is fine. The engine
   * passes its throttling budget: a factory that ignores it keeps the client's bounded retries.
   */
  readonly graph: (tuning?: SyncGraphTuning) => GraphClient
  readonly connectivity: Connectivity
  readonly events?: SyncEvents
  readonly log?: Logger
  readonly now?: () => number
  /** A cache older than this is "stale" in sync:status (default 24 h). */
  readonly staleAfterMinutes?: number
  /** The agent's sync settings, read at each start (default DEFAULT_SYNC_SETTINGS). */
  readonly settings?: () => SyncSettings
  /** An interrupted full pass younger than this is resumed, an older one restarted (default 30 min). */
  readonly resumeMaxAgeMinutes?: number
  /**
   * An incremental pass asks for devices changed since the last pass began minus this margin
   * (default 10 min): Intune stamps lastSyncDateTime on its side, possibly late or with skew.
   */
  readonly incrementalMarginMinutes?: number
  /**
   * Where full passes write their snapshot: the host's SQL worker thread (store/worker/) keeps
   * this thread free for searches during a large sync (DESIGN §5); default: this thread.
   */
  readonly openSnapshot?: OpenSnapshot
}

export interface StartOptions {
  /** 'auto' (default): incremental after a full pass younger than the sweep interval, else full. */
  readonly mode?: 'auto' | SyncMode
}

export interface SyncEngine {
  /** Starts a sync in the background. Throws SYNC_IN_PROGRESS when one is running. */
  start(options?: StartOptions): { runId: string; startedAt: string; done: Promise<SyncFinished> }
  cancel(): boolean
  status(): SyncStatus
  running(): boolean
}
