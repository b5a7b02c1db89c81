// The History store over a stand-in client: it sends the filters to core for both lists (core filters,
// the renderer never does), drops stale answers, and keeps the list current on actions:changed.
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

const row = (id: string, state = 'done') => ({ id, state, deviceId: `dev-${id}` })
const page = (...ids: string[]) => ({ ok: true, value: { rows: ids.map((i) => row(i)), total: ids.length } })
const timeline = (...keys: string[]) => ({
  ok: true,
  value: { entries: keys.map((key) => ({ key })), unavailable: [] },
})

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

async function store() {
  const { useHistoryStore } = await import('@renderer/stores/history')
  return useHistoryStore()
}

describe('history store', () => {
  it('sends the filters to core for the local list and shows its answer', async () => {
    client.call.mockResolvedValue(page('a'))
    const s = await store()
    s.setFilters({ device: 'françois', states: ['failed'] })
    await vi.waitFor(() => expect(s.total).toBe(1))
    expect(client.call).toHaveBeenCalledWith('history:list', {
      filters: { device: 'françois', states: ['failed'] },
      limit: 500,
    })
    expect(s.rows.map((r) => r.id)).toEqual(['a'])
    // The team timeline is not read until the agent asks for it.
    expect(client.call.mock.calls.map((c) => c[0])).not.toContain('history:team')
  })

  it('the team timeline gets the same filters, and new filters reload it while it is shown', async () => {
    client.call.mockImplementation(async (channel) =>
      channel === 'history:team' ? timeline('local:a', 'rau:r1') : page('a'),
    )
    const s = await store()
    s.setFilters({ agent: 'élodie' })
    s.setTeamView(true)
    await vi.waitFor(() => expect(s.team?.entries).toHaveLength(2))
    expect(client.call).toHaveBeenCalledWith('history:team', { agent: 'élodie' })
    s.setFilters({ agent: 'élodie', ticket: 'INC-1' })
    await vi.waitFor(() =>
      expect(client.call).toHaveBeenCalledWith('history:team', { agent: 'élodie', ticket: 'INC-1' }),
    )
    s.setTeamView(false)
    const before = client.call.mock.calls.length
    s.setFilters({})
    await vi.waitFor(() => expect(client.call.mock.calls.length).toBe(before + 1))
    expect(client.call.mock.calls.at(-1)?.[0]).toBe('history:list')
  })

  it('drops an answer that arrives after a newer one', async () => {
    const slow = deferred<unknown>()
    client.call.mockImplementationOnce(() => slow.promise).mockResolvedValueOnce(page('new'))
    const s = await store()
    s.setFilters({ device: 'a' })
    s.setFilters({ device: 'ab' })
    await vi.waitFor(() => expect(s.rows.map((r) => r.id)).toEqual(['new']))
    slow.resolve(page('old'))
    await new Promise((r) => setTimeout(r, 0))
    expect(s.rows.map((r) => r.id)).toEqual(['new'])
    expect(s.loading).toBe(false)
  })

  it('keeps the error of a refused call and of an unreadable team timeline', async () => {
    client.call.mockResolvedValue({ ok: false, error: { code: 'OFFLINE', message: 'x' } })
    const s = await store()
    await s.load()
    expect(s.error).toMatchObject({ code: 'OFFLINE' })
    await s.loadTeam()
    expect(s.teamError).toMatchObject({ code: 'OFFLINE' })
    expect(s.team).toBeNull()
  })

  it('updates a row in place on actions:changed, reloads for an action it does not show', async () => {
    client.call.mockResolvedValue(page('a'))
    const s = await store()
    await s.load()
    client.emit('actions:changed', row('a', 'failed'))
    expect(s.rows[0]?.state).toBe('failed')
    const before = client.call.mock.calls.length
    client.emit('actions:changed', row('b'))
    expect(client.call.mock.calls.length).toBe(before + 1)
  })
})
