import { randomUUID } from 'node:crypto'
import { DEFAULT_SYNC_SETTINGS } from '@shared/api/schemas/settings'
import type { SyncFinished, SyncMode, SyncProgress } from '@shared/api/schemas/sync'
import { CodedError, type ErrorCode } from '@shared/errors'
import type { GraphClient } from '../graph/client'
import { silentLogger } from '../log'
import type { Db } from '../store/db'
import type { ApiVersion } from '../store/device-record'
import { createDeviceRepository } from '../store/device-repository'
import { createSyncMetaRepository } from '../store/sync-meta'
import { applyMetaWrites, type MetaWrites } from '../store/worker/staged-snapshot'
import type { StartOptions, SyncEngine, SyncEngineOptions } from './engine-types'
import { runFullPass } from './full-pass'
import { runIncrementalPass } from './incremental-pass'
import type { PassContext, PassOutcome } from './pass'
import { computeProgress } from './progress'

export type { StartOptions, SyncEngine, SyncEngineOptions, SyncEvents, SyncGraphTuning } from './engine-types'

function errorOf(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof CodedError) return { code: error.code, message: error.message }
  return { code: 'SYNC_FAILED', message: 'The sync failed unexpectedly' }
}

/**
 * Syncs /deviceManagement/managedDevices into the cache: full passes (sync/full-pass.ts, resumable)
 * and, between them, incremental passes (sync/incremental-pass.ts). Throttling is waited out within
 * the settings' time budget, and each wait is shown in the progress (domain §2.7).
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const log = options.log ?? silentLogger
  const now = options.now ?? Date.now
  const staleAfterMinutes = options.staleAfterMinutes ?? 24 * 60
  const settings = options.settings ?? (() => DEFAULT_SYNC_SETTINGS)
  const resumeMaxAgeMs = (options.resumeMaxAgeMinutes ?? 30) * 60_000
  const marginMs = (options.incrementalMarginMinutes ?? 10) * 60_000
  let running: { runId: string; controller: AbortController; progress: SyncProgress } | null = null

  options.cache.onReset(() => running?.controller.abort(new CodedError('CANCELLED', 'Profile changed')))

  /** The pass to run: incremental only after a full pass within the sweep interval. */
  function choose(db: Db, requested: StartOptions['mode']): { mode: SyncMode; since: string | null } {
    if (requested === 'full') return { mode: 'full', since: null }
    const stored = createSyncMetaRepository(db)
    const pass = stored.pass.read()
    const meta = stored.read()
    const sweepMs = settings().fullSweepHours * 3_600_000
    const lastFull = pass.lastFullAt ? Date.parse(pass.lastFullAt) : NaN
    const fullDue = !Number.isFinite(lastFull) || now() - lastFull >= sweepMs
    // An interrupted full pass is finished first (it resumes); so is a first sync.
    if (requested !== 'incremental' && (fullDue || pass.resume !== null)) return { mode: 'full', since: null }
    if (pass.changesSince === null || meta.apiVersion === null) return { mode: 'full', since: null }
    const since = new Date(Date.parse(pass.changesSince) - marginMs).toISOString()
    return { mode: 'incremental', since }
  }

  async function run(
    db: Db,
    runId: string,
    controller: AbortController,
    startedMs: number,
    requested: StartOptions['mode'],
  ): Promise<SyncFinished> {
    const meta = createSyncMetaRepository(db)
    const startedAt = new Date(startedMs).toISOString()
    const chosen = choose(db, requested)
    let last: Pick<SyncProgress, 'phase' | 'pages' | 'devices' | 'total' | 'apiVersion'> = {
      phase: 'starting',
      pages: 0,
      devices: 0,
      total: null,
      apiVersion: meta.read().apiVersion ?? 'beta',
    }
    const emit = (waitMs?: number) => {
      const progress: SyncProgress = {
        ...computeProgress({ runId, ...last }, now() - startedMs),
        mode: chosen.mode,
        ...(waitMs === undefined ? {} : { throttleWaitSeconds: Math.round(waitMs / 100) / 10 }),
      }
      if (running?.runId === runId) running.progress = progress
      options.events?.progress(progress)
    }
    const budgetMs = settings().throttleBudgetMinutes * 60_000
    const successWrites = (finishedMs: number, apiVersion: ApiVersion, changesSince: string): MetaWrites => {
      const at = new Date(finishedMs).toISOString()
      return {
        syncMeta: {
          lastSuccessAt: at,
          lastErrorCode: null,
          lastErrorMessage: null,
          apiVersion,
          lastDurationMs: finishedMs - startedMs,
        },
        passMeta:
          chosen.mode === 'full' ? { lastFullAt: at, changesSince } : { lastIncrementalAt: at, changesSince },
      }
    }
    const context = (graph: GraphClient): PassContext => ({
      db,
      graph,
      signal: controller.signal,
      log,
      now,
      openSnapshot: options.openSnapshot,
      successWrites,
      report(update) {
        last = update
        emit()
      },
      onWait(wait) {
        // Short backoffs are noise; a wait of half a second or more is worth telling the agent.
        if (wait.waitMs >= 500) emit(wait.waitMs)
      },
      recordSuccess(finishedMs: number, apiVersion: ApiVersion, changesSince: string) {
        applyMetaWrites(db, successWrites(finishedMs, apiVersion, changesSince))
      },
    })
    let outcome: PassOutcome
    try {
      meta.write({ lastAttemptAt: startedAt })
      emit()
      // Inside the try: a signed-out session throws AUTH_REQUIRED here, reported like any failure.
      const ctx = context(
        // One time budget for throttling, outages and timeouts alike (graph/retry.ts createRetryPlan).
        options.graph({
          throttleBudgetMs: budgetMs,
          maxRetryAfterMs: budgetMs,
          spreadThrottledReads: true,
          budgetNetworkFailures: true,
        }),
      )
      outcome =
        chosen.mode === 'incremental' && chosen.since !== null
          ? await runIncrementalPass(ctx, { apiVersion: last.apiVersion, since: chosen.since })
          : await runFullPass(ctx, { resumeMaxAgeMs })
      options.connectivity.note(null)
      log.info('sync.succeeded', {
        mode: outcome.kind,
        devices: outcome.devices,
        changed: outcome.changed,
        removed: outcome.removed,
        pages: outcome.pages,
        resumedFromPage: outcome.resumedFromPage,
        ms: outcome.finishedMs - startedMs,
      })
      return {
        runId,
        outcome: 'succeeded',
        devices: outcome.devices,
        removed: outcome.removed,
        pages: outcome.pages,
        durationMs: outcome.finishedMs - startedMs,
        finishedAt: new Date(outcome.finishedMs).toISOString(),
        apiVersion: outcome.apiVersion,
        error: null,
        mode: outcome.kind,
        changed: outcome.changed,
        resumedFromPage: outcome.resumedFromPage,
      }
    } catch (caught) {
      const cancelled =
        controller.signal.aborted || (caught instanceof CodedError && caught.code === 'CANCELLED')
      const error = cancelled ? { code: 'CANCELLED' as const, message: 'Cancelled' } : errorOf(caught)
      let devices = 0
      try {
        if (db.open) {
          meta.write(
            cancelled
              ? { lastErrorCode: null, lastErrorMessage: null }
              : { lastErrorCode: error.code, lastErrorMessage: error.message },
          )
          devices = createDeviceRepository(db).count()
        }
      } catch (metaError) {
        log.warn('sync.meta-failed', { error: metaError })
      }
      options.connectivity.note(error.code)
      if (error.code === 'SYNC_FAILED') log.error('sync.failed', { error: caught })
      else
        log.info('sync.ended', {
          mode: chosen.mode,
          outcome: cancelled ? 'cancelled' : 'failed',
          code: error.code,
          pages: last.pages,
        })
      const finishedMs = now()
      return {
        runId,
        outcome: cancelled ? 'cancelled' : 'failed',
        devices,
        removed: 0,
        pages: last.pages,
        durationMs: finishedMs - startedMs,
        finishedAt: new Date(finishedMs).toISOString(),
        apiVersion: last.apiVersion,
        error: cancelled ? null : error,
        mode: chosen.mode,
      }
    }
  }

  return {
    start(startOptions = {}) {
      if (running)
        throw new CodedError('SYNC_IN_PROGRESS', 'A sync is already running', { runId: running.runId })
      const db = options.cache.db() // DB_NEWER_VERSION / DB_ERROR surface here, from sync:start
      const runId = randomUUID()
      const startedMs = now()
      const controller = new AbortController()
      running = {
        runId,
        controller,
        progress: computeProgress(
          { runId, phase: 'starting', pages: 0, devices: 0, total: null, apiVersion: 'beta' },
          0,
        ),
      }
      const done = run(db, runId, controller, startedMs, startOptions.mode).then((finished) => {
        if (running?.runId === runId) running = null
        options.events?.finished(finished)
        return finished
      })
      return { runId, startedAt: new Date(startedMs).toISOString(), done }
    },
    cancel() {
      if (!running) return false
      running.controller.abort(new CodedError('CANCELLED', 'Cancelled'))
      return true
    },
    running: () => running !== null,
    status() {
      const db = options.cache.db()
      const stored = createSyncMetaRepository(db)
      const meta = stored.read()
      const pass = stored.pass.read()
      const lastSuccessMs = meta.lastSuccessAt ? Date.parse(meta.lastSuccessAt) : NaN
      const stale = !Number.isFinite(lastSuccessMs) || now() - lastSuccessMs > staleAfterMinutes * 60_000
      return {
        running: running !== null,
        progress: running?.progress ?? null,
        lastSuccessAt: meta.lastSuccessAt,
        lastAttemptAt: meta.lastAttemptAt,
        lastError: meta.lastErrorCode
          ? { code: meta.lastErrorCode, message: meta.lastErrorMessage ?? '' }
          : null,
        deviceCount: createDeviceRepository(db).count(),
        apiVersion: meta.apiVersion,
        online: options.connectivity.online(),
        stale,
        staleAfterMinutes,
        lastFullAt: pass.lastFullAt,
        lastIncrementalAt: pass.lastIncrementalAt,
      }
    },
  }
}
