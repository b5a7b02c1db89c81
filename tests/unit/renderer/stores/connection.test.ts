// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { useConnectionStore } = await import('@renderer/stores/connection')

describe('useConnectionStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('follows the bridge state', () => {
    client.current = createFakeClient()
    const store = useConnectionStore()
    expect(store.state).toBe('connecting')
    client.current.setState('connected')
    expect(store.state).toBe('connected')
    client.current.setState('closed')
    expect(store.state).toBe('closed')
  })

  it('asks for the launch link when the browser page has no secret', () => {
    client.current = createFakeClient({ transport: 'browser', missingSecret: true })
    expect(useConnectionStore().needsLaunchLink).toBe(true)
  })

  it('asks for the launch link when a stale secret is refused before any connection', () => {
    client.current = createFakeClient({ transport: 'browser' })
    const store = useConnectionStore()
    expect(store.needsLaunchLink).toBe(false)
    client.current.setState('closed')
    expect(store.needsLaunchLink).toBe(true)
    expect(store.lost).toBe(false)
  })

  it('reports a lost connection (not the launch link) once it had worked', () => {
    client.current = createFakeClient({ transport: 'browser' })
    const store = useConnectionStore()
    client.current.setState('connected')
    expect(store.lost).toBe(false)
    client.current.setState('closed')
    expect(store.lost).toBe(true)
    expect(store.needsLaunchLink).toBe(false)
    client.current.setState('connecting')
    expect(store.lost).toBe(true)
    client.current.setState('connected')
    expect(store.lost).toBe(false)
  })

  it('never asks for a launch link in Electron', () => {
    client.current = createFakeClient({ transport: 'electron' })
    const store = useConnectionStore()
    client.current.setState('closed')
    expect(store.needsLaunchLink).toBe(false)
  })

  it('tracks the browser online flag', () => {
    client.current = createFakeClient()
    const store = useConnectionStore()
    window.dispatchEvent(new Event('offline'))
    expect(store.online).toBe(false)
    window.dispatchEvent(new Event('online'))
    expect(store.online).toBe(true)
  })
})
