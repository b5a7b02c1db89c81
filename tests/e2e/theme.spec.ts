import { type Page } from '@playwright/test'
import { expect, openApp, openView, test } from './fixtures'

// A string expression: this file is type-checked without the DOM library.
const background = (page: Page) => page.evaluate<string>('getComputedStyle(document.body).backgroundColor')

/** Relative luminance-ish: enough to tell a light page from a dark one. */
function brightness(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number)
  return ((r ?? 0) * 299 + (g ?? 0) * 587 + (b ?? 0) * 114) / 1000
}

test.describe('with a light system', () => {
  test.use({ colorScheme: 'light' })

  test('switching the theme to dark and back changes the background, and is remembered', async ({
    page,
    appUrl,
  }) => {
    await openApp(page, appUrl)
    expect(brightness(await background(page))).toBeGreaterThan(200)

    await openView(page, 'settings')
    await page.getByTestId('theme-dark').click()
    await expect.poll(async () => brightness(await background(page))).toBeLessThan(60)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

    await page.reload()
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected')
    await expect.poll(async () => brightness(await background(page))).toBeLessThan(60)

    await page.getByTestId('theme-light').click()
    await expect.poll(async () => brightness(await background(page))).toBeGreaterThan(200)
  })

  test('"system" follows prefers-color-scheme live', async ({ page, appUrl }) => {
    await openApp(page, appUrl)
    expect(brightness(await background(page))).toBeGreaterThan(200)
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(async () => brightness(await background(page))).toBeLessThan(60)
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(async () => brightness(await background(page))).toBeGreaterThan(200)
  })
})
