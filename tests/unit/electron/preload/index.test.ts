// Preload wiring with stand-ins for contextBridge and ipcRenderer (no real renderer or IPC):
// exactly `window.helpdesk`, one method per channel plus `on`, and nothing else.
import type { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENT_IPC_CHANNEL } from '@shared/api/channels'

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  emitter: null as unknown as EventEmitter,
}))

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  fake.emitter = new Emitter()
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        fake.invoked.push(args)
        return Promise.resolve({ ok: true, value: null })
      },
      on: (channel: string, listener: (...a: unknown[]) => void) => fake.emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...a: unknown[]) => void) =>
        fake.emitter.removeListener(channel, listener),
    },
  }
})

type Api = Record<string, (...args: unknown[]) => unknown> & {
  on: (event: string, cb: (payload: unknown) => void) => () => void
}

async function load(): Promise<Api> {
  await import('../../../../electron/preload/index')
  return fake.exposed.get('helpdesk') as Api
}

describe('preload', () => {
  it('exposes only window.helpdesk, frozen, with exactly one method per channel plus on', async () => {
    const api = await load()
    expect([...fake.exposed.keys()]).toEqual(['helpdesk'])
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort())
    for (const key of Object.keys(api)) expect(typeof api[key], key).toBe('function')
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('send')
    expect(api).not.toHaveProperty('ipcRenderer')
  })

  it('each method invokes its own channel with a single argument', async () => {
    const api = await load()
    fake.invoked.length = 0
    await api['settings:update']!({ theme: 'dark' }, 'smuggled', 'extra')
    await api['app:info']!()
    expect(fake.invoked).toEqual([
      ['settings:update', { theme: 'dark' }],
      ['app:info', undefined],
    ])
  })

  it('on(event, cb) delivers only that event’s payload (never the IPC event) and returns a working unsubscribe', async () => {
    const api = await load()
    const seen: unknown[] = []
    const off = api.on('settings:changed', (payload) => seen.push(payload))
    const emitter = fake.emitter as EventEmitter
    emitter.emit(EVENT_IPC_CHANNEL, { sender: 'ipc-event-object' }, 'settings:changed', { theme: 'dark' })
    emitter.emit(EVENT_IPC_CHANNEL, { sender: 'ipc-event-object' }, 'some:other', { x: 1 })
    expect(seen).toEqual([{ theme: 'dark' }])
    expect(emitter.listenerCount(EVENT_IPC_CHANNEL)).toBe(1)
    off()
    off()
    expect(emitter.listenerCount(EVENT_IPC_CHANNEL)).toBe(0)
    emitter.emit(EVENT_IPC_CHANNEL, {}, 'settings:changed', { theme: 'light' })
    expect(seen).toHaveLength(1)
  })

  it('on() refuses unknown events and non-function callbacks without subscribing', async () => {
    const api = await load()
    const emitter = fake.emitter as EventEmitter
    const before = emitter.listenerCount(EVENT_IPC_CHANNEL)
    expect(typeof api.on('not:an-event', () => {})).toBe('function')
    expect(typeof api.on('settings:changed', 'nope' as never)).toBe('function')
    expect(emitter.listenerCount(EVENT_IPC_CHANNEL)).toBe(before)
  })
})
