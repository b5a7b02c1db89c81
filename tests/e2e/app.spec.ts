import { expect, openApp, openView, test } from './fixtures'

test('the app loads on Devices with the frame, the status bar and no console errors', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl)
  await expect(page).toHaveURL(/#\/devices$/)
  // The secret has left the address bar (it stays in this tab's session storage only).
  expect(page.url()).not.toContain('k=')
  await expect(page.getByTestId('view-devices')).toBeVisible()
  await expect(page.getByRole('navigation')).toBeVisible()
  await expect(page.getByTestId('nav-devices')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('status-tenant')).toBeVisible()
  // Intune's reachability from core's probe (DESIGN §1), not the browser's online flag.
  await expect(page.getByTestId('status-network')).toHaveAttribute('data-intune', 'reachable')
  await expect(page.getByTestId('status-version')).toHaveText(/^v\d+\.\d+\.\d+/)
})

test('the side bar reaches every view and highlights the current one, by keyboard too', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl)
  for (const view of ['history', 'settings', 'devices'] as const) {
    await openView(page, view)
    await expect(page.getByTestId(`nav-${view}`)).toHaveAttribute('aria-current', 'page')
    await expect(page.locator('[aria-current="page"]')).toHaveCount(1)
  }
  // Keyboard: the side bar links are focusable and Enter follows them.
  await page.getByTestId('nav-devices').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('nav-history')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('view-history')).toBeVisible()
  await expect(page).toHaveTitle(/— Passcode Desk$/)
})

test('a device page keeps Devices highlighted in the side bar', async ({ page, app, appUrl }) => {
  await openApp(page, appUrl)
  // Same tab: the launch secret kept in session storage still opens the bridge.
  await page.goto(`${app.origin}/#/devices/abc-123`)
  await expect(page).toHaveURL(/#\/devices\/abc-123$/)
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('nav-devices')).toHaveAttribute('aria-current', 'page')
})

test('the favicon is served (no 404 in the console)', async ({ page, app, appUrl }) => {
  await openApp(page, appUrl)
  const response = await page.request.get(`${app.origin}/favicon.svg`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('image/svg+xml')
})

test.describe('when the network or the host goes away', () => {
  // The page's reconnection attempts are expected to fail loudly in the console here.
  test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed/] })

  test('the status bar does not follow the browser’s online flag: Intune still answers', async ({
    page,
    appUrl,
    context,
  }) => {
    await openApp(page, appUrl)
    await expect(page.getByTestId('status-network')).toHaveAttribute('data-intune', 'reachable')
    await context.setOffline(true)
    await page.waitForTimeout(500)
    // Loopback stays up (the demo tenant and core answer): no false "offline".
    await expect(page.getByTestId('status-network')).not.toHaveAttribute('data-intune', 'unreachable')
    await context.setOffline(false)
    await expect(page.getByTestId('status-network')).toHaveAttribute('data-intune', 'reachable')
  })

  test('a lost bridge is shown in the status bar and a banner, not as the launch-link notice', async ({
    page,
    app,
    appUrl,
  }) => {
    await openApp(page, appUrl)
    await app.stop()
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', /closed|connecting/)
    await expect(page.getByTestId('connection-lost')).toBeVisible()
    await expect(page.getByTestId('launch-link-required')).toHaveCount(0)
  })
})
