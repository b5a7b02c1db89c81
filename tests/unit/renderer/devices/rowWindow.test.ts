import { describe, expect, it } from 'vitest'
import { rowWindow, scrollToShow } from '@renderer/components/devices/rowWindow'

describe('rowWindow', () => {
  it('at the top: the rows that fit, plus the overscan below', () => {
    // 560 px shows rows 0..9 exactly.
    expect(rowWindow(0, 560, 56, 200_000, 3)).toEqual({ start: 0, end: 13 })
    // A partly shown eleventh row counts.
    expect(rowWindow(0, 570, 56, 200_000, 0)).toEqual({ start: 0, end: 11 })
  })

  it('scrolled: overscan on both sides, whatever the result count', () => {
    expect(rowWindow(56 * 1000 + 20, 560, 56, 200_000, 3)).toEqual({ start: 997, end: 1014 })
    expect(rowWindow(56 * 1000 + 20, 560, 56, 2_000_000, 3)).toEqual({ start: 997, end: 1014 })
  })

  it('never past the results', () => {
    expect(rowWindow(0, 560, 56, 4, 3)).toEqual({ start: 0, end: 4 })
    expect(rowWindow(0, 560, 56, 0, 3)).toEqual({ start: 0, end: 0 })
    // Scrolled far down, then the results shrank (a narrower search): the last rows, not nothing.
    expect(rowWindow(56 * 5000, 560, 56, 30, 2)).toEqual({ start: 27, end: 30 })
  })

  it('before the viewport has a height: at least one row (the first answer still shows)', () => {
    expect(rowWindow(0, 0, 56, 100, 0)).toEqual({ start: 0, end: 1 })
  })
})

describe('scrollToShow', () => {
  it('moves only as far as needed, and not at all when the row is in view', () => {
    expect(scrollToShow(3, 0, 560, 56)).toBeNull()
    // Row 10 starts at 560: scroll so its bottom meets the viewport's.
    expect(scrollToShow(10, 0, 560, 56)).toBe(56)
    // Above the viewport: its top at the top.
    expect(scrollToShow(2, 560, 560, 56)).toBe(112)
  })
})
