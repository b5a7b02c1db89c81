import { randomUUID } from 'node:crypto'
import { CodedError } from '@shared/errors'
import { silentLogger, type Logger } from '../log'
import { graphError } from './errors'
import { statusError } from './failure'
import { abortableSleep, createReadGate, createRetryPlan, parseRetryAfter, type RetryPolicy } from './retry'
import type { GraphClient, GraphResponse, PostOptions, RequestOptions } from './client-types'

export type { GraphClient, GraphResponse, GraphWait, PostOptions, RequestOptions } from './client-types'

/**
 * Microsoft Graph over plain fetch. Not @microsoft/microsoft-graph-client: its AuthenticationHandler
 * drops the bearer token for hosts that are not Graph hosts and only parses https URLs, so it cannot
 * talk to the demo tenant on http loopback (domain §4.5, toolchain notes).
 */

export interface GraphClientOptions {
  /** Graph root without version or trailing slash (Session.profile.graphBaseUrl); read per request. */
  readonly baseUrl: string | (() => string)
  /** Session.getAccessToken: a fresh token each call; the value is never logged or stored. */
  readonly getAccessToken: () => Promise<string>
  readonly fetch?: typeof fetch
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly now?: () => number
  readonly random?: () => number
  readonly newRequestId?: () => string
  /** Retries after the first attempt for transient failures (default 5). */
  readonly maxRetries?: number
  /** First backoff ceiling (default 1 s), doubled per attempt up to `maxDelayMs` (default 30 s). */
  readonly baseDelayMs?: number
  readonly maxDelayMs?: number
  /** A Retry-After longer than this is not waited out: the request fails GRAPH_THROTTLED (default 120 s). */
  readonly maxRetryAfterMs?: number
  /** Per attempt, headers and body (default 30 s). */
  readonly timeoutMs?: number
  readonly log?: Logger
  /**
   * When set, 429/503/504 are retried until this much time has passed since the request began
   * (a throttling storm lasts minutes: learn.microsoft.com/graph/throttling), instead of
   * `maxRetries` tries; a Retry-After beyond what is left fails GRAPH_THROTTLED at once. A 429 on a
   * POST is retried too: Graph refused it before doing anything, so the retry is not a second action.
   * Decisions: graph/retry.ts `createRetryPlan`.
   */
  readonly throttleBudgetMs?: number
  /**
   * Dropped connections and timeouts of retryable requests spend `throttleBudgetMs` too (jittered
   * exponential backoff) instead of `maxRetries` tries: a sync outlasts an outage of minutes.
   */
  readonly budgetNetworkFailures?: boolean
  /** Throttled reads add growing full jitter on top of Retry-After (graph/retry.ts throttleDelay). */
  readonly spreadThrottledReads?: boolean
}

type Failure =
  | {
      kind: 'status'
      status: number
      retryAfterMs: number | null
      /** Parsed JSON body (null when not JSON): read by failure.ts for Intune's nested shapes. */
      body: unknown
      approvalHeader: string | null
      requestId: string | null
    }
  | { kind: 'network'; error: unknown }
  | { kind: 'timeout' }

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}

