import { shallowReactive } from 'vue'
import type { DeviceRow } from '@shared/api/schemas/devices'

/** Rows fetched per `devices:search` call while scrolling (core allows up to 500). */
export const PAGE_SIZE = 100
/** Pages kept in memory; the farthest from what is on screen are dropped beyond this (200k rows never all load). */
export const MAX_CACHED_PAGES = 40

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

/** Two rows say the same thing (every field of a row is a primitive: schemas/devices deviceRow). */
export function sameRow(a: DeviceRow, b: DeviceRow): boolean {
  if (a === b) return true
  const keys = Object.keys(a) as (keyof DeviceRow)[]
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => a[key] === b[key])
}

/**
 * The next answer's rows, where each row that says the same as one already shown is that very
 * object: the list then sees an unchanged row and does not render it again (typing one more letter
 * mostly keeps the top of the list).
 */
export function reuseUnchanged(
  previous: readonly DeviceRow[],
  next: readonly DeviceRow[],
): readonly DeviceRow[] {
  if (previous.length === 0) return next
  const byId = new Map(previous.map((row) => [row.id, row]))
  return next.map((row) => {
    const old = byId.get(row.id)
    return old && sameRow(old, row) ? old : row
  })
}

export type ResultPages = ReturnType<typeof createResultPages>

/**
 * The window of result pages the device list has loaded (DESIGN §5: 200,000 rows never all load):
 * which pages are here, which are on their way, and which to drop once too many are kept. The
 * search store decides when to fetch and which answers are stale; this only keeps the pages.
 */
export function createResultPages() {
  const pages = shallowReactive(new Map<number, readonly DeviceRow[]>())
  const inFlight = new Set<number>()
  let centerPage = 0

  return {
    /** A new search is on its way: pages asked for by the previous one no longer count. */
    forgetInFlight(): void {
      inFlight.clear()
    },
    /** A new result set replaces the old one, starting with its first page. */
    replace(first: readonly DeviceRow[]): void {
      const shown = pages.get(0) ?? []
      pages.clear()
      pages.set(0, reuseUnchanged(shown, first))
      centerPage = 0
    },
    /**
     * The pages rows [start, end) need that are neither here nor on their way, now marked as on
     * their way; the middle one becomes the page being viewed (eviction keeps what is near it).
     */
    claimMissing(start: number, end: number, total: number): number[] {
      const needed = pagesForRange(start, end, total)
      if (needed.length === 0) return []
      centerPage = needed[Math.floor(needed.length / 2)] ?? 0
      const missing = needed.filter((page) => !pages.has(page) && !inFlight.has(page))
      for (const page of missing) inFlight.add(page)
      return missing
    },
    /** A page's answer arrived (undefined rows: it failed, and may be asked for again). */
    settle(page: number, rows?: readonly DeviceRow[]): void {
      inFlight.delete(page)
      if (!rows) return
      pages.set(page, rows)
      for (const evicted of pagesToEvict(pages.keys(), centerPage)) pages.delete(evicted)
    },
    /** Row at an absolute index, or undefined while its page is loading. */
    rowAt(index: number): DeviceRow | undefined {
      return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
    },
    /** Puts a device's new values in place wherever its row is loaded. */
    replaceRow(row: DeviceRow): void {
      for (const [page, rows] of pages) {
        const at = rows.findIndex((r) => r.id === row.id)
        if (at >= 0) {
          const next = rows.slice()
          next[at] = row
          pages.set(page, next)
        }
      }
    },
  }
}
