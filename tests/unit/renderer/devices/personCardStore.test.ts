import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Person } from '@shared/api/schemas/person'
import { PAGE_SIZE, useDeviceSearchStore } from '@renderer/stores/deviceSearch'
import { PERSON_LOOKUP_DELAY_MS, usePersonCardStore } from '@renderer/stores/personCard'
import { fake, flush } from './fake-client'
import { ok, row } from './rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

const helene: Person = {
  userPrincipalName: 'helene@contoso.fr',
  userDisplayName: 'Hélène Durand',
  emailAddress: null,
  phoneNumber: '+33 6 95 52 41 84',
  devices: [],
  moreDevices: false,
}
const page = (id: string) =>
  ok({ rows: [row(id)], total: 1, offset: 0, limit: PAGE_SIZE, queryTruncated: false })

afterEach(() => {
  vi.useRealTimers()
})

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
})

describe('usePersonCardStore', () => {
  it('asks core who the text names once a new result set has stayed, with that text', async () => {
    vi.useFakeTimers()
    const search = useDeviceSearchStore()
    const card = usePersonCardStore()
    search.setQuery('06 95 52 41 84')
    fake.take('devices:search')[0]!.resolve(page('a'))
    await flush()
    vi.advanceTimersByTime(PERSON_LOOKUP_DELAY_MS - 1)
    expect(fake.take('devices:person')).toHaveLength(0)
    vi.advanceTimersByTime(1)
    const [lookup] = fake.take('devices:person')
    expect(lookup?.input).toEqual({ query: '06 95 52 41 84' })
    lookup!.resolve(ok({ people: [helene], ambiguous: false }))
    await flush()
    expect(card.people.map((p) => p.userDisplayName)).toEqual(['Hélène Durand'])
    expect(card.query).toBe('06 95 52 41 84')
  })

  it('does not ask for text the agent kept typing past', async () => {
    vi.useFakeTimers()
    const search = useDeviceSearchStore()
    usePersonCardStore()
    search.setQuery('hel')
    fake.take('devices:search')[0]!.resolve(page('a'))
    await flush()
    vi.advanceTimersByTime(PERSON_LOOKUP_DELAY_MS / 2)
    search.setQuery('hele')
    fake.take('devices:search')[0]!.resolve(page('b'))
    await flush()
    vi.advanceTimersByTime(PERSON_LOOKUP_DELAY_MS / 2)
    // A key typed, its search still on its way when the pause ends: no lookup for either text yet.
    search.setQuery('helen')
    vi.advanceTimersByTime(PERSON_LOOKUP_DELAY_MS)
    expect(fake.take('devices:person')).toHaveLength(0)
    fake.take('devices:search')[0]!.resolve(page('c'))
    await flush()
    vi.advanceTimersByTime(PERSON_LOOKUP_DELAY_MS)
    expect(fake.take('devices:person').map((call) => call.input)).toEqual([{ query: 'helen' }])
  })

  it('drops an answer for text the agent has changed since, and clears the card for an empty box', async () => {
    const card = usePersonCardStore()
    void card.lookup('hel')
    void card.lookup('helene')
    const [older, newer] = fake.take('devices:person')
    newer!.resolve(ok({ people: [helene], ambiguous: false }))
    await flush()
    older!.resolve(ok({ people: [], ambiguous: true }))
    await flush()
    expect(card.people).toHaveLength(1)
    expect(card.query).toBe('helene')
    await card.lookup('  ')
    expect(card.people).toEqual([])
    expect(fake.take('devices:person')).toHaveLength(0)
  })

  it('shows no card when the lookup fails', async () => {
    const card = usePersonCardStore()
    void card.lookup('helene')
    fake.take('devices:person')[0]!.resolve(ok({ people: [helene], ambiguous: false }))
    await flush()
    void card.lookup('helene d')
    fake.take('devices:person')[0]!.resolve({ ok: false, error: { code: 'INTERNAL', message: 'x' } })
    await flush()
    expect(card.people).toEqual([])
  })
})
