/**
 * Retry timing for Graph (domain §4.5; learn.microsoft.com/graph/throttling): honour `Retry-After`
 * first — seconds or an HTTP date — else exponential backoff with full jitter
 * (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter), both capped.
 */

/** Statuses Graph documents as transient: throttled, unavailable, gateway timeout. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504])

/** Milliseconds to wait from a Retry-After header, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  // An HTTP date starts with the day name (RFC 9110 §5.6.7); anything else (`-1`) is unreadable.
  if (!/^[A-Za-z]/.test(trimmed)) return null
  const date = Date.parse(trimmed)
  if (!Number.isFinite(date)) return null
  return Math.max(0, date - nowMs)
}

/** Full jitter: uniform in [0, min(cap, base·2^attempt)). `attempt` counts from 0. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}

/** A sleep that ends early (rejecting) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Reads of one Graph client held back after a 429 (domain §2.7: Intune counts every request of the
 * app against one budget). Once a read is throttled, no other read of this client is sent before
 * the wait is over — they would only be refused too and use up budget a write needs. Writes never
 * wait here: they honour their own Retry-After only, which is how an agent's resetPasscode gets
 * through a storm of sync pages within seconds (DESIGN §5 "actions keep priority").
 */
export interface ReadGate {
  /** Milliseconds a read must still wait (0 when reads may go). */
  remaining(nowMs: number): number
  /** A read was throttled: hold reads until `untilMs`. */
  hold(untilMs: number): void
}

export function createReadGate(): ReadGate {
  let until = 0
  return {
    remaining: (nowMs) => Math.max(0, until - nowMs),
    hold(untilMs) {
      if (untilMs > until) until = untilMs
    },
  }
}

/**
 * How long a throttled request waits before its next attempt. Retry-After is a floor, never
 * shortened. A read adds full jitter that grows with consecutive throttles, so that many agents
 * told the same Retry-After do not all come back in the same millisecond and a write sent meanwhile
 * finds the free slot first; without Retry-After (some Intune services omit it, domain §9) the
 * jittered exponential backoff is the whole wait. A write adds no jitter.
 */
export function throttleDelay(input: {
  readonly retryAfterMs: number | null
  readonly attempt: number
  readonly isRead: boolean
  readonly baseMs: number
  readonly capMs: number
  readonly random: () => number
}): number {
  const jitter = backoffDelay(input.attempt, input.baseMs, input.capMs, input.random)
  if (input.retryAfterMs === null) return jitter
  if (input.isRead) return input.retryAfterMs + jitter
  // `Retry-After: 0` must not become a tight loop: a floor growing from 100 ms up to baseMs.
  const floor = Math.min(input.baseMs, 100 * 2 ** Math.min(input.attempt, 20))
  return Math.max(input.retryAfterMs, floor)
}

/** What went wrong with one attempt, as far as retrying cares. */
export type AttemptFailure =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs: number | null }
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }

export interface RetryPolicy {
  /** Retries after the first attempt when no time budget applies. */
  readonly maxRetries: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** A Retry-After longer than this is not waited out. */
  readonly maxRetryAfterMs: number
  /** Time budget for 429/503/504, counted from the request's first attempt (undefined: none). */
  readonly budgetMs?: number
  /** Network failures and timeouts spend the same budget instead of `maxRetries`. */
  readonly budgetNetworkFailures: boolean
  /** Throttled reads add growing jitter on top of Retry-After (throttleDelay). */
  readonly spreadThrottledReads: boolean
  readonly random: () => number
}

/**
 * The retry decisions for one request (DESIGN §5, domain §4.5). Two regimes:
 * - with a time budget (a sync: a storm or an outage of minutes must not abort it,
 *   learn.microsoft.com/graph/throttling), 429/503/504 — and, when `budgetNetworkFailures`, dropped
 *   connections and timeouts — are retried while the next wait still fits in the budget, with
 *   Retry-After as a floor and otherwise exponential backoff with full jitter, so that many clients
 *   cut off at once do not come back in the same millisecond;
 * - otherwise a handful of tries (`maxRetries`) with the same backoff.
 * A POST is never retried after a failure that may have reached Graph (a second resetPasscode is a
 * second action); a 429 is the exception: Graph refused it before doing anything.
 * `next` answers the wait before the next attempt, or null to give up; `holdReads` says a budgeted
 * read was throttled, so the client's other reads wait too (ReadGate).
 */
export function createRetryPlan(
  policy: RetryPolicy,
  request: { readonly method: 'GET' | 'POST'; readonly retry: boolean; readonly begunMs: number },
): { next(failure: AttemptFailure, nowMs: number): { delayMs: number; holdReads: boolean } | null } {
  let retriesLeft = request.retry ? policy.maxRetries : 0
  let budgetedAttempts = 0
  /** Failures so far: the counted regime's backoff grows with every earlier attempt. */
  let failures = 0
  return {
    next(failure, nowMs) {
      const earlier = failures++
      const isStatus = failure.kind === 'status'
      if (isStatus && !RETRYABLE_STATUSES.has(failure.status)) return null
      const throttledPost = request.method === 'POST' && isStatus && failure.status === 429
      const budgeted =
        policy.budgetMs !== undefined &&
        (isStatus || policy.budgetNetworkFailures) &&
        (request.retry || throttledPost)
      const retryAfterMs = isStatus ? failure.retryAfterMs : null
      if (budgeted) {
        const delay = throttleDelay({
          retryAfterMs,
          attempt: budgetedAttempts++,
          isRead: request.method === 'GET' && policy.spreadThrottledReads,
          baseMs: policy.baseDelayMs,
          capMs: policy.maxDelayMs,
          random: policy.random,
        })
        const left = request.begunMs + policy.budgetMs! - nowMs
        if (delay > Math.min(left, policy.maxRetryAfterMs)) return null
        return { delayMs: delay, holdReads: request.method === 'GET' && isStatus && failure.status === 429 }
      }
      if (retriesLeft <= 0) return null
      const delay =
        retryAfterMs ?? backoffDelay(earlier, policy.baseDelayMs, policy.maxDelayMs, policy.random)
      if (delay > policy.maxRetryAfterMs) return null
      retriesLeft--
      return { delayMs: delay, holdReads: false }
    },
  }
}
