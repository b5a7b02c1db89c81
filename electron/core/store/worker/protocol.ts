import type { ErrorCode } from '@shared/errors'
import type { ApiVersion } from '../device-record'
import type { SnapshotCommit } from '../snapshot'
import type { MetaWrites } from './staged-snapshot'

/** What the SQL worker thread is started with (`workerData`). */
export interface SqlWorkerData {
  /** The cache database file; the worker opens its own connection to it (WAL: DESIGN §3). */
  readonly file: string
  /** CoreOptions.sqliteNativeBinding (the Electron build of better-sqlite3), when set. */
  readonly nativeBinding?: string
}

/** One snapshot operation (store/snapshot.ts), run by the worker on its connection. */
export type SnapshotRequest =
  | { readonly op: 'begin'; readonly resume: boolean }
  | {
      readonly op: 'addGraphPage'
      readonly items: readonly unknown[]
      readonly apiVersion: ApiVersion
      readonly cachedAt: string
      /** Applied in the page's own transaction (the pass's resume point). */
      readonly writes: MetaWrites
    }
  | { readonly op: 'step' }
  | { readonly op: 'commit'; readonly writes: MetaWrites }
  | { readonly op: 'abort' }
  | { readonly op: 'close' }

/** The reply's value per operation. */
export interface SnapshotReplies {
  begin: { resumed: boolean; staged: number }
  addGraphPage: { staged: number; skipped: number }
  step: boolean
  commit: SnapshotCommit
  abort: null
  close: null
}

export interface WorkerCall {
  readonly id: number
  readonly request: SnapshotRequest
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { message: string; code?: ErrorCode } }
