import { describe, expect, it } from 'vitest'
import { createGraphClient, type GraphClientOptions } from '../../../../../electron/core/graph/client'
import { graphPages } from '../../../../../electron/core/graph/paging'
import { backoffDelay, parseRetryAfter } from '../../../../../electron/core/graph/retry'
import { CodedError } from '../../../../../shared/errors'

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error

/** A scripted fetch: each call takes the next reply and records what was sent. */
function scripted(replies: Reply[]) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: string }[] = []
  const fakeFetch = (async (url: URL | string, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body as string | undefined,
    })
    const reply = replies.shift()
    if (!reply) throw new Error('no more replies')
    if (reply instanceof Error) throw reply
    const text =
      reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
    return new Response(reply.status === 204 ? null : text, {
      status: reply.status,
      headers: { 'request-id': `req-${calls.length}`, ...reply.headers },
    })
  }) as typeof fetch
  return { fetch: fakeFetch, calls }
}

function client(replies: Reply[], extra: Partial<GraphClientOptions> = {}) {
  const { fetch, calls } = scripted(replies)
  const sleeps: number[] = []
  let tokens = 0
  const graph = createGraphClient({
    baseUrl: 'http://127.0.0.1:9/',
    getAccessToken: async () => `token-${++tokens}`,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    now: () => Date.parse('2026-11-26T12:00:00Z'),
    random: () => 0.5,
    newRequestId: () => 'crid-1',
    ...extra,
  })
  return { graph, calls, sleeps, tokens: () => tokens }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    return error instanceof CodedError ? error.code : `not coded: ${String(error)}`
  }
}

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T12:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffDelay(0, 1000, 30_000, () => 0.999)).toBe(999)
    expect(backoffDelay(3, 1000, 30_000, () => 0.5)).toBe(4000)
    expect(backoffDelay(20, 1000, 30_000, () => 0.5)).toBe(15_000)
    expect(backoffDelay(2, 1000, 30_000, () => 0)).toBe(0)
  })
})

describe('Graph client', () => {
  it('sends the bearer token and a client-request-id, and returns Graph request-id', async () => {
    const { graph, calls } = client([{ status: 200, body: { value: [] } }])
    const response = await graph.get('/beta/deviceManagement/managedDevices')
    expect(response).toMatchObject({
      status: 200,
      requestId: 'req-1',
      clientRequestId: 'crid-1',
      attempts: 1,
    })
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/beta/deviceManagement/managedDevices')
    expect(calls[0]!.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'client-request-id': 'crid-1',
    })
  })

  it('honours Retry-After on 429 before its own backoff, then succeeds', async () => {
    const { graph, sleeps } = client([
      { status: 429, headers: { 'retry-after': '3' }, body: { error: { code: 'TooManyRequests' } } },
      { status: 503 },
      { status: 504, headers: { 'retry-after': 'Thu, 26 Nov 2026 12:00:02 GMT' } },
      { status: 200, body: { ok: 1 } },
    ])
    const response = await graph.get('/v1.0/x')
    expect(response.attempts).toBe(4)
    // 3 s from the header, then full jitter (0.5 × 2 s), then the HTTP date (2 s ahead).
    expect(sleeps).toEqual([3000, 1000, 2000])
  })

  it('gives up after bounded retries with GRAPH_THROTTLED / GRAPH_UNAVAILABLE', async () => {
    const throttled = client(
      Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '1' } })),
      {
        maxRetries: 3,
      },
    )
    expect(await codeOf(throttled.graph.get('/x'))).toBe('GRAPH_THROTTLED')
    expect(throttled.calls).toHaveLength(4)
    const down = client(
      Array.from({ length: 3 }, () => ({ status: 503 })),
      { maxRetries: 2 },
    )
    expect(await codeOf(down.graph.get('/x'))).toBe('GRAPH_UNAVAILABLE')
  })

  it('does not wait out an unreasonable Retry-After', async () => {
    const { graph, sleeps } = client([{ status: 429, headers: { 'retry-after': '3600' } }])
    expect(await codeOf(graph.get('/x'))).toBe('GRAPH_THROTTLED')
    expect(sleeps).toEqual([])
  })

  it('maps network failures to OFFLINE after retries', async () => {
    const { graph, calls } = client([new TypeError('fetch failed'), new TypeError('fetch failed')], {
      maxRetries: 1,
    })
    expect(await codeOf(graph.get('/x'))).toBe('OFFLINE')
    expect(calls).toHaveLength(2)
  })

  it('maps 401 to AUTH_REQUIRED after one fresh token, 403 and 404 without retry', async () => {
    const unauthorized = client([{ status: 401 }, { status: 401 }])
    expect(await codeOf(unauthorized.graph.get('/x'))).toBe('AUTH_REQUIRED')
    expect(unauthorized.calls.map((c) => c.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ])

    const recovered = client([{ status: 401 }, { status: 200, body: {} }])
    expect((await recovered.graph.get('/x')).status).toBe(200)

    const forbidden = client([{ status: 403, body: { error: { code: 'Forbidden', message: 'no' } } }])
    const error = await forbidden.graph.get('/x').catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'GRAPH_FORBIDDEN',
      detail: { status: 403, graphCode: 'Forbidden', requestId: 'req-1' },
    })
    expect(forbidden.calls).toHaveLength(1)

    expect(await codeOf(client([{ status: 404 }]).graph.get('/x'))).toBe('GRAPH_NOT_FOUND')
  })

  it('refuses a body that is not JSON with GRAPH_BAD_RESPONSE, without retrying', async () => {
    const { graph, calls } = client([{ status: 200, body: '{"value": [{"id": "a"' }])
    expect(await codeOf(graph.get('/x'))).toBe('GRAPH_BAD_RESPONSE')
    expect(calls).toHaveLength(1)
  })

  it('never retries a POST unless asked, and returns its ids', async () => {
    const failing = client([{ status: 503 }, { status: 204 }])
    expect(await codeOf(failing.graph.post('/beta/x/resetPasscode'))).toBe('GRAPH_UNAVAILABLE')
    expect(failing.calls).toHaveLength(1)

    const ok = client([{ status: 204 }])
    const response = await ok.graph.post('/beta/x/resetPasscode', { clientRequestId: 'mine', body: { a: 1 } })
    expect(response).toMatchObject({ status: 204, body: null, requestId: 'req-1', clientRequestId: 'mine' })
    expect(ok.calls[0]).toMatchObject({ method: 'POST', body: '{"a":1}' })
  })

  it('never logs the token', async () => {
    const lines: string[] = []
    const capture = (event: string, fields?: unknown) => lines.push(event + JSON.stringify(fields))
    const log = { debug: capture, info: capture, warn: capture, error: capture }
    const { graph } = client(
      [{ status: 503 }, new TypeError('fetch failed'), { status: 401 }, { status: 200, body: {} }],
      {
        log,
      },
    )
    await graph.get('/x')
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.join('\n')).not.toMatch(/token-|Bearer/)
  })

  it('is cancellable, also while waiting to retry', async () => {
    const controller = new AbortController()
    const { graph } = client([{ status: 503 }, { status: 200 }], {
      sleep: async () => {
        controller.abort()
        throw new Error('aborted')
      },
    })
    expect(await codeOf(graph.get('/x', { signal: controller.signal }))).toBe('CANCELLED')
    const already = client([{ status: 200 }])
    expect(await codeOf(already.graph.get('/x', { signal: AbortSignal.abort() }))).toBe('CANCELLED')
    expect(already.calls).toHaveLength(0)
  })

  it('times out a request that does not answer, with TIMEOUT after retries', async () => {
    const hang = (async (_url: URL | string, init?: RequestInit) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as typeof fetch
    const graph = createGraphClient({
      baseUrl: 'http://127.0.0.1:9',
      getAccessToken: async () => 't',
      fetch: hang,
      timeoutMs: 20,
      maxRetries: 1,
      sleep: async () => {},
    })
    expect(await codeOf(graph.get('/x'))).toBe('TIMEOUT')
  })
})