/** Path without query, for logs (a query may one day carry a user's name). */
function logPath(url: URL): string {
  return url.pathname.slice(0, 200)
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? fetch
  const sleep = options.sleep ?? abortableSleep
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const newRequestId = options.newRequestId ?? randomUUID
  const timeoutMs = options.timeoutMs ?? 30_000
  const log = options.log ?? silentLogger
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 5,
    baseDelayMs: options.baseDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    budgetMs: options.throttleBudgetMs,
    budgetNetworkFailures: options.budgetNetworkFailures === true,
    spreadThrottledReads: options.spreadThrottledReads === true,
    random,
  }
  const readGate = createReadGate()
  const root = () =>
    (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).replace(/\/+$/, '')
  const origin = () => new URL(root()).origin

  function resolve(pathOrUrl: string): URL {
    if (/^https?:\/\//i.test(pathOrUrl)) {
      const url = new URL(pathOrUrl)
      // A nextLink is followed as given, but a token is only ever sent to the profile's Graph origin.
      if (url.origin !== origin()) {
        throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph returned a link to another origin')
      }
      return url
    }
    if (!pathOrUrl.startsWith('/')) throw new CodedError('INTERNAL', 'Graph paths start with /')
    return new URL(root() + pathOrUrl)
  }

  async function send<T>(
    method: 'GET' | 'POST',
    pathOrUrl: string,
    opts: PostOptions,
    retry: boolean,
  ): Promise<GraphResponse<T>> {
    const url = resolve(pathOrUrl)
    const clientRequestId = opts.clientRequestId ?? newRequestId()
    const signal = opts.signal
    let attempts = 0
    let refreshedAfter401 = false
    const plan = createRetryPlan(policy, { method, retry, begunMs: now() })

    for (;;) {
      if (signal?.aborted) throw new CodedError('CANCELLED', 'Cancelled')
      const held = method === 'GET' ? readGate.remaining(now()) : 0
      if (held > 0) {
        opts.onWait?.({ waitMs: held, status: 0 })
        try {
          await sleep(held, signal)
        } catch {
          throw new CodedError('CANCELLED', 'Cancelled')
        }
      }
      attempts++
      const started = now()
      let failure: Failure
      try {
        const token = await options.getAccessToken()
        const timeout = AbortSignal.timeout(timeoutMs)
        const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
        const headers: Record<string, string> = {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'client-request-id': clientRequestId,
          'return-client-request-id': 'true',
        }
        let body: string | undefined
        if (method === 'POST' && opts.body !== undefined) {
          headers['content-type'] = 'application/json'
          body = JSON.stringify(opts.body)
        }
        const response = await doFetch(url, { method, headers, body, signal: combined, redirect: 'error' })
        const text = await response.text()
        const requestId = response.headers.get('request-id')
        log.debug('graph.response', {
          method,
          path: logPath(url),
          status: response.status,
          ms: now() - started,
          requestId,
          clientRequestId,
          attempt: attempts,
        })
        let parsed: unknown = null
        let parseFailed = false
        if (text.length > 0) {
          try {
            parsed = JSON.parse(text)
          } catch {
            parseFailed = true
          }
        }
        if (response.ok) {
          if (parseFailed) {
            throw graphError('GRAPH_BAD_RESPONSE', 'Graph returned a body that is not JSON', {
              status: response.status,
              requestId,
              clientRequestId,
              attempts,
            })
          }
          return { status: response.status, body: parsed as T, requestId, clientRequestId, attempts }
        }
        if (response.status === 401 && !refreshedAfter401) {
          // One new token (the cached one may have just expired or been revoked), then AUTH_REQUIRED.
          refreshedAfter401 = true
          attempts--
          continue
        }
        failure = {
          kind: 'status',
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
          body: parseFailed ? null : parsed,
          approvalHeader: response.headers.get('x-msft-approval-code'),
          requestId,
        }
      } catch (error) {
        if (error instanceof CodedError) throw error
        if (signal?.aborted) throw new CodedError('CANCELLED', 'Cancelled')
        failure = isAbort(error) ? { kind: 'timeout' } : { kind: 'network', error }
        log.debug('graph.failure', {
          method,
          path: logPath(url),
          kind: failure.kind,
          attempt: attempts,
          clientRequestId,
        })
      }

      const next = plan.next(failure, now())
      if (next !== null) {
        if (next.holdReads) readGate.hold(now() + next.delayMs)
        await waitBeforeRetry(next.delayMs, failure, method, url, attempts, clientRequestId, opts)
        continue
      }
      throw finalError(failure, clientRequestId, attempts)
    }
  }

  async function waitBeforeRetry(
    delay: number,
    failure: Failure,
    method: string,
    url: URL,
    attempt: number,
    clientRequestId: string,
    opts: RequestOptions,
  ): Promise<void> {
    log.info('graph.retry', {
      method,
      path: logPath(url),
      reason: failure.kind === 'status' ? failure.status : failure.kind,
      delayMs: delay,
      attempt,
      clientRequestId,
    })
    if (failure.kind === 'status') opts.onWait?.({ waitMs: delay, status: failure.status })
    try {
      await sleep(delay, opts.signal)
    } catch {
      throw new CodedError('CANCELLED', 'Cancelled')
    }
  }

  function finalError(failure: Failure, clientRequestId: string, attempts: number): CodedError {
    if (failure.kind === 'network') {
      return graphError(
        'OFFLINE',
        'Microsoft Graph cannot be reached',
        { clientRequestId, attempts },
        failure.error,
      )
    }
    if (failure.kind === 'timeout') {
      return graphError('TIMEOUT', 'Microsoft Graph did not answer in time', { clientRequestId, attempts })
    }
    return statusError({ ...failure, clientRequestId, attempts })
  }

  return {
    get: (pathOrUrl, opts = {}) => send('GET', pathOrUrl, opts, opts.retry ?? true),
    post: (path, opts = {}) => send('POST', path, opts, opts.retry ?? false),
    origin,
  }
}
