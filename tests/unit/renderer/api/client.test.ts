// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import {
  createElectronClient,
  createWebSocketClient,
  takeSecretFromLocation,
  type ConnectionState,
  type HelpdeskBridge,
} from '@renderer/api/client'

function fakeLocation(hash: string): Location {
  return { hash, pathname: '/', search: '' } as Location
}

describe('takeSecretFromLocation', () => {
  it('takes the secret from #k=…, keeps it for the tab and clears it from the address bar', () => {
    const storage = new Map<string, string>()
    const store = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    } as unknown as Storage
    const history = { replaceState: vi.fn() } as unknown as History
    expect(takeSecretFromLocation(fakeLocation('#k=abc_DEF-123'), store, history)).toBe('abc_DEF-123')
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/#/')
    // A reload has no fragment any more but still finds it.
    expect(takeSecretFromLocation(fakeLocation('#/settings'), store, history)).toBe('abc_DEF-123')
  })

  it('finds nothing when the page was not opened from the printed link', () => {
    const store = { getItem: () => null, setItem: vi.fn() } as unknown as Storage
    const history = { replaceState: vi.fn() } as unknown as History
    expect(takeSecretFromLocation(fakeLocation('#/devices'), store, history)).toBeNull()
    expect(history.replaceState).not.toHaveBeenCalled()
  })
})

describe('createWebSocketClient without a secret', () => {
  it('says the secret is missing, reports closed, and answers calls with OFFLINE without connecting', async () => {
    const spy = vi.spyOn(globalThis, 'WebSocket')
    const client = createWebSocketClient(null)
    expect(client.missingSecret).toBe(true)
    const states: ConnectionState[] = []
    client.onConnectionChange((state) => states.push(state))
    expect(states).toEqual(['closed'])
    const result = await client.call('app:info')
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } })
    expect(spy).not.toHaveBeenCalled()
  })
})

describe('createElectronClient', () => {
  it('passes calls to window.helpdesk and turns a rejected IPC call into a coded error', async () => {
    const bridge = {
      'app:info': vi.fn().mockRejectedValue(new Error('ipc gone')),
      'settings:get': vi.fn().mockResolvedValue({ ok: true, value: { locale: 'fr' } }),
      on: vi.fn(() => () => {}),
    } as unknown as HelpdeskBridge
    const client = createElectronClient(bridge)
    expect(client.transport).toBe('electron')
    expect(client.missingSecret).toBe(false)
    expect(await client.call('settings:get')).toEqual({ ok: true, value: { locale: 'fr' } })
    expect(await client.call('app:info')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const states: ConnectionState[] = []
    client.onConnectionChange((state) => states.push(state))
    expect(states).toEqual(['connected'])
  })
})
