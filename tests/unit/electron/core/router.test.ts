// The one router (DESIGN §3 "Errors are values at the boundary", ARCHITECTURE "The contract"): every bad-payload class gets its own code, thrown errors become
// coded errors without leaking messages, paths or tokens, and the router keeps serving afterwards.
import { describe, expect, it } from 'vitest'
import { err, ok } from '@shared/api/result'
import { CodedError } from '@shared/errors'
import {
  createRouter,
  LIMITS,
  toAppError,
  type CallContext,
  type Handlers,
} from '../../../../electron/core/router'
import type { Logger, LogFields } from '../../../../electron/core/log'

const ctx: CallContext = { host: 'test', clientId: 'c1' }

function recordingLogger() {
  const lines: Array<{ level: string; event: string; fields?: LogFields }> = []
  const at = (level: string) => (event: string, fields?: LogFields) =>
    void lines.push({ level, event, fields })
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
  return { log, lines }
}

const goodInfo = {
  name: 'Passcode Desk',
  version: '0.0.0',
  hostKind: 'browser',
  dataDir: '/data',
  locale: 'fr-FR',
  platform: 'linux',
  versions: { node: '20', electron: null, chrome: null },
}

type Mode = 'ok' | 'coded' | 'plain' | 'bad-output' | 'throw-string'
function setup(validateOutput = true) {
  const state: { mode: Mode; received: unknown[] } = { mode: 'ok', received: [] }
  const handlers = {
    'app:info': () => {
      switch (state.mode) {
        case 'ok':
          return goodInfo
        case 'coded':
          throw new CodedError('NOT_FOUND', 'Device not found', { id: 'abc' })
        case 'plain':
          throw new Error(
            'ENOENT: open /home/agent/.config/Passcode Desk/cache.db token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
          )
        case 'throw-string':
          throw 'C:\\Users\\agent\\secret.txt'
        case 'bad-output':
          return { ...goodInfo, hostKind: 'mainframe' }
      }
    },
    'settings:update': (input: unknown) => {
      state.received.push(input)
      return { locale: 'system', theme: 'dark', policy: { ticketRequired: true, requiredChecks: [] } }
    },
    'devices:get': (input: unknown) => {
      state.received.push(input)
      throw new CodedError('NOT_FOUND', 'Device not found')
    },
  } as unknown as Handlers
  const { log, lines } = recordingLogger()
  const router = createRouter(handlers, { validateOutput, log })
  const serves = async () =>
    expect(await router.call('app:info', undefined, ctx)).toEqual({ ok: true, value: goodInfo })
  return { router, state, lines, serves }
}

