import { graphPages } from '../graph/paging'
import type { ApiVersion, DeviceRecord } from '../store/device-record'
import { createDeviceWriter } from '../store/device-writer'
import { listPath } from './fields'
import { pageRecords, throwIfCancelled, type PassContext, type PassOutcome } from './pass'

/**
 * The incremental pass: only devices whose `lastSyncDateTime` is after the watermark (lt/gt are
 * documented on that property, domain §2.6; managedDevices has no delta function), merged into the
 * live set in one transaction — searches see all of the changes or none. It cannot see deletions:
 * the periodic full pass catches those. `since` already includes the safety margin (engine.ts).
 */
export function incrementalPath(apiVersion: ApiVersion, since: string): string {
  return `${listPath(apiVersion)}&$filter=${encodeURIComponent(`lastSyncDateTime gt ${since}`)}`
}

export async function runIncrementalPass(
  ctx: PassContext,
  options: { apiVersion: ApiVersion; since: string },
): Promise<PassOutcome> {
  const { db, log, now, signal } = ctx
  const { apiVersion } = options
  // The pass may fetch for a while; the next one asks for changes after this instant.
  const startedAt = new Date(now()).toISOString()
  const records: DeviceRecord[] = []
  let pages = 0
  const walk = graphPages(ctx.graph, incrementalPath(apiVersion, options.since), {
    signal,
    onWait: ctx.onWait,
  })
  for await (const page of walk) {
    pages = page.page
    records.push(...pageRecords(page.items, apiVersion, new Date(now()).toISOString(), log, page.page))
    throwIfCancelled(signal)
    ctx.report({ phase: 'fetching', pages, devices: records.length, total: null, apiVersion })
  }
  ctx.report({ phase: 'committing', pages, devices: records.length, total: records.length, apiVersion })
  const writer = createDeviceWriter(db, '')
  let finishedMs = 0
  const devices = db
    .transaction(() => {
      for (const record of records) writer.put(record)
      finishedMs = now()
      ctx.recordSuccess(finishedMs, apiVersion, startedAt)
      return db.prepare('SELECT count(*) FROM devices').pluck().get() as number
    })
    .immediate()
  return {
    kind: 'incremental',
    devices,
    removed: 0,
    changed: records.length,
    pages,
    apiVersion,
    finishedMs,
    resumedFromPage: null,
  }
}
