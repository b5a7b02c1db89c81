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
