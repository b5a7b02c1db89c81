import type { SyncProgress } from '@shared/api/schemas/sync'
import { CodedError } from '@shared/errors'
import type { GraphClient, GraphWait } from '../graph/client'
import type { Logger } from '../log'
import type { Db } from '../store/db'
import { toDeviceRecord, type ApiVersion, type DeviceRecord } from '../store/device-record'
import type { MetaWrites, OpenSnapshot } from '../store/worker/staged-snapshot'

/** What a sync pass (full or incremental) gets from the engine. */
export interface PassContext {
  readonly db: Db
  readonly graph: GraphClient
  readonly signal: AbortSignal
  readonly log: Logger
  readonly now: () => number
  report(update: Pick<SyncProgress, 'phase' | 'pages' | 'devices' | 'total' | 'apiVersion'>): void
  /** Graph asked for a wait (429/503): the progress says so until the next page. */
  onWait(wait: GraphWait): void
  /**
   * Records the pass's success inside the transaction that publishes its data, so both happen or
   * neither. `changesSince`: the instant the next incremental pass asks for changes after.
   */
  recordSuccess(finishedMs: number, apiVersion: ApiVersion, changesSince: string): void
  /** The writes recordSuccess makes, as data: a full pass hands them to its snapshot's swap. */
  successWrites(finishedMs: number, apiVersion: ApiVersion, changesSince: string): MetaWrites
  /** Where a full pass stages and swaps its snapshot (default: this thread, store/worker/). */
  readonly openSnapshot?: OpenSnapshot
}

export interface PassOutcome {
  readonly kind: 'full' | 'incremental'
  /** Devices in the cache after the pass. */
  readonly devices: number
  readonly removed: number
  /** Devices written by this pass (a full pass: all of them). */
  readonly changed: number
  readonly pages: number
  readonly apiVersion: ApiVersion
  readonly finishedMs: number
  /** A full pass that went on from an interrupted one's staged pages: how many it found. */
  readonly resumedFromPage: number | null
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CodedError('CANCELLED', 'Cancelled')
}

/** Maps one Graph page; a record Graph sent without an id is skipped and logged. */
export function pageRecords(
  items: readonly unknown[],
  apiVersion: ApiVersion,
  cachedAt: string,
  log: Logger,
  page: number,
): DeviceRecord[] {
  const records: DeviceRecord[] = []
  for (const item of items) {
    const record = toDeviceRecord(item, apiVersion, cachedAt)
    if (record) records.push(record)
  }
  if (records.length !== items.length) {
    log.warn('sync.skipped-records', { page, skipped: items.length - records.length })
  }
  return records
}