describe('paging', () => {
  it('follows the full nextLink to the end', async () => {
    const { graph, calls } = client([
      {
        status: 200,
        body: {
          value: [1, 2],
          '@odata.count': 3,
          '@odata.nextLink': 'http://127.0.0.1:9/beta/d?$skiptoken=abc',
        },
      },
      { status: 200, body: { value: [3] } },
    ])
    const pages = []
    for await (const page of graphPages(graph, '/beta/d?$top=2')) pages.push(page)
    expect(pages.map((p) => [p.page, p.items, p.count])).toEqual([
      [1, [1, 2], 3],
      [2, [3], null],
    ])
    expect(calls[1]!.url).toBe('http://127.0.0.1:9/beta/d?$skiptoken=abc')
  })

  it('refuses a nextLink to another origin (the token never leaves the Graph host)', async () => {
    const { graph, calls } = client([
      { status: 200, body: { value: [], '@odata.nextLink': 'http://evil.example/beta/d?$skiptoken=x' } },
    ])
    const walk = async () => {
      for await (const _ of graphPages(graph, '/beta/d')) void _
    }
    expect(await codeOf(walk())).toBe('GRAPH_BAD_RESPONSE')
    expect(calls).toHaveLength(1)
  })

  it('refuses a page without a value array (after asking again) and a link that repeats', async () => {
    const bad = client(Array.from({ length: 4 }, () => ({ status: 200, body: { items: [] } })))
    const walk = async (g: typeof bad.graph) => {
      for await (const _ of graphPages(g, '/beta/d')) void _
    }
    expect(await codeOf(walk(bad.graph))).toBe('GRAPH_BAD_RESPONSE')
    expect(bad.calls).toHaveLength(4) // the first request and three more (bounded)
    const loop = client([
      { status: 200, body: { value: [], '@odata.nextLink': 'http://127.0.0.1:9/beta/d' } },
      { status: 200, body: { value: [], '@odata.nextLink': 'http://127.0.0.1:9/beta/d' } },
    ])
    expect(await codeOf(walk(loop.graph))).toBe('GRAPH_BAD_RESPONSE')
  })
})
