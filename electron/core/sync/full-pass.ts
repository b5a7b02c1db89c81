import { CodedError } from '@shared/errors'
import { fallsBackToV1 } from '../graph/beta-fallback'
import { graphPages } from '../graph/paging'
import type { ApiVersion } from '../store/device-record'
import { inThreadSnapshot, type StagedSnapshot } from '../store/worker/staged-snapshot'
import { listPath } from './fields'
import { ALL_PAGES_STAGED, createSyncMetaRepository } from '../store/sync-meta'
import { throwIfCancelled, type PassContext, type PassOutcome } from './pass'

/** Pages handed to the snapshot writer and not yet staged, at most (see runFullPass). */
const IN_FLIGHT = 2

/**
 * The full pass (domain §2.6): every device, staged page by page, then swapped in atomically
 * (store/snapshot.ts); devices Intune no longer lists are removed. Correctness never relies on
 * `$filter` (domain §2.6), so this pass is also the sweep that catches deletions.
 *
 * After each staged page the nextLink still to fetch is saved. A pass that failed or whose
 * process was killed leaves its staging behind; the next full pass goes on from that link when the
 * staging is younger than `resumeMaxAgeMs` (a skiptoken does not live for ever, and older pages
 * would publish an old picture as new), otherwise it starts clean. A cancelled pass drops its
 * staging: the agent asked for it to stop. The page and its resume point are one transaction of
 * the snapshot's writer, so a kill never leaves one without the other (a page fetched twice, e.g.
 * Graph repeating a device, is harmless anyway: the build keeps one row per device id).
 */
export async function runFullPass(
  ctx: PassContext,
  options: { resumeMaxAgeMs: number },
): Promise<PassOutcome> {
  const { db, log, now, signal } = ctx
  const passMeta = createSyncMetaRepository(db).pass
  const saved = passMeta.read().resume
  const young =
    saved !== null && now() - saved.savedAtMs >= 0 && now() - saved.savedAtMs <= options.resumeMaxAgeMs
  // The SQL worker when the host has one (engine.ts), else this thread: the same builder either way.
  const open = ctx.openSnapshot ?? inThreadSnapshot
  let snapshot: StagedSnapshot = await open(db, { resume: young })
  let apiVersion: ApiVersion = 'beta'
  let link = listPath(apiVersion)
  let pages = 0
  let startedAt = new Date(now()).toISOString()
  let resumedFromPage: number | null = null
  if (snapshot.resumed && saved) {
    ;({ apiVersion, link, pages, startedAt } = saved)
    resumedFromPage = saved.pages
    log.info('sync.resumed', { pages, staged: snapshot.staged, ageMs: now() - saved.savedAtMs })
  } else if (saved) {
    log.info('sync.resume-discarded', { ageMs: now() - saved.savedAtMs })
    passMeta.write({ resume: null })
  }
  let total: number | null = null
  // Pages handed to the writer and not yet staged, oldest first. The writer (the SQL worker)
  // stages one page while this thread receives, parses and hands over the next (DESIGN §5); the
  // bound keeps memory flat: at most IN_FLIGHT pages queued, plus the one being fetched.
  const inFlight: { page: number; staging: Promise<{ skipped: number; staged: number }> }[] = []
  // The oldest handed-over page is staged, with its resume point (written in the same transaction).
  const settle = async () => {
    const oldest = inFlight[0]!
    const { skipped, staged } = await oldest.staging
    inFlight.shift()
    if (skipped > 0) log.warn('sync.skipped-records', { page: oldest.page, skipped })
    pages = oldest.page
    ctx.report({ phase: 'fetching', pages, devices: staged, total, apiVersion })
  }
  // After a failure: the pages already staged keep their resume points; the rest is fetched again.
  const drain = async () => {
    try {
      while (inFlight.length > 0) await settle()
    } catch {
      // the pass's own error is the one reported
    } finally {
      inFlight.length = 0
    }
  }
  try {
    while (link !== ALL_PAGES_STAGED) {
      try {
        const walk = graphPages(ctx.graph, link, { signal, onWait: ctx.onWait, firstPage: pages + 1 })
        for await (const page of walk) {
          if (page.count !== null && resumedFromPage === null) total = page.count
          throwIfCancelled(signal)
          const next = page.nextLink ?? ALL_PAGES_STAGED
          const resume = { link: next, apiVersion, pages: page.page, savedAtMs: now(), startedAt }
          const staging = snapshot.addGraphPage(page.items, apiVersion, new Date(now()).toISOString(), {
            passMeta: { resume },
          })
          // Awaited in order by settle; never an unhandled rejection meanwhile.
          staging.catch(() => {})
          inFlight.push({ page: page.page, staging })
          if (inFlight.length >= IN_FLIGHT) await settle()
        }
        while (inFlight.length > 0) await settle()
        link = ALL_PAGES_STAGED
      } catch (error) {
        await drain()
        if (apiVersion === 'beta' && pages === 0 && fallsBackToV1('sync', error)) {
          // Degrade gracefully: v1.0 lacks fields eligibility needs, so some verdicts become undetermined.
          log.warn('sync.beta-refused', { code: (error as CodedError).code })
          await snapshot.abort()
          snapshot = await open(db, {})
          apiVersion = 'v1.0'
          link = listPath(apiVersion)
          continue
        }
        throw error
      }
    }
    ctx.report({ phase: 'committing', pages, devices: snapshot.staged, total: snapshot.staged, apiVersion })
    await snapshot.prepare(async () => {
      throwIfCancelled(signal)
      await new Promise<void>((resolve) => setImmediate(resolve))
    })
    const finishedMs = now()
    const success = ctx.successWrites(finishedMs, apiVersion, startedAt)
    const committed = await snapshot.commit({
      syncMeta: success.syncMeta,
      passMeta: { ...success.passMeta, resume: null },
    })
    return {
      kind: 'full',
      devices: committed.devices,
      removed: committed.removed,
      changed: committed.devices,
      pages,
      apiVersion,
      finishedMs,
      resumedFromPage,
    }
  } catch (error) {
    const cancelled = signal.aborted || (error instanceof CodedError && error.code === 'CANCELLED')
    if (cancelled) {
      try {
        await snapshot.abort()
        if (db.open) passMeta.write({ resume: null })
      } catch (abortError) {
        log.warn('sync.abort-failed', { error: abortError })
      }
    }
    throw error
  } finally {
    await snapshot.close()
  }
}
