import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { DeviceDetail, DeviceFilters, DeviceSearchInput } from '@shared/api/schemas/devices'
import type { AppError } from '@shared/errors'
import {
  activeFilterCount,
  rowFromDetail,
  sortInput,
  type FilterListKey,
  type SortChoice,
} from './deviceQuery'
import { createResultPages, PAGE_SIZE } from './resultPages'
import { createSearchPacing, MAX_DEBOUNCE_MS } from './searchPacing'
import { useSyncStore } from './sync'

// Views, components and tests import these from the store; they live where their one job is.
export { activeFilterCount, rowFromDetail, SORT_CHOICES, sortInput } from './deviceQuery'
export type { FilterListKey, SortChoice } from './deviceQuery'
export { MAX_CACHED_PAGES, PAGE_SIZE, pagesForRange, pagesToEvict } from './resultPages'

/** The longest search-as-you-type waits after a key (only while answers are slow: searchPacing.ts). */
export const SEARCH_DEBOUNCE_MS = MAX_DEBOUNCE_MS

/**
 * Search over the local device cache (DESIGN §5: instant at enterprise size). State survives navigation to a
 * device and back: query, filters, sort, active row and scroll position live here, not in the view.
 *
 * Staleness: every change of query/filters/sort starts a new search generation; any answer
 * (first page or a page fetched while scrolling) from an older generation is dropped, so a slow
 * answer for "hel" can never replace the answer for "helene".
 */
