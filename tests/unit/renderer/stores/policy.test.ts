// The renderer's view of managed settings (stores/policy.ts) over a stand-in client: what Settings
// uses to show fields read-only and to list ignored values.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeClient, type FakeClient } from '../fake-client'

let client: FakeClient
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client
  },
}))

beforeEach(() => {
  client = createFakeClient()
  setActivePinia(createPinia())
})

describe('policy store', () => {
  it('loads on connection and answers which settings are managed', async () => {
    client.call.mockResolvedValue({
      ok: true,
      value: {
        values: { TicketRequired: true },
        sources: { TicketRequired: 'HKLM' },
        problems: [{ key: 'HistoryRetentionDays', source: 'HKCU', reason: 'badType' }],
      },
    })
    const { usePolicyStore } = await import('@renderer/stores/policy')
    const store = usePolicyStore()
    expect(store.isManaged('TicketRequired')).toBe(false)
    client.setState('connected')
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    expect(client.call).toHaveBeenCalledWith('policy:get')
    expect(store.isManaged('TicketRequired')).toBe(true)
    expect(store.isManaged('DefaultLanguage')).toBe(false)
    expect(store.managedKeys).toEqual(['TicketRequired'])
    expect(store.problems).toHaveLength(1)
  })

  it('keeps nothing managed when core cannot answer', async () => {
    client.call.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'x' } })
    const { usePolicyStore } = await import('@renderer/stores/policy')
    const store = usePolicyStore()
    await store.load()
    expect(store.error).toMatchObject({ code: 'INTERNAL' })
    expect(store.managedKeys).toEqual([])
  })
})
