import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Switches the colour scheme for a shot or an axe scan. Naive UI fades colours over 0.3 s, and a shot
 * or a contrast check mid-fade shows what nobody sees: transitions are turned off (one style sheet per
 * page), then the test waits for the app's theme and two frames, so the new colours are painted.
 */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
  await page.evaluate(`(() => {
    if (!document.getElementById('e2e-no-transitions')) {
      const style = document.createElement('style')
      style.id = 'e2e-no-transitions'
      style.textContent = '*, *::before, *::after { transition: none !important; }'
      document.head.append(style)
    }
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  })()`)
}

/** Two animation frames: whatever changed (a theme, a window size) has been laid out and painted. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`)
}