export const useDeviceSearchStore = defineStore('deviceSearch', () => {
  const sync = useSyncStore()

  const query = ref('')
  const filters = shallowRef<DeviceFilters>({})
  const sort = ref<SortChoice>('auto')
  /** Matches for the current query + filters; null until the first answer. */
  const total = ref<number | null>(null)
  const queryTruncated = ref(false)
  const pages = createResultPages()
  /** A search is in flight for the current generation (results on screen may be the previous ones). */
  const searching = ref(false)
  const error = shallowRef<AppError | null>(null)
  /** Index of the keyboard-active row, -1 for none. */
  const activeIndex = ref(-1)
  /** Scroll offset of the results, saved by the view when it leaves and restored when it comes back. */
  const scrollTop = ref(0)
  /** Bumped each time a new result set replaces the old one (the list scrolls back to the top). */
  const resultsId = ref(0)

  let generation = 0
  let debounceTimer: ReturnType<typeof setTimeout> | null = null
  const pacing = createSearchPacing()
  /** A first-page search is on its way; keys typed meanwhile wait for it (searchPacing.ts). */
  let firstPagesInFlight = 0
  let rerunWhenAnswered = false

  function request(offset: number, limit: number): DeviceSearchInput {
    const input: DeviceSearchInput = { query: query.value, filters: filters.value, offset, limit }
    const chosen = sortInput(sort.value)
    if (chosen) input.sort = chosen
    return input
  }

  /** Runs the search now (first page); older answers still in flight are ignored when they arrive. */
  async function runSearch(): Promise<void> {
    if (debounceTimer) {
      clearTimeout(debounceTimer)
      debounceTimer = null
    }
    const mine = ++generation
    pages.forgetInFlight()
    searching.value = true
    firstPagesInFlight++
    rerunWhenAnswered = false
    const started = performance.now()
    const result = await api.call('devices:search', request(0, PAGE_SIZE))
    firstPagesInFlight--
    pacing.answered(performance.now() - started)
    if (rerunWhenAnswered) {
      // Newer text was typed meanwhile: this answer is stale, the newest text goes out now.
      rerunWhenAnswered = false
      void runSearch()
      return
    }
    if (mine !== generation) return
    searching.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    pages.replace(result.value.rows)
    total.value = result.value.total
    queryTruncated.value = result.value.queryTruncated
    activeIndex.value = result.value.total > 0 ? 0 : -1
    scrollTop.value = 0
    resultsId.value++
  }

  function scheduleSearch(): void {
    if (debounceTimer) clearTimeout(debounceTimer)
    debounceTimer = null
    // Bump now: an answer arriving during the debounce belongs to text the agent already changed.
    generation++
    searching.value = true
    if (firstPagesInFlight > 0) {
      rerunWhenAnswered = true
      return
    }
    const delay = pacing.delay()
    if (delay === 0) void runSearch()
    else debounceTimer = setTimeout(() => void runSearch(), delay)
  }

  function setQuery(value: string): void {
    if (value === query.value) return
    query.value = value
    scheduleSearch()
  }

  function setFilters(next: DeviceFilters): void {
    filters.value = next
    void runSearch()
  }

  function clearFilters(): void {
    if (activeFilterCount(filters.value) === 0) return
    setFilters({})
  }

  function setSort(choice: SortChoice): void {
    if (choice === sort.value) return
    sort.value = choice
    void runSearch()
  }

  /** Clears the text (Esc); filters stay, they are deliberate. */
  function clearQuery(): void {
    if (query.value === '') return
    query.value = ''
    void runSearch()
  }

  async function fetchPage(page: number): Promise<void> {
    const mine = generation
    const result = await api.call('devices:search', request(page * PAGE_SIZE, PAGE_SIZE))
    if (mine !== generation) return
    if (!result.ok) {
      pages.settle(page)
      error.value = result.error
      return
    }
    pages.settle(page, result.value.rows)
    // The cache may have changed between pages (a sync finished): trust the newest count.
    total.value = result.value.total
  }

  /** The virtual list shows rows [start, end): fetch the pages it needs that are not here yet. */
  function ensureRange(start: number, end: number): void {
    // While a new search is on its way, the rows on screen belong to the previous one.
    if (total.value === null || searching.value) return
    for (const page of pages.claimMissing(start, end, total.value)) void fetchPage(page)
  }

  function moveActive(delta: number): void {
    const count = total.value ?? 0
    if (count === 0) {
      activeIndex.value = -1
      return
    }
    const from = activeIndex.value < 0 ? (delta > 0 ? -1 : count) : activeIndex.value
    activeIndex.value = Math.min(count - 1, Math.max(0, from + delta))
  }

  function setActive(index: number): void {
    activeIndex.value = index
  }

  /** First visit runs the (empty) search; coming back from a device keeps everything as it was. */
  async function open(): Promise<void> {
    if (total.value === null && !searching.value) await runSearch()
  }

  /** "Refresh from Intune" updated a device: show the new values if its row is loaded. */
  function applyDetail(detail: DeviceDetail): void {
    pages.replaceRow(rowFromDetail(detail))
  }

  /**
   * How many results each value of one filter would give with the current text and other filters
   * (filter chip counts). Asked only when the agent opens a chip, one `limit: 1` search per value;
   * null when the search changed meanwhile (the counts would describe another result set).
   */
  async function countsFor<K extends FilterListKey>(
    key: K,
    values: readonly NonNullable<DeviceFilters[K]>[number][],
  ): Promise<Map<string, number> | null> {
    const mine = generation
    const answers = await Promise.all(
      values.map((value) =>
        api.call('devices:search', {
          ...request(0, 1),
          filters: { ...filters.value, [key]: [value] },
        }),
      ),
    )
    if (mine !== generation) return null
    const counts = new Map<string, number>()
    answers.forEach((answer, i) => {
      if (answer.ok) counts.set(String(values[i]), answer.value.total)
    })
    return counts
  }

  /** A device is gone from Intune (and from the cache): search again so the list and count agree. */
  function forget(): void {
    void runSearch()
  }

  // A successful sync replaced the cache: run the same search again on the new snapshot.
  watch(
    () => sync.completedRuns,
    () => {
      if (total.value !== null) void runSearch()
    },
  )

  const filterCount = computed(() => activeFilterCount(filters.value))

  return {
    query: readonly(query),
    filters: readonly(filters),
    sort: readonly(sort),
    total: readonly(total),
    queryTruncated: readonly(queryTruncated),
    searching: readonly(searching),
    error: readonly(error),
    activeIndex: readonly(activeIndex),
    scrollTop,
    resultsId: readonly(resultsId),
    filterCount,
    setQuery,
    setFilters,
    clearFilters,
    setSort,
    clearQuery,
    runSearch,
    ensureRange,
    rowAt: pages.rowAt,
    moveActive,
    setActive,
    open,
    applyDetail,
    forget,
    countsFor,
  }
})
