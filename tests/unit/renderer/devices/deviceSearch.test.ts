import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  PAGE_SIZE,
  SEARCH_DEBOUNCE_MS,
  activeFilterCount,
  pagesForRange,
  pagesToEvict,
  sortInput,
  useDeviceSearchStore,
} from '@renderer/stores/deviceSearch'
import { createSearchPacing, MAX_DEBOUNCE_MS } from '@renderer/stores/searchPacing'
import { useSyncStore } from '@renderer/stores/sync'
import { fake, flush } from './fake-client'
import { ok, row, rows } from './rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

const answer = (list: ReturnType<typeof rows>, total: number, offset = 0) =>
  ok({ rows: list, total, offset, limit: PAGE_SIZE, queryTruncated: false })

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => vi.useRealTimers())

/** Advances past the debounce and lets the answer handlers run. */
async function settle() {
  await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1)
}

describe('paging window math', () => {
  it('maps a row range to the pages it touches', () => {
    expect(pagesForRange(0, 30, 1000, 100)).toEqual([0])
    expect(pagesForRange(95, 130, 1000, 100)).toEqual([0, 1])
    expect(pagesForRange(100, 200, 1000, 100)).toEqual([1])
    expect(pagesForRange(180, 420, 1000, 100)).toEqual([1, 2, 3, 4])
  })

  it('clamps to the result size', () => {
    expect(pagesForRange(150, 400, 210, 100)).toEqual([1, 2])
    expect(pagesForRange(0, 50, 0, 100)).toEqual([])
    expect(pagesForRange(300, 350, 210, 100)).toEqual([])
    expect(pagesForRange(-5, 10, 210, 100)).toEqual([0])
  })

  it('reaches the last page of 200,000 rows without walking all of them', () => {
    expect(pagesForRange(199_980, 200_010, 200_000, 100)).toEqual([1999])
  })

  it('evicts the pages farthest from the viewed page first', () => {
    expect(pagesToEvict([0, 1, 2, 3], 2, 10)).toEqual([])
    expect(pagesToEvict([0, 1, 2, 3, 50, 51], 50, 4)).toEqual([0, 1])
    expect(pagesToEvict([10, 11, 12, 13, 14], 12, 3)).toEqual([14, 10])
  })
})

describe('filters and sort helpers', () => {
  it('counts every selected value', () => {
    expect(activeFilterCount({})).toBe(0)
    expect(activeFilterCount({ verdicts: ['eligible', 'undetermined'], lastCheckInOlderThanDays: 30 })).toBe(
      3,
    )
    expect(activeFilterCount({ lastCheckInOlderThanDays: 0 })).toBe(1)
  })

  it('lets core pick the default order for "auto"', () => {
    expect(sortInput('auto')).toBeUndefined()
    expect(sortInput('lastSyncNewest')).toEqual({ field: 'lastSyncDateTime', direction: 'desc' })
  })
})

