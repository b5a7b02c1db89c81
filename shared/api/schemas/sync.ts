import { z } from 'zod'
import { ERROR_CODES } from '../../errors'
import { noInput } from './common'

/**
 * Full sync of Intune managed devices into the local cache (domain §2.6). `sync:start` returns at once;
 * progress and the end arrive as events. One sync at a time (SYNC_IN_PROGRESS).
 */

export const graphApiVersion = z.enum(['beta', 'v1.0'])

export const syncPhase = z.enum(['starting', 'fetching', 'committing'])

/** A full pass reads every device (and catches deletions); an incremental one only changed devices. */
export const syncMode = z.enum(['full', 'incremental'])
export type SyncMode = z.infer<typeof syncMode>

export const syncProgress = z.strictObject({
  runId: z.string(),
  phase: syncPhase,
  /** Pages of up to 1000 devices received so far. */
  pages: z.number().int().min(0),
  devices: z.number().int().min(0),
  /** Graph's @odata.count when it sent one, else null (then no ETA). */
  total: z.number().int().min(0).nullable(),
  devicesPerSecond: z.number().min(0),
  etaSeconds: z.number().min(0).nullable(),
  elapsedMs: z.number().min(0),
  apiVersion: graphApiVersion,
  mode: syncMode.optional(),
  /**
   * Seconds Intune asked us to wait (429 Retry-After, or backoff) before the next request; present
   * only while waiting (domain §2.7). The sync goes on afterwards, within the time budget.
   */
  throttleWaitSeconds: z.number().min(0).optional(),
})
export type SyncProgress = z.infer<typeof syncProgress>

export const syncErrorInfo = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
})

export const syncFinished = z.strictObject({
  runId: z.string(),
  outcome: z.enum(['succeeded', 'failed', 'cancelled']),
  /** Devices in the cache after the run (unchanged from before when it did not succeed). */
  devices: z.number().int().min(0),
  /** Devices removed because Intune no longer has them (0 unless succeeded). */
  removed: z.number().int().min(0),
  pages: z.number().int().min(0),
  durationMs: z.number().min(0),
  finishedAt: z.string(),
  apiVersion: graphApiVersion.nullable(),
  error: syncErrorInfo.nullable(),
  mode: syncMode.optional(),
  /** Devices written by the pass (an incremental pass: the changed ones). */
  changed: z.number().int().min(0).optional(),
  /** A full pass that continued an interrupted one: the pages it found already staged. */
  resumedFromPage: z.number().int().min(0).nullable().optional(),
})
export type SyncFinished = z.infer<typeof syncFinished>

export const syncStatus = z.strictObject({
  running: z.boolean(),
  /** Latest progress of the running sync, null when idle. */
  progress: syncProgress.nullable(),
  /** When the last successful sync finished (ISO 8601), null if never. */
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** Error of the last attempt when it failed (null after a success or a cancel). */
  lastError: syncErrorInfo.nullable(),
  deviceCount: z.number().int().min(0),
  apiVersion: graphApiVersion.nullable(),
  /** False when the last Graph call (sync or refresh) could not reach Graph (OFFLINE/GRAPH_UNAVAILABLE). */
  online: z.boolean(),
  /** No successful sync yet, or the last one is older than `staleAfterMinutes`. */
  stale: z.boolean(),
  staleAfterMinutes: z.number().int().min(1),
  /** When the last full pass (all devices, deletions caught) succeeded. */
  lastFullAt: z.string().nullable().optional(),
  /** When the last incremental pass (changed devices only) succeeded. */
  lastIncrementalAt: z.string().nullable().optional(),
})
export type SyncStatus = z.infer<typeof syncStatus>

export const syncStarted = z.strictObject({ runId: z.string(), startedAt: z.string() })

/**
 * `full` always reads the whole tenant; `auto` (the default: the Sync button, background passes)
 * runs an incremental pass when a full sweep is recent enough (sync/engine.ts).
 */
export const syncStartInput = z
  .union([z.undefined(), z.null(), z.strictObject({ mode: z.enum(['full', 'auto']).optional() })])
  .transform((value) => ({ mode: value?.mode }))

export const syncContract = {
  'sync:start': { input: syncStartInput, output: syncStarted },
  'sync:cancel': { input: noInput, output: z.strictObject({ cancelled: z.boolean() }) },
  'sync:status': { input: noInput, output: syncStatus },
} as const

export const syncEvents = {
  'sync:progress': syncProgress,
  'sync:finished': syncFinished,
} as const
