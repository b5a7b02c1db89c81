// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppInfo } from '@shared/api/schemas/app'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { useAppInfoStore } = await import('@renderer/stores/appInfo')

const INFO: AppInfo = {
  name: 'Passcode Desk',
  version: '1.2.3',
  hostKind: 'browser',
  dataDir: '/data',
  locale: 'fr-FR',
  platform: 'linux',
  versions: { node: '20.0.0', electron: null, chrome: null },
}

describe('useAppInfoStore', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    setActivePinia(createPinia())
  })

  it('loads app:info once even when asked twice at the same time', async () => {
    client.current.call.mockResolvedValue({ ok: true, value: INFO })
    const store = useAppInfoStore()
    await Promise.all([store.load(), store.load()])
    expect(client.current.call).toHaveBeenCalledTimes(1)
    expect(store.info).toEqual(INFO)
    await store.ensureLoaded()
    expect(client.current.call).toHaveBeenCalledTimes(1)
  })

  it('keeps the coded error when core fails, and clears it on success', async () => {
    client.current.call.mockResolvedValueOnce({ ok: false, error: { code: 'OFFLINE', message: 'x' } })
    const store = useAppInfoStore()
    await store.load()
    expect(store.info).toBeNull()
    expect(store.error?.code).toBe('OFFLINE')
    client.current.call.mockResolvedValueOnce({ ok: true, value: INFO })
    await store.load()
    expect(store.error).toBeNull()
    expect(store.info?.version).toBe('1.2.3')
  })
})
