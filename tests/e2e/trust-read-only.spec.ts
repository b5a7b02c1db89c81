import { expect, openApp, test } from './fixtures'
import { EN, FR, openEligibleDevice, shootScreen, signInAs, syncNow } from './trust-helpers'

/**
 * A Read Only Operator (Intune role without Remote tasks › Reset passcode, read by core from
 * getEffectivePermissions) is told before anything starts: on the result badge, on the device page
 * and at the walkthrough's entry — never after reading the promise to the caller at step 4, and
 * never "for now" (DESIGN §1). Core still refuses actions:issue on its own (integration tests).
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '40' } })

for (const [lang, locale, words] of [
  [
    'fr',
    FR,
    { badge: 'Éligible · non autorisé', role: 'Opérateur du support technique', forNow: /pour le moment/ },
  ],
  ['en', EN, { badge: 'Eligible · not allowed', role: 'Help Desk Operator', forNow: /for now/i }],
] as const) {
  test.describe(`Read Only Operator (${lang})`, () => {
    test.use(locale)

    test('sees the action disabled with the reason and what to do before starting anything', async ({
      page,
      appUrl,
    }, testInfo) => {
      test.setTimeout(240_000)
      await openApp(page, appUrl)
      await signInAs(page, /Thérèse Lambert/)
      await syncNow(page)

      // The results: an eligible device says the role cannot act on it.
      const badge = page.locator('[data-testid="device-row"] [data-verdict="eligible"]').first()
      await expect(badge).toHaveAttribute('data-permission', 'denied')
      await expect(badge).toHaveText(words.badge)
      await shootScreen(page, testInfo, `${lang}-read-only-results`)

      // The device page: the button is disabled and says why and what to do.
      const id = await openEligibleDevice(page)
      await expect(page.getByTestId('start-walkthrough')).toBeDisabled()
      const blocked = page.getByTestId('walkthrough-blocked')
      await expect(blocked).toHaveAttribute('data-reason', 'permission')
      await expect(blocked).toContainText(words.role)
      await expect(blocked).not.toContainText(words.forNow)
      await expect(page.getByTestId('start-walkthrough')).toHaveAttribute('aria-describedby', `${id}-blocked`)
      await shootScreen(page, testInfo, `${lang}-read-only-device`)

      // A link straight to the walkthrough shows no step: nothing to read to the caller.
      await page.goto(`${new URL(appUrl).origin}/#/walkthrough/${encodeURIComponent(id)}`)
      await expect(page.getByTestId('walkthrough-role-blocked')).toBeVisible()
      await expect(page.getByTestId('walkthrough-role-blocked')).toContainText(words.role)
      await expect(page.getByTestId('step-title')).toHaveCount(0)
      await expect(page.getByTestId('walkthrough-role-blocked').getByRole('heading')).toBeFocused()
      await shootScreen(page, testInfo, `${lang}-read-only-walkthrough`)
      await page.getByTestId('walkthrough-role-back').click()
      await expect(page.getByTestId('device-detail')).toBeVisible()
    })
  })
}

test('a Help Desk Operator sees no role warning', async ({ page, appUrl }) => {
  await openApp(page, appUrl)
  await signInAs(page, /Élodie Marchand/)
  await syncNow(page)
  const badge = page.locator('[data-testid="device-row"] [data-verdict="eligible"]').first()
  await expect(badge).toBeVisible()
  await expect(badge).not.toHaveAttribute('data-permission', 'denied')
  await openEligibleDevice(page)
  await expect(page.getByTestId('start-walkthrough')).toBeEnabled()
})
