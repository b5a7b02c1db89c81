// The Readiness store (stores/readiness.ts) over a stand-in client: what it asks core, when it asks
// again, and that a slow answer for an older range never replaces a newer one.
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

const answer = (rangeDays: number) => ({ ok: true, value: { actions: { rangeDays } } })
const summaryCalls = () => client.call.mock.calls.filter(([channel]) => channel === 'readiness:summary')

describe('readiness store', () => {
  it('asks for the range with the agent UTC offset, and again for a new range', async () => {
    client.call.mockImplementation(async (_channel, input) =>
      answer((input as { rangeDays: number }).rangeDays),
    )
    const { useReadinessStore } = await import('@renderer/stores/readiness')
    const store = useReadinessStore()
    store.open()
    await vi.waitFor(() => expect(store.summary).not.toBeNull())
    expect(summaryCalls()[0]![1]).toEqual({
      rangeDays: 90,
      utcOffsetMinutes: -new Date().getTimezoneOffset(),
    })
    store.setRange(30)
    await vi.waitFor(() => expect(store.summary?.actions.rangeDays).toBe(30))
    store.setRange(30)
    expect(summaryCalls()).toHaveLength(2)
  })

  it('drops a slow answer that an answer for a newer range overtook', async () => {
    let releaseFirst!: () => void
    client.call.mockImplementationOnce(
      () => new Promise((resolve) => (releaseFirst = () => resolve(answer(90)))),
    )
    client.call.mockImplementation(async () => answer(365))
    const { useReadinessStore } = await import('@renderer/stores/readiness')
    const store = useReadinessStore()
    store.open()
    store.setRange(365)
    await vi.waitFor(() => expect(store.summary?.actions.rangeDays).toBe(365))
    releaseFirst()
    await new Promise((r) => setTimeout(r, 0))
    expect(store.summary?.actions.rangeDays).toBe(365)
  })

  it('follows action changes only while the view is open, and keeps the error to show', async () => {
    client.call.mockResolvedValue(answer(90))
    const { useReadinessStore } = await import('@renderer/stores/readiness')
    const store = useReadinessStore()
    store.open()
    await vi.waitFor(() => expect(summaryCalls()).toHaveLength(1))
    client.call.mockResolvedValue({ ok: false, error: { code: 'DB_ERROR', message: 'x' } })
    client.emit('actions:changed', {})
    await vi.waitFor(() => expect(store.error?.code).toBe('DB_ERROR'))
    store.close()
    client.emit('actions:changed', {})
    await new Promise((r) => setTimeout(r, 0))
    expect(summaryCalls()).toHaveLength(2)
  })
})
