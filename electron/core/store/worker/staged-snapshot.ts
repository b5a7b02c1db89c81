import type { Db } from '../db'
import { toDeviceRecord, type ApiVersion, type DeviceRecord } from '../device-record'
import { beginSnapshot, type SnapshotCommit } from '../snapshot'
import { createSyncMetaRepository, type PassMeta, type SyncMeta } from '../sync-meta'

/**
 * What a full pass records in the transaction that publishes its snapshot (DESIGN §3: the data
 * and "this sync succeeded" happen together or not at all). Plain data, not a callback, so that a
 * SQL worker thread can apply it on its own connection.
 */
export interface MetaWrites {
  readonly syncMeta?: Partial<SyncMeta>
  readonly passMeta?: Partial<PassMeta>
}

export function applyMetaWrites(db: Db, writes: MetaWrites): void {
  const meta = createSyncMetaRepository(db)
  if (writes.syncMeta) meta.write(writes.syncMeta)
  if (writes.passMeta) meta.pass.write(writes.passMeta)
}

/**
 * store/snapshot.ts's builder seen from the sync pass, whichever thread writes: every write is
 * awaited, so the pass runs the same way over the in-thread builder (tests, hosts without a
 * worker script) and over the SQL worker (store/worker/snapshot-worker.ts).
 */
export interface StagedSnapshot {
  readonly resumed: boolean
  /** Devices staged so far (resumed ones included). */
  readonly staged: number
  /**
   * Maps one page of Graph items to device rows and stages them (one transaction). The mapping
   * (normalisation, eligibility, phone words) is most of a page's CPU time, so it runs where the
   * rows are written. Items without an id are skipped and counted; `staged` is the devices staged
   * once this page is (pages may be handed over before earlier ones are staged, sync/full-pass.ts).
   * `writes` are applied in the page's transaction: the resume point is written by the writer
   * with its page, so this thread never waits for the writer's lock while pages are fetched.
   */
  addGraphPage(
    items: readonly unknown[],
    apiVersion: ApiVersion,
    cachedAt: string,
    writes: MetaWrites,
  ): Promise<{ skipped: number; staged: number }>
  /** Builds the new table set step by step, awaiting `pause` between steps (it may throw to cancel). */
  prepare(pause: () => Promise<void>): Promise<void>
  /** Swaps the new set in, with `writes` in the same transaction. */
  commit(writes: MetaWrites): Promise<SnapshotCommit>
  /** Drops the staging; the live set was never touched. Never throws once the writer is gone. */
  abort(): Promise<void>
  /** Releases the writer (the worker thread) whatever the outcome; staging stays for a resume. */
  close(): Promise<void>
}

/** One Graph page as device rows (sync/pass.ts pageRecords, without its logging). */
export function graphPageRecords(
  items: readonly unknown[],
  apiVersion: ApiVersion,
  cachedAt: string,
): DeviceRecord[] {
  const records: DeviceRecord[] = []
  for (const item of items) {
    const record = toDeviceRecord(item, apiVersion, cachedAt)
    if (record) records.push(record)
  }
  return records
}

/** Opens a staged snapshot of the cache `db` (the worker opens its own connection to db's file). */
export type OpenSnapshot = (db: Db, options: { resume?: boolean }) => Promise<StagedSnapshot>

/** The builder on the calling thread, over `db` itself. */
export const inThreadSnapshot: OpenSnapshot = async (db, options) => {
  const builder = beginSnapshot(db, options)
  return {
    resumed: builder.resumed,
    get staged() {
      return builder.staged
    },
    async addGraphPage(items, apiVersion, cachedAt, writes) {
      const records = graphPageRecords(items, apiVersion, cachedAt)
      builder.addPage(records, () => applyMetaWrites(db, writes))
      return { skipped: items.length - records.length, staged: builder.staged }
    },
    prepare: (pause) => builder.prepare(pause),
    async commit(writes) {
      return builder.commit(() => applyMetaWrites(db, writes))
    },
    async abort() {
      builder.abort()
    },
    async close() {
      // the builder owns nothing beyond db's tables
    },
  }
}
