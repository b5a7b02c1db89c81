import type Database from 'better-sqlite3'
import type { DeviceDetail, DeviceSearchResult } from '@shared/api/schemas/devices'
import { CodedError } from '@shared/errors'
import { fallsBackToV1 } from '../graph/beta-fallback'
import type { GraphClient } from '../graph/client'
import { singleDeviceOf } from '../graph/normalize'
import type { DeviceCache } from '../store/cache'
import { toDeviceRecord, type ApiVersion } from '../store/device-record'
import { createDeviceRepository } from '../store/device-repository'
import { createScopeDenials } from '../store/scope-denials'
import type { Connectivity } from '../connectivity/model'
import { devicePath } from '../sync/fields'
import { toDeviceDetail } from './detail'
import { markOutOfScope, withScope } from './scope'
import { createDeviceSearch, type DeviceSearch, type SearchInput } from './search'

export interface DeviceService {
  search(input: SearchInput): DeviceSearchResult
  get(id: string): DeviceDetail
  refresh(id: string, signal?: AbortSignal): Promise<DeviceDetail>
}

/**
 * Refresh answers within this, retries included: the agent has a caller on the line, and a spinner
 * that fails after ~23 s of back-off tells them nothing (DESIGN §1, reachability).
 */
export const REFRESH_BUDGET_MS = 8_000

export interface DeviceServiceOptions {
  readonly cache: DeviceCache
  readonly graph: () => GraphClient
  readonly connectivity: Connectivity
  /** The signed-in agent, recorded with a scope-tag refusal (a colleague's role may differ). */
  readonly agentUpn?: () => string | null
  readonly now?: () => number
  /** The agent's locale (BCP 47), for phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
  readonly refreshBudgetMs?: number
}

export function createDeviceService(options: DeviceServiceOptions): DeviceService {
  const now = options.now ?? Date.now
  // One search (and its statement cache) per open database; a profile switch opens another.
  const searches = new WeakMap<Database.Database, DeviceSearch>()
  const searchFor = (db: Database.Database) => {
    let search = searches.get(db)
    if (!search) {
      search = createDeviceSearch(db, { now, locale: options.locale })
      searches.set(db, search)
    }
    return search
  }

  async function fetchLive(graph: GraphClient, id: string, signal: AbortSignal, retry: boolean) {
    try {
      return {
        version: 'beta' as ApiVersion,
        body: singleDeviceOf((await graph.get(devicePath('beta', id), { signal, retry })).body),
      }
    } catch (error) {
      // Same degradation as the sync: a tenant refusing beta is read through v1.0.
      if (fallsBackToV1('refresh', error)) {
        return {
          version: 'v1.0' as ApiVersion,
          body: singleDeviceOf((await graph.get(devicePath('v1.0', id), { signal, retry })).body),
        }
      }
      throw error
    }
  }

  return {
    search(input) {
      const db = options.cache.db()
      const result = searchFor(db).search(input)
      const marked = createScopeDenials(db).markedAmong(result.rows.map((r) => r.id))
      if (marked.size === 0) return result
      return { ...result, rows: result.rows.map((r) => (marked.has(r.id) ? { ...r, outOfScope: true } : r)) }
    },
    get(id) {
      const db = options.cache.db()
      const stored = createDeviceRepository(db).get(id)
      if (!stored) throw new CodedError('NOT_FOUND', 'Device not in the cache')
      return withScope(toDeviceDetail(stored, now()), createScopeDenials(db).get(id))
    },
    async refresh(id, signal) {
      const repository = createDeviceRepository(options.cache.db())
      let live: { version: ApiVersion; body: unknown }
      const budgetMs = options.refreshBudgetMs ?? REFRESH_BUDGET_MS
      const deadline = AbortSignal.timeout(budgetMs)
      // Known unreachable already: one attempt, no back-off — the probe says when Intune is back.
      const retry = options.connectivity.online()
      // A refused connection is not retried into the budget: Intune is down, say so now.
      const refused = new AbortController()
      const stop = options.connectivity.onChange?.((status) => {
        if (status.failure === 'OFFLINE') refused.abort()
      })
      try {
        const combined = AbortSignal.any([deadline, refused.signal, ...(signal ? [signal] : [])])
        const fetching = fetchLive(options.graph(), id, combined, retry)
        fetching.catch(() => {}) // settled below, or abandoned past the budget
        // The budget covers the whole call, token included (a sign-in renewal may wait on the network).
        live = await Promise.race([
          fetching,
          new Promise<never>((_, reject) => {
            if (combined.aborted) reject(new CodedError('CANCELLED', 'Cancelled'))
            combined.addEventListener('abort', () => reject(new CodedError('CANCELLED', 'Cancelled')), {
              once: true,
            })
          }),
        ])
        options.connectivity.note(null)
      } catch (caught) {
        let error = caught
        if (refused.signal.aborted && !signal?.aborted) {
          error = new CodedError('OFFLINE', 'Intune refused the connection')
        } else if (deadline.aborted && !signal?.aborted) {
          // Out of time (refusals end earlier, above): Intune accepted but did not answer.
          error = new CodedError('TIMEOUT', `Intune did not answer within ${budgetMs} ms`, {
            seconds: Math.round(budgetMs / 1000),
          })
        }
        const code = error instanceof CodedError ? error.code : 'INTERNAL'
        options.connectivity.note(code)
        // Gone from Intune: drop it from the cache too, so search stops offering it. A scope-tag 404
        // is not "gone" (domain §9): the row stays, marked outside the agent's Intune scope.
        if (code === 'GRAPH_NOT_FOUND') repository.remove(id)
        if (code === 'GRAPH_OUT_OF_SCOPE' && error instanceof CodedError && repository.get(id)) {
          markOutOfScope(options.cache.db(), id, error, options.agentUpn?.() ?? '', now())
        }
        throw error
      } finally {
        stop?.()
      }
      const record = toDeviceRecord(live.body, live.version, new Date(now()).toISOString())
      if (!record || record.id !== id)
        throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph returned another device')
      repository.put(record)
      createScopeDenials(options.cache.db()).clear(id)
      return toDeviceDetail(createDeviceRepository(options.cache.db()).get(id)!, now())
    },
  }
}