describe('router: input validation', () => {
  it('refuses unknown channels, including non-strings and prototype names', async () => {
    const { router, serves } = setup()
    for (const channel of [
      'nope:nothing',
      '',
      'constructor',
      '__proto__',
      'toString',
      42,
      null,
      undefined,
      { channel: 'app:info' },
    ]) {
      expect(await router.call(channel, undefined, ctx), String(channel)).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      })
    }
    await serves()
  })

  it('refuses wrong types and extra keys with INVALID_INPUT naming the field, never the value', async () => {
    const { router, state, serves } = setup()
    const wrongType = await router.call('settings:update', { theme: 42 }, ctx)
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: 'theme' } },
    })
    const wrongEnum = await router.call('settings:update', { theme: 'hunter2-secret' }, ctx)
    expect(wrongEnum).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(JSON.stringify(wrongEnum)).not.toContain('hunter2-secret')
    expect(await router.call('settings:update', { theme: 'dark', admin: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await router.call('settings:update', 'dark', ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await router.call('app:info', { extra: 1 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(state.received).toEqual([]) // no handler ran
    await serves()
  })

  it('refuses oversized strings, arrays and payloads with PAYLOAD_TOO_LARGE', async () => {
    const { router, state, serves } = setup()
    expect(await router.call('devices:get', { id: 'x'.repeat(200) }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    })
    const tooMany = { policy: { ticketRequired: true, requiredChecks: Array(11).fill('employeeId') } }
    expect(await router.call('settings:update', tooMany, ctx)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    })
    const huge = await router.call('settings:update', { theme: 'x'.repeat(LIMITS.maxPayloadBytes + 1) }, ctx)
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', detail: { limit: LIMITS.maxPayloadBytes } },
    })
    expect(state.received).toEqual([])
    await serves()
  })

  it('refuses __proto__, constructor and prototype keys at any depth, without polluting Object.prototype', async () => {
    const { router, state, serves } = setup()
    const payloads = [
      JSON.parse('{"__proto__":{"polluted":true}}'),
      JSON.parse('{"policy":{"__proto__":{"polluted":true}}}'),
      { constructor: { prototype: { polluted: true } } },
      { policy: { requiredChecks: [{ prototype: 1 }] } },
    ]
    for (const payload of payloads) {
      expect(await router.call('settings:update', payload, ctx)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_KEY' },
      })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(state.received).toEqual([])
    await serves()
  })

  it('refuses cycles, symbols, BigInt and over-deep nesting as not plain data', async () => {
    const { router, serves } = setup()
    const cyclic: Record<string, unknown> = { theme: 'dark' }
    cyclic.self = cyclic
    expect(await router.call('settings:update', cyclic, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await router.call('settings:update', { theme: 1n }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await router.call('settings:update', { [Symbol('x')]: 1 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    let deep: unknown = 'leaf'
    for (let i = 0; i < LIMITS.maxDepth + 3; i++) deep = { a: deep }
    expect(await router.call('settings:update', deep, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    await serves()
  })

  it('passes parsed input to the handler', async () => {
    const { router, state } = setup()
    expect(await router.call('settings:update', { theme: 'dark' }, ctx)).toMatchObject({ ok: true })
    expect(state.received).toEqual([{ theme: 'dark' }])
  })
})

describe('router: errors from handlers', () => {
  it('keeps a CodedError’s code, message and detail', async () => {
    const { router, state, serves } = setup()
    state.mode = 'coded'
    expect(await router.call('app:info', undefined, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Device not found', detail: { id: 'abc' } },
    })
    state.mode = 'ok'
    await serves()
  })

  it('turns a plain Error into INTERNAL without leaking its message, path or token', async () => {
    const { router, state, lines, serves } = setup()
    for (const mode of ['plain', 'throw-string'] as const) {
      state.mode = mode
      const result = await router.call('app:info', undefined, ctx)
      expect(result).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'Unexpected error in Passcode Desk' },
      })
      const text = JSON.stringify(result)
      for (const leak of ['ENOENT', '/home/agent', 'eyJ', 'token', 'C:\\\\Users', 'secret.txt', 'at '])
        expect(text, leak).not.toContain(leak)
    }
    expect(lines.some((l) => l.level === 'error' && l.event === 'router.handler-threw')).toBe(true)
    state.mode = 'ok'
    await serves()
  })

  it('refuses output that breaks the contract when validating, passes it when not', async () => {
    const validating = setup(true)
    validating.state.mode = 'bad-output'
    expect(await validating.router.call('app:info', undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    validating.state.mode = 'ok'
    await validating.serves()
    const production = setup(false)
    production.state.mode = 'bad-output'
    expect(await production.router.call('app:info', undefined, ctx)).toMatchObject({ ok: true })
  })

  it('toAppError maps unknown throwables to INTERNAL', () => {
    expect(toAppError(new CodedError('TIMEOUT', 'late'))).toEqual({ code: 'TIMEOUT', message: 'late' })
    expect(toAppError(new TypeError('x is undefined'))).toEqual({
      code: 'INTERNAL',
      message: 'Unexpected error in Passcode Desk',
    })
    expect(toAppError(undefined).code).toBe('INTERNAL')
  })
})

describe('Result envelope', () => {
  it('builds ok and err values, omitting an absent detail', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
    expect(err('NOT_FOUND', 'gone')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })
    expect('detail' in (err('NOT_FOUND', 'gone') as { error: object }).error).toBe(false)
    expect(err('CONFLICT', 'busy', { retry: true })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'busy', detail: { retry: true } },
    })
  })
})
