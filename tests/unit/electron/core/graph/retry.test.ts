import { describe, expect, it } from 'vitest'
import {
  createGraphClient,
  type GraphClientOptions,
  type GraphWait,
} from '../../../../../electron/core/graph/client'
import { parseRetryAfter, throttleDelay } from '../../../../../electron/core/graph/retry'
import { CodedError } from '../../../../../shared/errors'

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

/**
 * A clock that only moves when the client sleeps, and a fetch that answers from a function of the
 * request: a throttling storm of minutes runs in milliseconds, deterministically.
 */
function storm(
  answer: (method: string, atMs: number, n: number) => Reply,
  extra: Partial<GraphClientOptions> = {},
) {
  let clock = 0
  const sent: { method: string; atMs: number }[] = []
  const sleeps: number[] = []
  const graph = createGraphClient({
    baseUrl: 'http://127.0.0.1:9',
    getAccessToken: async () => 'token',
    fetch: (async (_url: URL | string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      sent.push({ method, atMs: clock })
      const reply = answer(method, clock, sent.length)
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: reply.headers,
      })
    }) as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
    },
    now: () => clock,
    random: () => 0.5,
    ...extra,
  })
  return { graph, sent, sleeps, clock: () => clock }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    return error instanceof CodedError ? error.code : `not coded: ${String(error)}`
  }
}

const throttled = (retryAfter?: string): Reply => ({
  status: 429,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
})

describe('Retry-After as Intune sends it (domain §9)', () => {
  it('reads fractional seconds to the millisecond', () => {
    expect(parseRetryAfter('2.128', 0)).toBe(2128)
    expect(parseRetryAfter(' 0.5 ', 0)).toBe(500)
    expect(parseRetryAfter('-1', 0)).toBeNull()
    expect(parseRetryAfter('soon', 0)).toBeNull()
  })

  it('waits a fractional Retry-After exactly, then succeeds', async () => {
    const s = storm((_m, _t, n) => (n === 1 ? throttled('2.128') : { status: 200, body: { value: [] } }), {
      throttleBudgetMs: 60_000,
    })
    await s.graph.get('/beta/x')
    expect(s.sleeps).toEqual([2128])
  })

  it('without Retry-After, backs off exponentially with full jitter', () => {
    const at = (attempt: number, r: number) =>
      throttleDelay({
        retryAfterMs: null,
        attempt,
        isRead: true,
        baseMs: 1000,
        capMs: 30_000,
        random: () => r,
      })
    expect([0, 1, 2, 3, 6].map((a) => at(a, 0.5))).toEqual([500, 1000, 2000, 4000, 15_000])
    expect(at(3, 0)).toBe(0) // full jitter: anywhere in [0, ceiling)
    expect(at(3, 0.999)).toBe(7992)
    // A write never waits less than Retry-After and adds nothing; a spread read adds jitter on top.
    expect(
      throttleDelay({
        retryAfterMs: 2128,
        attempt: 4,
        isRead: false,
        baseMs: 1000,
        capMs: 30_000,
        random: () => 0.5,
      }),
    ).toBe(2128)
    expect(
      throttleDelay({
        retryAfterMs: 2128,
        attempt: 1,
        isRead: true,
        baseMs: 1000,
        capMs: 30_000,
        random: () => 0.5,
      }),
    ).toBe(3128)
  })

  it('never turns Retry-After: 0 into a tight loop', () => {
    const at = (attempt: number) =>
      throttleDelay({
        retryAfterMs: 0,
        attempt,
        isRead: false,
        baseMs: 1000,
        capMs: 30_000,
        random: () => 0.5,
      })
    expect([0, 1, 2, 3].map(at)).toEqual([100, 200, 400, 800])
  })

  it('retries absent-Retry-After 429s with growing jittered waits', async () => {
    const s = storm((_m, _t, n) => (n <= 4 ? throttled() : { status: 200, body: {} }), {
      throttleBudgetMs: 60_000,
    })
    await s.graph.get('/beta/x')
    expect(s.sleeps).toEqual([500, 1000, 2000, 4000])
  })
})

