import type { Page, TestInfo } from '@playwright/test'
import { axeOnce } from './axe-once'
import { expect } from './fixtures'
import { nextFrames, setTheme } from './set-theme'

/** Helpers for the agent-trust journeys (signed out, read-only role, unreachable Intune). */

export const FR = { locale: 'fr-FR' } as const
export const EN = { locale: 'en-GB' } as const

/** Signs in through the demo tenant's page (opened in a new tab by the browser host). */
export async function signInAs(page: Page, agent: RegExp, trigger = 'status-sign-in'): Promise<void> {
  const popup = page.waitForEvent('popup')
  await page.getByTestId(trigger).click()
  const signInPage = await popup
  await signInPage.getByRole('button', { name: agent }).click()
  await expect(signInPage.locator('body')).toContainText(/signed in|connecté/i)
  await signInPage.close()
  await expect(page.getByTestId('status-agent')).toHaveAttribute('data-state', 'signedIn')
}

export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('empty-sync-now').click()
  await expect(page.getByTestId('device-row').first()).toBeVisible({ timeout: 30_000 })
}

/** The first device Intune would accept the action on; opens its page and returns its id. */
export async function openEligibleDevice(page: Page): Promise<string> {
  await page.getByTestId('nav-devices').click()
  const row = page.locator('[data-testid="device-row"]:has([data-verdict="eligible"])').first()
  await expect(row).toBeVisible()
  const id = (await row.getAttribute('data-device-id'))!
  await row.click()
  await expect(page.getByTestId('device-detail')).toBeVisible()
  return id
}

const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
] as const

/**
 * The screen at 800×600 and 1280×800, light and dark, saved for review and checked with axe
 * (WCAG 2.1 A/AA; axe-once.ts: a DOM already scanned in that theme at 800×600 is not scanned again at
 * 1280×800). The viewport and colour scheme are put back afterwards.
 */
export async function shootScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const original = page.viewportSize()
  for (const scheme of ['light', 'dark'] as const) {
    await setTheme(page, scheme)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await nextFrames(page) // the new layout is painted (transitions are off: set-theme.ts)
      const file = testInfo.outputPath(`${name}-${size.width}x${size.height}-${scheme}.png`)
      await page.screenshot({ path: file })
      await testInfo.attach(`${name}-${size.width}x${size.height}-${scheme}`, {
        path: file,
        contentType: 'image/png',
      })
      const violations = await axeOnce(page).violations()
      expect(violations, `axe on ${name} ${size.width}x${size.height} ${scheme}`).toEqual([])
    }
  }
  const { scanned, reused } = axeOnce(page).counts
  testInfo.annotations.push({ type: 'axe', description: `after ${name}: ${scanned} scans, ${reused} reused` })
  await page.emulateMedia({ colorScheme: 'light' })
  if (original) await page.setViewportSize(original)
}
