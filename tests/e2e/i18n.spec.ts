import { expect, openApp, openView, test } from './fixtures'

test.describe('with an English system', () => {
  test.use({ locale: 'en-GB' })

  test('the language follows the system, switches to French and back, and is remembered', async ({
    page,
    app,
    appUrl,
    browser,
  }) => {
    await openApp(page, appUrl)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByTestId('nav-devices')).toHaveText('Devices')

    await openView(page, 'settings')
    await expect(page.getByTestId('locale-system')).toContainText('System language (English)')
    await page.getByTestId('locale-fr').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paramètres')
    await expect(page.getByTestId('nav-devices')).toHaveText('Appareils')
    await expect(page.getByTestId('status-connection')).toContainText('Service local connecté')
    await expect(page).toHaveTitle('Paramètres — Passcode Desk')

    // Remembered by core: a reload, and even a new window, open in French.
    await page.reload()
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paramètres')
    const other = await browser.newPage({ locale: 'en-GB' })
    await other.goto(appUrl)
    await expect(other.getByTestId('nav-history')).toHaveText('Historique')
    await other.close()

    // And back.
    await page.getByTestId('locale-en').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expect(page.getByTestId('nav-history')).toHaveText('History')
    expect(app.dataDir).toBeTruthy()
  })

  test('"system" again follows the OS language', async ({ page, appUrl }) => {
    await openApp(page, appUrl)
    await openView(page, 'settings')
    await page.getByTestId('locale-fr').click()
    await expect(page.getByTestId('nav-settings')).toHaveText('Paramètres')
    await page.getByTestId('locale-system').click()
    await expect(page.getByTestId('nav-settings')).toHaveText('Settings')
  })
  test('a change made in one window reaches another open window at once (settings:changed)', async ({
    page,
    appUrl,
    browser,
  }) => {
    await openApp(page, appUrl)
    const other = await browser.newPage({ locale: 'en-GB' })
    await openApp(other, appUrl)
    await expect(other.getByTestId('nav-devices')).toHaveText('Devices')

    await openView(page, 'settings')
    await page.getByTestId('locale-fr').click()
    await expect(other.getByTestId('nav-devices')).toHaveText('Appareils')
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr')
    await other.close()
  })
})

test.describe('with a French system', () => {
  test.use({ locale: 'fr-FR' })

  test('the app opens in French with French Naive UI components', async ({ page, appUrl }) => {
    await openApp(page, appUrl)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByTestId('nav-devices')).toHaveText('Appareils')
    await expect(page.getByTestId('status-connection')).toContainText('Service local connecté')
    await openView(page, 'settings')
    await expect(page.getByTestId('locale-system')).toContainText('Langue du système (Français)')
    await expect(page.getByTestId('about-host-kind')).toHaveText('Navigateur (hôte web local)')
  })
})
