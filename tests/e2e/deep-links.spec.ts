import { expect, test, signInAndSync } from './fixtures'

/**
 * Deep links in the browser host (DESIGN §3 "deep links"): the same passcode-desk:// link as the
 * URL fragment of the tab that holds the launch secret. A link only navigates and pre-fills.
 * The Electron host's protocol registration, open-url and second-instance wiring are unit-tested
 * with stand-ins (tests/unit/electron/main); a real OS hand-over is only possible on a desktop.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

test('a link opens the device and pre-fills the caller; hostile or unknown links only land on the list', async ({
  page,
  app,
  appUrl,
}, testInfo) => {
  await signInAndSync(page, appUrl)
  await page.getByTestId('device-row').first().click()
  await expect(page.getByTestId('device-name')).toBeVisible()
  const deviceId = decodeURIComponent(/#\/devices\/([^?]+)/.exec(page.url())![1]!)
  const name = await page.getByTestId('device-name').textContent()
  await page.getByTestId('nav-devices').click()

  await page.goto(
    `${app.origin}/#passcode-desk://device?id=${deviceId}&ticket=INC0012345&caller=Marie%20Dupont`,
  )
  await expect(page).toHaveURL(new RegExp(`#/devices/${encodeURIComponent(deviceId)}$`))
  await expect(page.getByTestId('device-name')).toHaveText(name!)
  await page.screenshot({ path: testInfo.outputPath('deep-link-device.png'), fullPage: true })
  await page.getByTestId('start-walkthrough').click()
  await expect(page.getByTestId('caller-name').locator('input')).toHaveValue('Marie Dupont')

  // A link that asks for more than navigation is refused as a whole: no walkthrough, no device.
  await page.goto(`${app.origin}/#passcode-desk://device?id=${deviceId}&action=reset`)
  await expect(page).toHaveURL(/#\/devices$/)
  await page.goto(`${app.origin}/#passcode-desk://device?serial=%3Cscript%3Ealert(1)%3C%2Fscript%3E`)
  await expect(page).toHaveURL(/#\/devices$/)

  // No match for the serial: the search with that query.
  await page.goto(`${app.origin}/#passcode-desk://device?serial=ZZZ999NOMATCH`)
  await expect(page).toHaveURL(/#\/devices$/)
  await expect(page.getByTestId('device-search')).toHaveValue('ZZZ999NOMATCH')
})
