/**
 * The rows of a fixed-height list that a scroll position shows (DESIGN §5: 200,000 matches scroll
 * like 20). Every result row has the same height, so the window is arithmetic on the scroll offset:
 * no per-row measurement, and a new result count costs nothing (a general virtualizer rebuilt one
 * record per row, 200,000 of them, at each keystroke).
 */

export interface RowWindow {
  /** First row rendered. */
  readonly start: number
  /** One past the last row rendered. */
  readonly end: number
}

/**
 * Rows [start, end) to render for a viewport of `height` px scrolled to `scrollTop`, with `overscan`
 * rows more on each side (scrolling a little shows rows already there, not blanks).
 */
export function rowWindow(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 }
  const top = Math.max(0, scrollTop)
  const first = Math.min(count - 1, Math.floor(top / rowHeight))
  const last = Math.min(count, Math.ceil((top + Math.max(0, height)) / rowHeight))
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + overscan) }
}

/**
 * Where to scroll so row `index` is wholly visible, moving only as far as needed (the keyboard's
 * active row); null when it already is.
 */
export function scrollToShow(
  index: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + height) return Math.max(0, bottom - height)
  return null
}
