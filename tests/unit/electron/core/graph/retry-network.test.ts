import { describe, expect, it } from 'vitest'
import { createGraphClient, type GraphClientOptions } from '../../../../../electron/core/graph/client'
import { createRetryPlan, type RetryPolicy } from '../../../../../electron/core/graph/retry'
import { CodedError } from '../../../../../shared/errors'

/**
 * Outages and timeouts spend the sync's time budget (DESIGN §5), with the same jittered exponential
 * backoff as a 429 without Retry-After, instead of the old five tries. A clock that only moves when
 * the client sleeps (or an attempt times out): minutes of outage run in milliseconds.
 */
type Answer = 'drop' | 'timeout' | { status: number; headers?: Record<string, string> }

const TIMEOUT_MS = 30_000

function outage(
  answer: (method: string, atMs: number, n: number) => Answer,
  extra: Partial<GraphClientOptions> = {},
) {
  let clock = 0
  const sent: { method: string; atMs: number }[] = []
  const sleeps: number[] = []
  let draws = 0
  const graph = createGraphClient({
    baseUrl: 'http://127.0.0.1:9',
    getAccessToken: async () => 'token',
    timeoutMs: TIMEOUT_MS,
    fetch: (async (_url: URL | string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      sent.push({ method, atMs: clock })
      const a = answer(method, clock, sent.length)
      if (a === 'drop') throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') })
      if (a === 'timeout') {
        // The attempt used its whole timeout before the client's AbortSignal.timeout fired.
        clock += TIMEOUT_MS
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      }
      return new Response(a.status === 200 ? '{"ok":true}' : null, { status: a.status, headers: a.headers })
    }) as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
    },
    now: () => clock,
    // Deterministic but not constant: jitter must land anywhere in [0, ceiling).
    random: () => [0.5, 0.1, 0.9, 0.3][draws++ % 4]!,
    ...extra,
  })
  return { graph, sent, sleeps, clock: () => clock }
}

async function failure(promise: Promise<unknown>): Promise<CodedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CodedError)
  return error as CodedError
}

const SYNC: Partial<GraphClientOptions> = {
  throttleBudgetMs: 600_000,
  maxRetryAfterMs: 600_000,
  spreadThrottledReads: true,
  budgetNetworkFailures: true,
}

describe('dropped connections spend the time budget, not five tries', () => {
  it('outlasts a 3-minute outage that the old five retries gave up on', async () => {
    const answer = (_m: string, at: number): Answer => (at < 180_000 ? 'drop' : { status: 200 })
    // Before: five retries (~30 s of backoff at most) and OFFLINE.
    const before = outage(answer)
    const old = await failure(before.graph.get('/beta/x'))
    expect(old.code).toBe('OFFLINE')
    expect(before.sent).toHaveLength(6)
    expect(before.clock()).toBeLessThan(60_000)
    // After: the sync's 10-minute budget waits the outage out.
    const after = outage(answer, SYNC)
    const response = await after.graph.get('/beta/x')
    expect(response.body).toEqual({ ok: true })
    expect(after.clock()).toBeGreaterThanOrEqual(180_000)
    expect(after.sent.length).toBeGreaterThan(6)
  })

  it('backs off exponentially with full jitter, capped at maxDelayMs', async () => {
    const s = outage((_m, _t, n) => (n <= 8 ? 'drop' : { status: 200 }), SYNC)
    await s.graph.get('/beta/x')
    // Ceilings 1, 2, 4, 8, 16, 30, 30, 30 s × the random draws 0.5, 0.1, 0.9, 0.3, …
    expect(s.sleeps).toEqual([500, 200, 3600, 2400, 8000, 3000, 27_000, 9000])
  })

  it('gives up with OFFLINE once the next wait no longer fits in the budget', async () => {
    const s = outage(() => 'drop', { ...SYNC, throttleBudgetMs: 60_000, maxRetryAfterMs: 60_000 })
    const error = await failure(s.graph.get('/beta/x'))
    expect(error.code).toBe('OFFLINE')
    expect(error.detail?.attempts).toBe(s.sent.length)
    expect(s.clock()).toBeLessThanOrEqual(60_000)
    // It stopped because a wait would overrun the minute, not after a fixed number of tries.
    expect(s.sent.length).toBeGreaterThan(6)
    const last = s.sleeps.at(-1)!
    expect(s.clock() - last).toBeLessThan(60_000)
  })

  it('never re-sends a POST whose connection dropped (the action may have reached Intune)', async () => {
    const s = outage(() => 'drop', SYNC)
    expect((await failure(s.graph.post('/beta/devices/d1/resetPasscode'))).code).toBe('OFFLINE')
    expect(s.sent).toHaveLength(1)
  })

  it('keeps the five tries for clients that only budget throttling (the action client)', async () => {
    const s = outage(() => 'drop', { throttleBudgetMs: 600_000 })
    expect((await failure(s.graph.get('/beta/x'))).code).toBe('OFFLINE')
    expect(s.sent).toHaveLength(6)
  })
})

describe('timeouts spend the same budget', () => {
  it('retries timed-out attempts within the budget, the attempts’ own time included, then TIMEOUT', async () => {
    const s = outage(() => 'timeout', { ...SYNC, throttleBudgetMs: 300_000, maxRetryAfterMs: 300_000 })
    const error = await failure(s.graph.get('/beta/x'))
    expect(error.code).toBe('TIMEOUT')
    // Each attempt costs 30 s: far fewer than the 300 s / backoff would allow without them.
    expect(s.clock()).toBeLessThanOrEqual(300_000 + TIMEOUT_MS)
    expect(s.sent.length).toBeGreaterThan(6)
    expect(s.sent.length).toBeLessThan(11)
  })

  it('a slow patch of timeouts, then an answer: the read succeeds', async () => {
    const s = outage((_m, at) => (at < 240_000 ? 'timeout' : { status: 200 }), SYNC)
    expect((await s.graph.get('/beta/x')).body).toEqual({ ok: true })
    const old = outage((_m, at) => (at < 240_000 ? 'timeout' : { status: 200 }))
    expect((await failure(old.graph.get('/beta/x'))).code).toBe('TIMEOUT')
  })
})

describe('one budget for throttling and outages', () => {
  it('a 429 storm then a dropped link share the budget and the backoff', async () => {
    const s = outage(
      (_m, _t, n) =>
        n <= 2 ? { status: 429, headers: { 'retry-after': '2.128' } } : n <= 4 ? 'drop' : { status: 200 },
      { ...SYNC, spreadThrottledReads: false },
    )
    await s.graph.get('/beta/x')
    // Retry-After exactly (a plain read adds no spread), then jitter that kept growing: attempts 3 and 4.
    expect(s.sleeps).toEqual([2128, 2128, 3600, 2400])
  })

  it('createRetryPlan: a non-retryable status is final at once, whatever the budget', () => {
    const policy: RetryPolicy = {
      maxRetries: 5,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 600_000,
      budgetMs: 600_000,
      budgetNetworkFailures: true,
      spreadThrottledReads: true,
      random: () => 0.5,
    }
    const plan = createRetryPlan(policy, { method: 'GET', retry: true, begunMs: 0 })
    expect(plan.next({ kind: 'status', status: 403, retryAfterMs: null }, 0)).toBeNull()
    expect(plan.next({ kind: 'network' }, 0)).toEqual({ delayMs: 500, holdReads: false })
    expect(plan.next({ kind: 'status', status: 429, retryAfterMs: 1000 }, 0)).toEqual({
      delayMs: 2000,
      holdReads: true,
    })
  })
})
