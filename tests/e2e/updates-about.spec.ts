import { expect, openApp, openView, test } from './fixtures'

/**
 * Settings → About says why no update check runs in the browser host (updates only exist in the
 * packaged desktop app, from the organisation's feed; that path needs Electron and is unit-tested
 * with a stand-in updater in tests/unit/electron/main/updates.test.ts).
 */
test('About says updates are not available in the browser version', async ({ page, appUrl }, testInfo) => {
  await openApp(page, appUrl)
  await openView(page, 'settings')
  const row = page.getByTestId('about-updates')
  await expect(row).toHaveAttribute('data-state', 'disabled')
  await expect(row).toContainText(/browser version|version navigateur/)
  await expect(page.getByTestId('updates-restart')).toHaveCount(0)
  await page
    .getByTestId('settings-section-about')
    .screenshot({ path: testInfo.outputPath('about-updates.png') })
})