describe('a throttling storm of minutes (time budget, not a handful of tries)', () => {
  it('outlasts a 3-minute storm that the old five retries gave up on after ~5 s', async () => {
    const stormMs = 180_000
    const answer = (_m: string, at: number) =>
      at < stormMs ? throttled('1') : { status: 200, body: { ok: true } }
    // Before: bounded retries (the default client: 5 tries of Retry-After 1 s) fail GRAPH_THROTTLED.
    const before = storm(answer)
    expect(await codeOf(before.graph.get('/beta/x'))).toBe('GRAPH_THROTTLED')
    expect(before.clock()).toBe(5000)
    // After: a 10-minute budget waits the storm out and reports every wait.
    const waits: GraphWait[] = []
    const after = storm(answer, { throttleBudgetMs: 600_000 })
    const response = await after.graph.get('/beta/x', { onWait: (w) => waits.push(w) })
    expect(response.body).toEqual({ ok: true })
    expect(after.clock()).toBeGreaterThanOrEqual(stormMs)
    expect(after.sent.length).toBe(181)
    expect(waits.length).toBe(180)
    expect(waits.every((w) => w.status === 429 && w.waitMs === 1000)).toBe(true)
  })

  it('gives up with GRAPH_THROTTLED when the time budget is reached, without a wait it cannot afford', async () => {
    const s = storm(() => throttled('7'), { throttleBudgetMs: 30_000 })
    const error = await s.graph.get('/beta/x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CodedError)
    expect((error as CodedError).code).toBe('GRAPH_THROTTLED')
    expect((error as CodedError).detail).toMatchObject({ status: 429, attempts: 5 })
    // 4 waits of 7 s fit in 30 s; a fifth would end at 35 s, so the client stops at 28 s.
    expect(s.sleeps).toEqual([7000, 7000, 7000, 7000])
    expect(s.clock()).toBe(28_000)
  })
})

describe('actions keep priority over throttled reads (DESIGN §5)', () => {
  it('holds other reads while one is throttled, but sends a write at once', async () => {
    // Sleeps end only when the test says so: the clock moves with them.
    let clock = 0
    const sleeping: { until: number; resolve: () => void }[] = []
    const sent: { method: string; url: string; atMs: number }[] = []
    const graph = createGraphClient({
      baseUrl: 'http://127.0.0.1:9',
      getAccessToken: async () => 'token',
      fetch: (async (url: URL | string, init?: RequestInit) => {
        const method = init?.method ?? 'GET'
        sent.push({ method, url: String(url), atMs: clock })
        // Reads are throttled for the first 10 s of the storm; the write budget has room.
        const reply =
          method === 'POST'
            ? { status: 204 }
            : clock < 10_000
              ? throttled('10')
              : { status: 200, body: { value: [] } }
        return new Response('body' in reply ? JSON.stringify(reply.body) : null, reply)
      }) as typeof fetch,
      sleep: (ms) => new Promise<void>((resolve) => sleeping.push({ until: clock + ms, resolve })),
      now: () => clock,
      random: () => 0.5,
      throttleBudgetMs: 600_000,
      spreadThrottledReads: true,
    })
    const settle = () => new Promise((r) => setTimeout(r, 5))
    const firstRead = graph.get('/beta/devices')
    await settle()
    expect(sleeping).toHaveLength(1) // refused, waiting 10 s + jitter
    const readWaits: GraphWait[] = []
    const secondRead = graph.get('/beta/devices?page=2', { onWait: (w) => readWaits.push(w) })
    await settle()
    // The second read was not sent into the storm: it waits behind the first one's Retry-After.
    expect(sent.filter((x) => x.method === 'GET')).toHaveLength(1)
    expect(readWaits[0]).toMatchObject({ status: 0, waitMs: 10_500 })
    // The write goes out at once, at t = 0, while both reads wait.
    const write = await graph.post('/beta/devices/d1/resetPasscode')
    expect(write.status).toBe(204)
    expect(sent.find((x) => x.method === 'POST')?.atMs).toBe(0)
    // Let the storm pass: both reads then succeed.
    clock = 10_500
    for (const s of sleeping.splice(0)) s.resolve()
    await Promise.all([firstRead, secondRead])
    expect(sent.filter((x) => x.method === 'GET').map((x) => x.atMs)).toEqual([0, 10_500, 10_500])
  })

  it('retries a throttled write after exactly its Retry-After (Graph did nothing the first time)', async () => {
    const s = storm(
      (method, _t, n) => (n === 1 ? throttled('0.75') : { status: method === 'POST' ? 204 : 200 }),
      {
        throttleBudgetMs: 30_000,
        spreadThrottledReads: true,
      },
    )
    const response = await s.graph.post('/beta/devices/d1/resetPasscode')
    expect(response.status).toBe(204)
    expect(s.sleeps).toEqual([750])
    // A 503 on a POST is still never retried: the action may have been performed.
    const down = storm(() => ({ status: 503 }), { throttleBudgetMs: 30_000 })
    expect(await codeOf(down.graph.post('/beta/devices/d1/resetPasscode'))).toBe('GRAPH_UNAVAILABLE')
    expect(down.sent).toHaveLength(1)
  })
})
