import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Layout facts for small windows (DESIGN §1: agents keep the app beside their ticketing tool), measured
 * in the page. The expressions are strings: this folder is type-checked without the DOM library.
 */

export const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const
export type Size = (typeof SIZES)[number]

interface Box {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

interface FrameFacts {
  readonly viewport: { width: number; height: number }
  readonly main: Box & { scrollWidth: number; clientWidth: number }
  readonly bar: Box
  readonly barItems: readonly Box[]
  /** Status bar items whose content spills out of them (drawn over the next item). */
  readonly spilling: readonly number[]
  readonly navLinks: readonly Box[]
}

const BOX = `(el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom } }`

async function frameFacts(page: Page): Promise<FrameFacts> {
  return page.evaluate<FrameFacts>(`(() => {
    const box = ${BOX}
    const main = document.querySelector('#main-content')
    const bar = document.querySelector('[data-testid="status-bar"]')
    const visible = (el) => el.getClientRects().length > 0
    return {
      viewport: { width: innerWidth, height: innerHeight },
      main: { ...box(main), scrollWidth: main.scrollWidth, clientWidth: main.clientWidth },
      bar: box(bar),
      barItems: [...bar.children].filter(visible).filter((el) => !el.classList.contains('spacer')).map(box),
      spilling: [...bar.children].filter(visible).map((el, i) => getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 ? i : -1).filter((i) => i >= 0),
      navLinks: [...document.querySelectorAll('.nav-link')].map(box),
    }
  })()`)
}

const inside = (inner: Box, outer: Box, slack = 1) =>
  inner.left >= outer.left - slack &&
  inner.top >= outer.top - slack &&
  inner.right <= outer.right + slack &&
  inner.bottom <= outer.bottom + slack

/** The frame around every view: no sideways scrolling, a status bar below the content and whole. */
export async function expectSoundFrame(page: Page, what: string): Promise<void> {
  const f = await frameFacts(page)
  const screen: Box = { left: 0, top: 0, right: f.viewport.width, bottom: f.viewport.height }
  expect
    .soft(f.main.scrollWidth, `${what}: main column overflows sideways`)
    .toBeLessThanOrEqual(f.main.clientWidth + 1)
  expect.soft(f.bar.top, `${what}: status bar overlaps the content`).toBeGreaterThanOrEqual(f.main.bottom - 1)
  expect.soft(inside(f.bar, screen), `${what}: status bar is off screen`).toBe(true)
  for (const [i, item] of f.barItems.entries()) {
    expect.soft(inside(item, f.bar), `${what}: status bar item ${i} is cut off`).toBe(true)
    const next = f.barItems[i + 1]
    if (next)
      expect
        .soft(item.right, `${what}: status bar items ${i} and ${i + 1} overlap`)
        .toBeLessThanOrEqual(next.left + 1)
  }
  expect.soft(f.spilling, `${what}: status bar items drawn over their neighbours`).toEqual([])
  for (const [i, link] of f.navLinks.entries())
    expect.soft(inside(link, screen), `${what}: navigation link ${i} is off screen`).toBe(true)
}

/** Elements matching `selector` inside `within` whose text is cut (ellipsis, clamp or overflow). */
export async function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`(() => [...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map((el) => el.textContent.trim()))()`)
}

/** How many lines a block of text takes (its height over its line height). */
export async function lineCount(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)})
    const style = getComputedStyle(el)
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25
    return Math.round(el.getBoundingClientRect().height / line)
  })()`)
}

/** The box of the first element matching `selector`, in CSS pixels of the viewport. */
export async function boxOf(page: Page, selector: string): Promise<Box> {
  return page.evaluate<Box>(`(${BOX})(document.querySelector(${JSON.stringify(selector)}))`)
}

/** Fully inside the window (not scrolled sideways out of it, not under the status bar). */
export async function expectInView(page: Page, selector: string, what: string): Promise<void> {
  const box = await boxOf(page, selector)
  const f = await frameFacts(page)
  expect.soft(box.left, `${what}: left edge off screen`).toBeGreaterThanOrEqual(f.main.left - 1)
  expect.soft(box.right, `${what}: right edge off screen`).toBeLessThanOrEqual(f.main.right + 1)
  expect.soft(box.bottom, `${what}: below the content area`).toBeLessThanOrEqual(f.main.bottom + 1)
}

/** Result rows whose whole box is visible inside the list's scroller. */
export async function wholeRowsShown(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    const scroller = document.querySelector('[data-testid="device-results"]').getBoundingClientRect()
    const bottom = Math.min(scroller.bottom, document.querySelector('#main-content').getBoundingClientRect().bottom)
    return [...document.querySelectorAll('[data-testid="device-row"]')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.top >= scroller.top - 1 && r.bottom <= bottom + 1).length
  })()`)
}
