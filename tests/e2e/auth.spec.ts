import { expect, openApp, openView, test } from './fixtures'

// A small demo tenant keeps start-up fast; sign-in does not depend on its size.
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '50' } })

test('from a clean start: sign in to the demo tenant in the browser, see the agent in the status bar, sign out', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl)
  const agent = page.getByTestId('status-agent')
  await expect(agent).toHaveAttribute('data-state', 'signedOut')

  await openView(page, 'settings')
  // Browser host: no secure storage here, and the page says so before anyone signs in.
  await expect(page.getByTestId('account-cache')).toHaveAttribute('data-persistence', 'memory')
  await expect(page.getByTestId('profile-demo')).toHaveAttribute('data-active', 'true')

  // Core cannot open a system browser from the browser host: the renderer opens the sign-in page in a new tab.
  const popupOpened = page.context().waitForEvent('page')
  await page.getByTestId('account-sign-in').click()
  const signInPage = await popupOpened
  await signInPage.waitForLoadState('domcontentloaded')
  await expect(agent).toHaveAttribute('data-state', 'signingIn')
  // The demo tenant's sign-in page lists its agents; pick the Help Desk Operator.
  await signInPage.getByRole('button', { name: /Élodie Marchand/ }).click()
  // The authorization response goes to MSAL's loopback listener, which shows its success page.
  await expect(signInPage.locator('body')).toContainText(/signed in|connecté/i)
  await signInPage.close()

  await expect(agent).toHaveAttribute('data-state', 'signedIn')
  await expect(page.getByTestId('status-agent-name')).toHaveText('Élodie Marchand')
  await expect(page.getByTestId('status-agent-upn')).toContainText('@')
  await expect(page.getByTestId('status-agent-tenant')).toBeVisible()
  await expect(page.getByTestId('account-upn')).toHaveText(
    await page.getByTestId('status-agent-upn').innerText(),
  )
  // A Help Desk Operator may reset passcodes: no permission warning.
  await expect(page.getByTestId('account-permission')).toHaveCount(0)

  await page.getByTestId('account-sign-out').click()
  await expect(agent).toHaveAttribute('data-state', 'signedOut')
  await expect(page.getByTestId('status-agent-name')).toHaveCount(0)
  await expect(page.getByTestId('account-sign-in')).toBeVisible()
})

test('a Read Only Operator sees why passcode actions are unavailable', async ({ page, appUrl }) => {
  await openApp(page, appUrl)
  await openView(page, 'settings')
  const popupOpened = page.context().waitForEvent('page')
  await page.getByTestId('status-sign-in').click()
  const signInPage = await popupOpened
  await signInPage.getByRole('button', { name: /Read Only Operator/ }).click()
  await expect(signInPage.locator('body')).toContainText(/signed in|connecté/i)
  await signInPage.close()
  await expect(page.getByTestId('status-agent')).toHaveAttribute('data-state', 'signedIn')
  await expect(page.getByTestId('account-permission')).toBeVisible()
})