describe('useDeviceSearchStore', () => {
  it('sends the first keystroke at once and coalesces keys typed while it runs', async () => {
    const store = useDeviceSearchStore()
    store.setQuery('h')
    const [first] = fake.take('devices:search')
    expect(first!.input).toMatchObject({ query: 'h', offset: 0, limit: PAGE_SIZE })
    store.setQuery('he')
    store.setQuery('hel')
    expect(fake.take('devices:search')).toEqual([])
    first!.resolve(answer(rows('h', 0, 3), 3))
    await flush()
    // The answer for "h" is stale: never shown; the newest text goes out at once.
    expect(store.total).toBeNull()
    const calls = fake.take('devices:search')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.input).toMatchObject({ query: 'hel' })
    calls[0]!.resolve(answer(rows('hel', 0, 2), 2))
    await flush()
    expect(store.total).toBe(2)
    expect(store.searching).toBe(false)
  })

  it('answers every keystroke at once while answers are fast', async () => {
    const store = useDeviceSearchStore()
    for (const text of ['h', 'he', 'hel']) {
      store.setQuery(text)
      const [call] = fake.take('devices:search')
      expect(call!.input).toMatchObject({ query: text })
      call!.resolve(answer(rows(text, 0, 1), 1))
      await flush()
      expect(store.total).toBe(1)
    }
  })

  it('waits before sending while answers are slow, at most the maximum debounce', async () => {
    const clock = vi.spyOn(performance, 'now')
    const store = useDeviceSearchStore()
    clock.mockReturnValue(0)
    store.setQuery('h')
    const [slow] = fake.take('devices:search')
    clock.mockReturnValue(300) // a 300 ms answer
    slow!.resolve(answer(rows('h', 0, 1), 1))
    await flush()
    store.setQuery('he')
    store.setQuery('hel')
    expect(fake.take('devices:search')).toEqual([])
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1)
    expect(fake.take('devices:search')).toEqual([])
    await vi.advanceTimersByTimeAsync(2)
    const calls = fake.take('devices:search')
    expect(calls.map((c) => (c.input as { query: string }).query)).toEqual(['hel'])
    clock.mockRestore()
  })

  it('pacing: at once while answers are fast, waits for more keys once they are slow, and recovers', () => {
    const pacing = createSearchPacing()
    expect(pacing.delay()).toBe(0)
    pacing.answered(5)
    expect(pacing.delay()).toBe(0)
    pacing.answered(180) // estimate 92.5: one slow answer is not yet a slow core
    expect(pacing.delay()).toBe(0)
    pacing.answered(300) // estimate 196
    expect(pacing.delay()).toBe(MAX_DEBOUNCE_MS)
    pacing.answered(5)
    pacing.answered(5) // estimate 53: fast again
    expect(pacing.delay()).toBe(0)
  })

  it('drops a slow answer for older text that arrives after the newer one', async () => {
    const store = useDeviceSearchStore()
    store.setQuery('hel')
    await settle()
    const [slow] = fake.take('devices:search')
    store.setFilters({ verdicts: ['eligible'] }) // goes out at once, beside the slow one
    const [fast] = fake.take('devices:search')
    expect(fast!.input).toMatchObject({ query: 'hel', filters: { verdicts: ['eligible'] } })

    fast!.resolve(answer([row('helene-1', 'iPhone de Hélène')], 1))
    await flush()
    slow!.resolve(answer(rows('hel', 0, PAGE_SIZE), 5000))
    await flush()

    expect(store.total).toBe(1)
    expect(store.rowAt(0)?.deviceName).toBe('iPhone de Hélène')
    expect(store.searching).toBe(false)
  })

  it('fetches the pages the list shows, once each, and keeps total from the answer', async () => {
    const store = useDeviceSearchStore()
    void store.runSearch()
    fake.take('devices:search')[0]!.resolve(answer(rows('d', 0, PAGE_SIZE), 200_000))
    await flush()
    expect(store.total).toBe(200_000)
    expect(store.activeIndex).toBe(0)

    store.ensureRange(150, 260)
    store.ensureRange(160, 270) // same pages while the first answers are in flight
    const calls = fake.take('devices:search')
    expect(calls.map((call) => (call.input as { offset: number }).offset)).toEqual([100, 200])
    expect(store.rowAt(150)).toBeUndefined()

    calls[0]!.resolve(answer(rows('d', 100, PAGE_SIZE), 200_000, 100))
    calls[1]!.resolve(answer(rows('d', 200, PAGE_SIZE), 199_999, 200))
    await flush()
    expect(store.rowAt(150)?.id).toBe('d-150')
    expect(store.rowAt(299)?.id).toBe('d-299')
    expect(store.total).toBe(199_999)

    store.ensureRange(150, 260)
    expect(fake.take('devices:search')).toEqual([])
  })

  it('drops a page answer that belongs to a previous search', async () => {
    const store = useDeviceSearchStore()
    void store.runSearch()
    fake.take('devices:search')[0]!.resolve(answer(rows('old', 0, PAGE_SIZE), 1000))
    await flush()
    store.ensureRange(500, 520)
    const [page] = fake.take('devices:search')

    store.setFilters({ verdicts: ['eligible'] })
    const [fresh] = fake.take('devices:search')
    page!.resolve(answer(rows('old', 500, PAGE_SIZE), 1000, 500))
    fresh!.resolve(answer(rows('new', 0, 10), 10))
    await flush()

    expect(store.total).toBe(10)
    expect(store.rowAt(0)?.id).toBe('new-0')
    expect(store.rowAt(500)).toBeUndefined()
    expect(fresh!.input).toMatchObject({ filters: { verdicts: ['eligible'] } })
  })

  it('moves the active row within bounds', async () => {
    const store = useDeviceSearchStore()
    void store.runSearch()
    fake.take('devices:search')[0]!.resolve(answer(rows('d', 0, 3), 3))
    await flush()
    expect(store.activeIndex).toBe(0)
    store.moveActive(-1)
    expect(store.activeIndex).toBe(0)
    store.moveActive(10)
    expect(store.activeIndex).toBe(2)
    store.moveActive(-1)
    expect(store.activeIndex).toBe(1)
  })

  it('has no active row when nothing matches', async () => {
    const store = useDeviceSearchStore()
    void store.runSearch()
    fake.take('devices:search')[0]!.resolve(answer([], 0))
    await flush()
    expect(store.activeIndex).toBe(-1)
    store.moveActive(1)
    expect(store.activeIndex).toBe(-1)
  })

  it('Esc clears the text at once but keeps the filters', async () => {
    const store = useDeviceSearchStore()
    store.setFilters({ ownership: ['personal'] })
    fake.take('devices:search')
    store.setQuery('zoe')
    await settle()
    fake.take('devices:search')
    store.clearQuery()
    const [call] = fake.take('devices:search')
    expect(call!.input).toMatchObject({ query: '', filters: { ownership: ['personal'] } })
    expect(store.query).toBe('')
  })

  it('opens once: coming back from a device keeps query, results and scroll position', async () => {
    const store = useDeviceSearchStore()
    void store.open()
    fake.take('devices:search')[0]!.resolve(answer(rows('d', 0, 50), 50))
    await flush()
    store.scrollTop = 840
    store.setActive(12)
    await store.open()
    expect(fake.take('devices:search')).toEqual([])
    expect(store.scrollTop).toBe(840)
    expect(store.activeIndex).toBe(12)
  })

  it('runs the same search again when a sync succeeds, not when it fails', async () => {
    const store = useDeviceSearchStore()
    const sync = useSyncStore()
    void store.runSearch()
    fake.take('devices:search')[0]!.resolve(answer(rows('d', 0, 5), 5))
    await flush()
    fake.take('sync:status')

    const finished = {
      runId: 'r1',
      devices: 9,
      removed: 0,
      pages: 1,
      durationMs: 10,
      finishedAt: '2026-11-26T12:00:00Z',
      apiVersion: 'beta',
    }
    fake.emit('sync:finished', { ...finished, outcome: 'failed', error: { code: 'OFFLINE', message: 'x' } })
    await flush()
    expect(fake.take('devices:search')).toEqual([])

    fake.emit('sync:finished', { ...finished, outcome: 'succeeded', error: null })
    await flush()
    expect(sync.completedRuns).toBe(1)
    expect(fake.take('devices:search')).toHaveLength(1)
  })

  it('counts each value of a filter with the current text and other filters, one limit-1 search each', async () => {
    const store = useDeviceSearchStore()
    store.setFilters({ ownership: ['company'] })
    fake.take('devices:search')[0]!.resolve(answer([], 0))
    await flush()
    const counting = store.countsFor('verdicts', ['eligible', 'ineligible'])
    const calls = fake.take('devices:search')
    expect(calls.map((call) => call.input)).toEqual([
      expect.objectContaining({ limit: 1, filters: { ownership: ['company'], verdicts: ['eligible'] } }),
      expect.objectContaining({ limit: 1, filters: { ownership: ['company'], verdicts: ['ineligible'] } }),
    ])
    calls[0]!.resolve(answer([], 120))
    calls[1]!.resolve(answer([], 7))
    expect(Object.fromEntries((await counting)!)).toEqual({ eligible: 120, ineligible: 7 })
  })

  it('gives no counts when the search changed while counting', async () => {
    const store = useDeviceSearchStore()
    const counting = store.countsFor('ownership', ['personal'])
    const [call] = fake.take('devices:search')
    store.setQuery('zoe')
    call!.resolve(answer([], 3))
    expect(await counting).toBeNull()
  })
})
