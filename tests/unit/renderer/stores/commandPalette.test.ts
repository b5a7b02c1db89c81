// The command palette's store over a stand-in client: its own small devices:search (the Devices
// view's state untouched), from two characters, stale answers dropped, a fresh start on each open.
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

const answer = (...ids: string[]) => ({
  ok: true,
  value: { rows: ids.map((id) => ({ id })), total: ids.length, offset: 0, limit: 6, queryTruncated: false },
})

async function store() {
  const { useCommandPaletteStore } = await import('@renderer/stores/commandPalette')
  return useCommandPaletteStore()
}

describe('command palette store', () => {
  it('searches the cache through devices:search from two characters, six devices at most', async () => {
    client.call.mockResolvedValue(answer('d1', 'd2'))
    const s = await store()
    s.show()
    s.setQuery('h')
    expect(client.call).not.toHaveBeenCalled()
    s.setQuery(' hé ')
    await vi.waitFor(() => expect(s.rows.map((r) => r.id)).toEqual(['d1', 'd2']))
    expect(client.call).toHaveBeenCalledWith('devices:search', { query: 'hé', limit: 6 })
    expect(s.searching).toBe(false)
    s.setQuery('h')
    expect(s.rows).toEqual([])
  })

  it('drops an answer for older text', async () => {
    let resolveOld!: (value: unknown) => void
    client.call
      .mockImplementationOnce(() => new Promise((r) => (resolveOld = r)))
      .mockResolvedValueOnce(answer('new'))
    const s = await store()
    s.setQuery('he')
    s.setQuery('hel')
    await vi.waitFor(() => expect(s.rows.map((r) => r.id)).toEqual(['new']))
    resolveOld(answer('old'))
    await new Promise((r) => setTimeout(r, 0))
    expect(s.rows.map((r) => r.id)).toEqual(['new'])
  })

  it('keeps a refused search as an error with no rows, and opens empty again', async () => {
    client.call.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'x' } })
    const s = await store()
    s.show()
    s.setQuery('iphone')
    await vi.waitFor(() => expect(s.error).toMatchObject({ code: 'INTERNAL' }))
    expect(s.rows).toEqual([])
    s.hide()
    expect(s.open).toBe(false)
    s.show()
    expect(s).toMatchObject({ open: true, query: '', error: null })
  })
})
