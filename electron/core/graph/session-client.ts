import type { ErrorCode } from '@shared/errors'
import type { Session } from '../auth/session'
import { reportingFetch } from '../connectivity/probe'
import type { Logger } from '../log'
import { createGraphClient, type GraphClient, type GraphClientOptions } from './client'

/**
 * The one place a Graph client is built for core (DESIGN §1): from a session (its Graph root and
 * token, read per request so they follow sign-in) or from a fixed root and token (CLI
 * `--graph-url --access-token`), tuned for what it serves.
 */
export interface GraphAccess {
  readonly baseUrl: () => string
  readonly getAccessToken: () => Promise<string>
}

export const sessionAccess = (session: Session): GraphAccess => ({
  baseUrl: () => session.profile.graphBaseUrl,
  getAccessToken: () => session.getAccessToken(),
})

/**
 * Retry tuning per use. A sync keeps the client's defaults (and passes its throttling budget per
 * run, sync/engine.ts). An action has an agent on the phone: few quick GET retries, and a 429
 * (Graph refused the request before doing anything) is retried after exactly its Retry-After, for
 * 20 s at most, reads and POSTs alike; a sync's throttled reads back off longer (graph/retry.ts),
 * so during a team-wide storm the action finds the free slot first (domain §2.7).
 */
export const GRAPH_USES = {
  sync: {},
  action: {
    maxRetries: 2,
    baseDelayMs: 300,
    maxDelayMs: 3_000,
    maxRetryAfterMs: 10_000,
    throttleBudgetMs: 20_000,
  },
} as const satisfies Record<string, Partial<GraphClientOptions>>

export type GraphUse = keyof typeof GRAPH_USES

export interface SessionGraphDeps {
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
  readonly log?: Logger
  /** Every attempt (retries included) tells the reachability model at once (electron/core/connectivity). */
  readonly note?: (outcome: ErrorCode | null) => void
}

export function createSessionGraphClient(
  access: GraphAccess,
  use: GraphUse,
  deps: SessionGraphDeps = {},
  tuning: Partial<GraphClientOptions> = {},
): GraphClient {
  return createGraphClient({
    baseUrl: access.baseUrl,
    getAccessToken: access.getAccessToken,
    fetch: deps.note ? reportingFetch(deps.note, deps.fetch) : deps.fetch,
    log: deps.log,
    ...GRAPH_USES[use],
    ...tuning,
  })
}
