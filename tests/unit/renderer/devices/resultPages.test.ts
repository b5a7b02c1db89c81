import { describe, expect, it } from 'vitest'
import {
  createResultPages,
  MAX_CACHED_PAGES,
  PAGE_SIZE,
  reuseUnchanged,
  sameRow,
} from '@renderer/stores/resultPages'
import { row, rows } from './rows'

describe('createResultPages', () => {
  it('claims each missing page once, until its answer settles it', () => {
    const pages = createResultPages()
    pages.replace(rows('r', 0, PAGE_SIZE))
    expect(pages.claimMissing(0, PAGE_SIZE * 3, 1000)).toEqual([1, 2])
    // Asked again while on their way: nothing new to fetch.
    expect(pages.claimMissing(0, PAGE_SIZE * 3, 1000)).toEqual([])
    pages.settle(1, rows('r', PAGE_SIZE, PAGE_SIZE))
    expect(pages.rowAt(PAGE_SIZE + 5)?.id).toBe(`r-${PAGE_SIZE + 5}`)
    // A failed page can be asked for again; a loaded one is not.
    pages.settle(2)
    expect(pages.claimMissing(0, PAGE_SIZE * 3, 1000)).toEqual([2])
  })

  it('a new search forgets the pages the old one was waiting for', () => {
    const pages = createResultPages()
    pages.replace(rows('a', 0, PAGE_SIZE))
    expect(pages.claimMissing(PAGE_SIZE, PAGE_SIZE * 2, 1000)).toEqual([1])
    pages.forgetInFlight()
    pages.replace(rows('b', 0, PAGE_SIZE))
    expect(pages.claimMissing(PAGE_SIZE, PAGE_SIZE * 2, 1000)).toEqual([1])
    expect(pages.rowAt(0)?.id).toBe('b-0')
  })

  it('keeps at most MAX_CACHED_PAGES, dropping those farthest from the page being viewed', () => {
    const pages = createResultPages()
    pages.replace(rows('r', 0, PAGE_SIZE))
    const total = PAGE_SIZE * (MAX_CACHED_PAGES + 10)
    for (let page = 1; page < MAX_CACHED_PAGES + 10; page++) {
      const [claimed] = pages.claimMissing(page * PAGE_SIZE, page * PAGE_SIZE + 1, total)
      expect(claimed).toBe(page)
      pages.settle(page, rows('r', page * PAGE_SIZE, PAGE_SIZE))
    }
    // Viewing the last pages: the first ones were dropped, the near ones kept.
    expect(pages.rowAt(0)).toBeUndefined()
    expect(pages.rowAt(total - 1)?.id).toBe(`r-${total - 1}`)
  })

  it('replaces a refreshed device wherever its row is loaded', () => {
    const pages = createResultPages()
    pages.replace([row('a', 'Old'), row('b')])
    pages.replaceRow(row('a', 'New'))
    expect(pages.rowAt(0)?.deviceName).toBe('New')
    expect(pages.rowAt(1)?.deviceName).toBe('b')
  })
})

describe('reuseUnchanged', () => {
  it('keeps the shown object for a row that says the same, takes the new one otherwise', () => {
    const shown = rows('r', 0, 3)
    const renamed = { ...row('r-2'), deviceName: 'renamed' }
    const next = reuseUnchanged(shown, [{ ...row('r-1') }, row('new'), renamed, { ...row('r-0') }])
    expect(next[0]).toBe(shown[1])
    expect(next[1]?.id).toBe('new')
    expect(next[2]).toBe(renamed)
    expect(next[3]).toBe(shown[0])
  })

  it('a row marked out of scope differs from the same row unmarked', () => {
    const plain = row('a')
    expect(sameRow(plain, { ...plain })).toBe(true)
    expect(sameRow(plain, { ...plain, outOfScope: true })).toBe(false)
  })

  it('a new result set reuses the rows of the first page shown', () => {
    const pages = createResultPages()
    pages.replace(rows('r', 0, PAGE_SIZE))
    const before = pages.rowAt(5)
    pages.replace(rows('r', 5, PAGE_SIZE))
    expect(pages.rowAt(0)).toBe(before)
  })
})
