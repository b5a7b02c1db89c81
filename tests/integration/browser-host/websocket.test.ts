// The browser host's WebSocket bridge, for real: a real core, a real server on 127.0.0.1:0, a real
// `ws` client. DESIGN §4: per-launch secret, Origin and Host checks, coded errors, keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import type { BridgeResult } from '@shared/api/bridge'
import { connect, messages, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

const statusOf = async (attempt: Promise<WebSocket>) => {
  try {
    const ws = await attempt
    ws.close()
    return 'open'
  } catch (error) {
    return (error as { status?: number }).status ?? 'error'
  }
}

describe('browser host: who may connect', () => {
  it('refuses a WebSocket without the secret', async () => {
    expect(await statusOf(connect(h, { secret: null }))).toBe(401)
  })

  it('refuses a wrong secret, including one of the right length', async () => {
    expect(await statusOf(connect(h, { secret: 'wrong' }))).toBe(401)
    const sameLength = h.host.secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
    expect(await statusOf(connect(h, { secret: sameLength }))).toBe(401)
  })

  it('refuses a foreign Origin and a missing Origin', async () => {
    expect(await statusOf(connect(h, { origin: 'http://evil.example' }))).toBe(403)
    expect(await statusOf(connect(h, { origin: `http://127.0.0.1:${h.host.port + 1}` }))).toBe(403)
    expect(await statusOf(connect(h, { origin: null }))).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding), even with the right secret and a matching Origin', async () => {
    const port = h.host.port
    expect(
      await statusOf(
        connect(h, { hostHeader: `evil.example:${port}`, origin: `http://evil.example:${port}` }),
      ),
    ).toBe(421)
    expect(await statusOf(connect(h, { hostHeader: `evil.example:${port}` }))).toBe(421)
  })

  it('refuses another path', async () => {
    expect(await statusOf(connect(h, { path: '/other' }))).toBe(404)
  })

  it('accepts the right secret from our origin and serves app:info through the real router', async () => {
    const ws = await connect(h)
    const inbox = messages(ws)
    ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'app:info' }))
    const reply = (await inbox.next((m) => m.t === 'result' && m.id === 1)) as BridgeResult
    expect(reply.result).toMatchObject({
      ok: true,
      value: { name: 'Passcode Desk', hostKind: 'browser', locale: 'en-GB' },
    })
    ws.close()
  })

  it('also accepts localhost as Host and Origin', async () => {
    const port = h.host.port
    const ws = await connect(h, { hostHeader: `localhost:${port}`, origin: `http://localhost:${port}` })
    ws.close()
  })
})

describe('browser host: hostile messages get coded errors and the connection keeps serving', () => {
  let ws: WebSocket
  let inbox: ReturnType<typeof messages>
  let id = 100
  beforeAll(async () => {
    ws = await connect(h)
    inbox = messages(ws)
  })
  afterAll(() => ws.close())

  const call = async (channel: unknown, input?: unknown) => {
    const myId = ++id
    ws.send(JSON.stringify({ t: 'call', id: myId, channel, input }))
    return ((await inbox.next((m) => m.t === 'result' && m.id === myId)) as BridgeResult).result
  }
  const stillServes = async () => expect(await call('app:info')).toMatchObject({ ok: true })
  const nextNullIdError = async (send: () => void) => {
    const before = inbox.received.length
    send()
    const reply = (await inbox.next(
      (m) => inbox.received.indexOf(m) >= before && m.t === 'result' && m.id === null,
    )) as BridgeResult
    return reply.result
  }

  it('malformed JSON', async () => {
    expect(await nextNullIdError(() => ws.send('{not json'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    await stillServes()
  })

  it('a message that is not a call, or has no numeric id', async () => {
    expect(
      await nextNullIdError(() => ws.send(JSON.stringify({ t: 'call', id: 'x', channel: 'app:info' }))),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await nextNullIdError(() => ws.send('[]'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await nextNullIdError(() => ws.send(Buffer.from([1, 2, 3]), { binary: true }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    await stillServes()
  })

  it('unknown channel', async () => {
    expect(await call('secrets:dump')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(await call({ toString: 'app:info' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    })
    await stillServes()
  })

  it('oversized payload (over the router limit, under the frame limit)', async () => {
    const result = await call('settings:update', { theme: 'x'.repeat(300 * 1024) })
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } })
    await stillServes()
  })

  it('__proto__ and constructor keys', async () => {
    const raw = (myId: number, inputJson: string) =>
      `{"t":"call","id":${myId},"channel":"settings:update","input":${inputJson}}`
    const send = async (inputJson: string) => {
      const myId = ++id
      ws.send(raw(myId, inputJson))
      return ((await inbox.next((m) => m.t === 'result' && m.id === myId)) as BridgeResult).result
    }
    expect(await send('{"__proto__":{"polluted":true}}')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_KEY' },
    })
    expect(await send('{"policy":{"constructor":{"prototype":{"x":1}}}}')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_KEY' },
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    await stillServes()
  })

  it('a frame over the bridge frame limit closes only that connection (1009); the host keeps serving others', async () => {
    const big = await connect(h)
    const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)))
    big.send('x'.repeat(600 * 1024))
    expect(await closed).toBe(1009)
    await stillServes()
  })

  it('pushes core events to connected clients', async () => {
    const result = await call('settings:update', { theme: 'dark' })
    expect(result).toMatchObject({ ok: true })
    const event = await inbox.next((m) => m.t === 'event' && m.event === 'settings:changed')
    expect(event).toMatchObject({ t: 'event', event: 'settings:changed' })
  })
})
