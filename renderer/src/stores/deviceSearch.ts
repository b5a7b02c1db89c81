import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowReactive, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { DeviceDetail, DeviceFilters, DeviceRow, DeviceSearchInput } from '@shared/api/schemas/devices'
import type { AppError } from '@shared/errors'
import { createSearchPacing, MAX_DEBOUNCE_MS } from './searchPacing'
import { useSyncStore } from './sync'

/** Rows fetched per `devices:search` call while scrolling (core allows up to 500). */
export const PAGE_SIZE = 100
/** Pages kept in memory; the farthest from what is on screen are dropped beyond this (200k rows never all load). */
export const MAX_CACHED_PAGES = 40
/** The longest search-as-you-type waits after a key (only while answers are slow: searchPacing.ts). */
export const SEARCH_DEBOUNCE_MS = MAX_DEBOUNCE_MS

/** Sort choices offered to the agent; `auto` = relevance with a query, device name without (core's default). */
export const SORT_CHOICES = [
  'auto',
  'deviceName',
  'userDisplayName',
  'lastSyncNewest',
  'lastSyncOldest',
] as const
export type SortChoice = (typeof SORT_CHOICES)[number]

export function sortInput(choice: SortChoice): DeviceSearchInput['sort'] {
  switch (choice) {
    case 'auto':
      return undefined
    case 'deviceName':
      return { field: 'deviceName', direction: 'asc' }
    case 'userDisplayName':
      return { field: 'userDisplayName', direction: 'asc' }
    case 'lastSyncNewest':
      return { field: 'lastSyncDateTime', direction: 'desc' }
    case 'lastSyncOldest':
      return { field: 'lastSyncDateTime', direction: 'asc' }
  }
}

/**
 * Page indexes needed to show rows [start, end) (end exclusive), clamped to the result size. The
 * virtual list asks for what is on screen plus its overscan; this says which pages that touches.
 */
export function pagesForRange(start: number, end: number, total: number, pageSize = PAGE_SIZE): number[] {
  const first = Math.max(0, Math.floor(Math.max(0, start) / pageSize))
  const lastRow = Math.min(end, total) - 1
  if (lastRow < first * pageSize) return []
  const last = Math.floor(lastRow / pageSize)
  const pages: number[] = []
  for (let page = first; page <= last; page++) pages.push(page)
  return pages
}

/** Which cached pages to drop so at most `max` remain: the farthest from the page being viewed go first. */
export function pagesToEvict(cached: Iterable<number>, centerPage: number, max = MAX_CACHED_PAGES): number[] {
  const pages = [...cached]
  if (pages.length <= max) return []
  return pages
    .sort((a, b) => Math.abs(b - centerPage) - Math.abs(a - centerPage) || b - a)
    .slice(0, pages.length - max)
}

/** The filters that are lists of values (chips with a menu of options). */
export type FilterListKey = 'enrollmentKinds' | 'verdicts' | 'ownership' | 'compliance'

/** Number of filter values the agent has set (for the "Clear filters" button and the empty state). */
export function activeFilterCount(filters: DeviceFilters): number {
  return (
    (filters.enrollmentKinds?.length ?? 0) +
    (filters.verdicts?.length ?? 0) +
    (filters.ownership?.length ?? 0) +
    (filters.compliance?.length ?? 0) +
    (filters.lastCheckInOlderThanDays !== undefined ? 1 : 0)
  )
}

/** The list row a refreshed device now has (keeps the results in step with "Refresh from Intune"). */
export function rowFromDetail(detail: DeviceDetail): DeviceRow {
  return {
    id: detail.id,
    deviceName: detail.deviceName,
    userPrincipalName: detail.user.userPrincipalName,
    userDisplayName: detail.user.userDisplayName,
    operatingSystem: detail.management.operatingSystem,
    osVersion: detail.management.osVersion,
    model: detail.hardware.model,
    manufacturer: detail.hardware.manufacturer,
    serialNumber: detail.hardware.serialNumber,
    ownership: detail.management.ownership,
    complianceState: detail.compliance.complianceState,
    lastSyncDateTime: detail.management.lastSyncDateTime,
    enrollmentKind: detail.eligibility.enrollment,
    verdict: detail.eligibility.verdict,
    action: detail.eligibility.action,
    ...(detail.outOfScope ? { outOfScope: true as const } : {}),
  }
}

/**
 * Search over the local device cache (DESIGN §1, §5). State survives navigation to a
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
  const pages = shallowReactive(new Map<number, readonly DeviceRow[]>())
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
  const inFlight = new Set<number>()
  let lastCenterPage = 0

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
    inFlight.clear()
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
    pages.clear()
    pages.set(0, result.value.rows)
    total.value = result.value.total
    queryTruncated.value = result.value.queryTruncated
    activeIndex.value = result.value.total > 0 ? 0 : -1
    scrollTop.value = 0
    lastCenterPage = 0
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
    inFlight.add(page)
    const result = await api.call('devices:search', request(page * PAGE_SIZE, PAGE_SIZE))
    if (mine !== generation) return
    inFlight.delete(page)
    if (!result.ok) {
      error.value = result.error
      return
    }
    pages.set(page, result.value.rows)
    // The cache may have changed between pages (a sync finished): trust the newest count.
    total.value = result.value.total
    for (const evicted of pagesToEvict(pages.keys(), lastCenterPage)) pages.delete(evicted)
  }

  /** The virtual list shows rows [start, end): fetch the pages it needs that are not here yet. */
  function ensureRange(start: number, end: number): void {
    // While a new search is on its way, the rows on screen belong to the previous one.
    if (total.value === null || searching.value) return
    const needed = pagesForRange(start, end, total.value)
    if (needed.length === 0) return
    lastCenterPage = needed[Math.floor(needed.length / 2)] ?? 0
    for (const page of needed) {
      if (!pages.has(page) && !inFlight.has(page)) void fetchPage(page)
    }
  }

  /** Row at an absolute index, or undefined while its page is loading. */
  function rowAt(index: number): DeviceRow | undefined {
    return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
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
    for (const [page, rows] of pages) {
      const at = rows.findIndex((row) => row.id === detail.id)
      if (at >= 0) {
        const next = rows.slice()
        next[at] = rowFromDetail(detail)
        pages.set(page, next)
      }
    }
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
    rowAt,
    moveActive,
    setActive,
    open,
    applyDetail,
    forget,
    countsFor,
  }
})
