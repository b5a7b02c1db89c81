import { expect, openApp, openView, test, signInAgent } from './fixtures'

/**
 * A sync meeting Intune's throttling (domain §2.7): the embedded demo tenant enforces the budgets,
 * shrunk to 2 requests per 20 s (PASSCODE_DESK_DEMO_RATE_SCALE), so the third page is refused with
 * 429 + Retry-After. The progress says Intune is limiting requests and how long the sync waits,
 * instead of failing or looking stuck; the agent can still cancel. The Settings view has the sync
 * settings (time budget, full sweep, background pass).
 */
test.use({
  appEnv: {
    PASSCODE_DESK_DEMO_DEVICES: '2500',
    PASSCODE_DESK_DEMO_RATE_LIMITS: '1',
    PASSCODE_DESK_DEMO_RATE_SCALE: '0.001',
  },
})

const LOCALES = [
  {
    tag: 'en-US',
    waiting: /^Intune is limiting requests — waiting \d+ s$/,
    settings: 'Wait for Intune up to',
  },
  {
    tag: 'fr-FR',
    waiting: /^Intune limite les requêtes — attente de \d+\u00a0s$/,
    settings: 'Attendre Intune jusqu’à',
  },
] as const

for (const locale of LOCALES) {
  test.describe(locale.tag, () => {
    test.use({ locale: locale.tag, colorScheme: 'light' })

    test(`a throttled sync says it is waiting, and can be cancelled (${locale.tag})`, async ({
      page,
      appUrl,
    }, info) => {
      await openApp(page, appUrl)
      await signInAgent(page)
      await page.getByTestId('empty-sync-now').click()
      const waiting = page.getByTestId('sync-throttled')
      await expect(waiting).toHaveText(locale.waiting, { timeout: 30_000 })
      await page.screenshot({ path: info.outputPath(`sync-throttled-${locale.tag}.png`) })
      await page.getByTestId('sync-cancel').click()
      await expect(page.getByTestId('sync-start')).toBeVisible()

      await openView(page, 'settings')
      const section = page.getByTestId('settings-section-sync')
      await section.scrollIntoViewIfNeeded()
      await expect(section).toContainText(locale.settings)
      await expect(page.getByTestId('settings-sync-throttleBudgetMinutes').locator('input')).toHaveValue('10')
      await section.screenshot({ path: info.outputPath(`settings-sync-${locale.tag}.png`) })
    })
  })
}
