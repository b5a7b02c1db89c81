import { expect, openApp, test } from './fixtures'
import { EN, FR, shootScreen, signInAs } from './trust-helpers'

/**
 * A newcomer who has not signed in is not "a session that expired" (DESIGN §1): the empty list
 * leads with "Sign in", Sync opens the sign-in, and after a restart (the browser host keeps the
 * sign-in in memory only) the app says "sign in again", never "expired" or "revoked".
 */
test.use({
  appEnv: { PASSCODE_DESK_DEMO_DEVICES: '40' },
  // The restart closes the bridge: the page's reconnection attempts fail loudly meanwhile.
  allowedConsoleErrors: [/WebSocket connection to .* failed/],
})

const EXPIRED = /expir|révoqu|revoked/i

for (const [lang, locale, words] of [
  ['fr', FR, { signIn: 'Se connecter', again: 'Reconnectez-vous pour continuer', kept: /non conservée/ }],
  ['en', EN, { signIn: 'Sign in', again: 'Sign in again to continue', kept: /not kept/ }],
] as const) {
  test.describe(`signed-out newcomer (${lang})`, () => {
    test.use(locale)

    test('the first screen leads with sign-in, Sync signs in first, a restart asks to sign in again', async ({
      page,
      app,
      appUrl,
    }, testInfo) => {
      test.setTimeout(240_000)
      await openApp(page, appUrl)
      await expect(page.getByTestId('status-agent')).toHaveAttribute('data-state', 'signedOut')
      const empty = page.getByTestId('empty-signed-out')
      await expect(empty).toBeVisible()
      await expect(page.getByTestId('empty-sign-in')).toHaveText(words.signIn)
      await expect(page.getByTestId('empty-no-cache')).toHaveCount(0)
      await expect(page.locator('body')).not.toContainText(EXPIRED)
      await shootScreen(page, testInfo, `${lang}-signed-out-empty`)

      // "Synchroniser" in the header while signed out: the sign-in opens, then the sync runs.
      await signInAs(page, /Élodie Marchand/, 'sync-start')
      await expect(page.getByTestId('device-row').first()).toBeVisible({ timeout: 30_000 })
      await expect(page.getByTestId('sync-banner-failed')).toHaveCount(0)
      await expect(page.getByTestId('sync-start-error')).toHaveCount(0)
      await expect(page.locator('body')).not.toContainText(EXPIRED)

      // Restart: the demo sign-in lived in memory only. The cache is still there.
      const url = await app.restart()
      await openApp(page, url)
      await expect(page.getByTestId('status-agent')).toHaveAttribute('data-state', 'signedOut')
      await expect(page.getByTestId('device-row').first()).toBeVisible()
      await expect(page.getByTestId('status-agent-text')).toContainText(words.kept)
      await expect(page.locator('body')).not.toContainText(EXPIRED)

      // A Graph call (Refresh) while signed out waits for the sign-in and says why, truthfully.
      await page.getByTestId('device-row').first().click()
      await page.getByTestId('refresh-device').click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toContainText(words.again)
      await expect(page.getByTestId('reauth-body')).not.toContainText(EXPIRED)
      await shootScreen(page, testInfo, `${lang}-signed-out-after-restart`)
    })
  })
}
