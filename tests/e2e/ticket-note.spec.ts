import type { Page, TestInfo } from '@playwright/test'
import { expect, openView, signInAndSync, test } from './fixtures'
import { openDeviceFromSearch, walkThroughToSend } from './walkthrough-helpers'

/**
 * The ticket note (shared/ticket-note): an action issued in the demo tenant, its note copied from the
 * walkthrough's status step and from its History row, in English and French, read back from the
 * real clipboard — the device, the action, the outcome, the serial's last four only, never the
 * full serial. One sign-in and one action for the whole journey (the E2E budget); screenshots at
 * 800×600 and 1280×800, light and dark.
 */
test.use({
  appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' },
  locale: 'en-US',
  colorScheme: 'light',
})

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

async function shots(page: Page, testInfo: TestInfo, name: string, show: string): Promise<void> {
  for (const size of [
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme })
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await page.getByTestId(show).first().scrollIntoViewIfNeeded()
      const file = testInfo.outputPath(`${name}-${size.width}x${size.height}-${theme}.png`)
      await page.screenshot({ path: file })
      await testInfo.attach(`${name}-${size.width}-${theme}`, { path: file, contentType: 'image/png' })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('copy the ticket note from the walkthrough and from History, in English and French', async ({
  page,
  appUrl,
  context,
}, testInfo) => {
  test.setTimeout(120_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAndSync(page, appUrl)

  await openDeviceFromSearch(page, 'Hélène Durand', 'iPhone de Hélène', /iPhone 15(?! Pro)/)
  const serial = (await page.getByTestId('property-serialNumber').innerText()).trim().split(/\s+/).pop()!
  expect(serial.length).toBeGreaterThan(4)

  await walkThroughToSend(page, { ticket: 'INC-6060' })
  const status = page.getByTestId('action-status')
  await expect(status.getByTestId('action-state')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })

  // The agent's language (English), then the other one.
  await status.getByTestId('copy-ticket-note').click()
  await expect(page.locator('.n-message')).toContainText('Ticket note copied (English)')
  const english = await clipboard(page)
  expect(english).toContain('Passcode Desk — Remove passcode')
  expect(english).toContain(`iPhone de Hélène (Apple iPhone 15), serial number ending in ${serial.slice(-4)}`)
  expect(english).toMatch(/^Outcome: Done$/m)
  expect(english).toMatch(/^Ticket: INC-6060$/m)
  expect(english).toMatch(/^Checks done: Employee ID confirmed, script read to the caller$/m)
  expect(english).toMatch(/^Intune request id: [0-9a-f-]{36}$/m)
  expect(english).toMatch(/^Finished: \w{3} \d+, \d{4}/m)
  expect(english).not.toContain(serial)
  await shots(page, testInfo, 'note-1-status', 'copy-ticket-note')

  await status.getByTestId('copy-ticket-note-other').click()
  const french = await clipboard(page)
  expect(french).toContain('Passcode Desk — Supprimer le code secret')
  expect(french).toContain(`numéro de série se terminant par ${serial.slice(-4)}`)
  expect(french).toMatch(/^Résultat\u00a0: Terminée$/m)
  expect(french).not.toContain(serial)

  // History, in French: the row's button copies the French note and never opens the row.
  await openView(page, 'settings')
  await page.getByTestId('locale-fr').click()
  // Settings → Ticket note: an unknown placeholder is refused by name, in French.
  const template = page.getByTestId('ticket-note-template-fr').locator('textarea')
  await template.fill('{appareil} {outcome}')
  await expect(page.getByTestId('ticket-note-error-fr')).toHaveText(
    /^Espace réservé inconnu\u00a0: \{appareil\}/,
  )
  await expect(page.getByTestId('ticket-note-save')).toBeDisabled()
  await page.getByTestId('settings-section-ticket-note').scrollIntoViewIfNeeded()
  const file = testInfo.outputPath('note-settings-fr.png')
  await page.screenshot({ path: file })
  await testInfo.attach('note-settings-fr', { path: file, contentType: 'image/png' })
  await template.fill('')
  await openView(page, 'history')
  const row = page.getByTestId('history-row').filter({ hasText: 'iPhone de Hélène' })
  await expect(row).toHaveCount(1)
  await row.getByTestId('copy-ticket-note').click()
  await expect(page.getByTestId('view-history')).toBeVisible()
  await expect(page.locator('.n-message').last()).toContainText('Note de ticket copiée (français)')
  const fromRow = await clipboard(page)
  expect(fromRow.split('\n').slice(0, 3)).toEqual(french.split('\n').slice(0, 3))
  expect(fromRow).toMatch(/^Ticket\u00a0: INC-6060$/m)
  await row.getByTestId('copy-ticket-note-other').click()
  expect(await clipboard(page)).toBe(english)
  await shots(page, testInfo, 'note-2-history-fr', 'copy-ticket-note')
})
