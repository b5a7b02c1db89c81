import type { Page } from '@playwright/test'
import { expect, openApp, signInAgent } from '../e2e/fixtures'

/**
 * Opens the app on Devices with a synced cache, for the browser benchmarks (*.pw.ts): a kept data
 * folder (PD_BENCH_PW_DATA) already has one; a fresh one shows the signed-out empty view first, so
 * the bench signs in through the status bar and runs the first sync from there, as an agent would.
 */
export async function openSyncedDevices(page: Page, appUrl: string): Promise<void> {
  await openApp(page, appUrl)
  await page.getByTestId('nav-devices').click()
  const signedOut = page.getByTestId('empty-signed-out')
  await expect(page.getByTestId('device-row').first().or(signedOut)).toBeVisible({ timeout: 30_000 })
  if (await signedOut.isVisible()) {
    await signInAgent(page)
    await page.getByTestId('empty-sync-now').click()
  }
  await expect(page.getByTestId('device-row').first()).toBeVisible({ timeout: 10 * 60_000 })
}
