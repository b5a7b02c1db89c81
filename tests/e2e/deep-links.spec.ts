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

  // A link that asks for more than navigation is refused as a whole: no walkthrough, no device,
  // and the page says so — by reason, never echoing what the link carried.
  const notice = page.getByTestId('deep-link-refused')
  page.on('dialog', (dialog) => {
    throw new Error(`a link opened a dialog: ${dialog.message()}`)
  })
  await page.goto(`${app.origin}/#passcode-desk://device?id=${deviceId}&action=reset`)
  await expect(page).toHaveURL(/#\/devices$/)
  await expect(notice).toHaveAttribute('data-reason', 'unknownParameter')
  await expect(notice).toContainText('Link refused')
  await expect(notice).toContainText('a link may only name a device, a ticket and the caller')
  await expect(notice).not.toContainText('reset')
  await page.screenshot({ path: testInfo.outputPath('deep-link-refused.png') })
  await notice.getByRole('button').click() // closable; the next refusal shows it again
  await expect(notice).toHaveCount(0)
  const hostile = [
    ['serial=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'badValue'],
    ['serial=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'badValue'],
    [`serial=${'A'.repeat(1100)}`, 'tooLong'],
  ] as const
  for (const [query, reason] of hostile) {
    await page.goto(`${app.origin}/#passcode-desk://device?${query}`)
    await expect(page).toHaveURL(/#\/devices$/)
    await expect(notice).toHaveAttribute('data-reason', reason)
    await expect(notice).not.toContainText('alert')
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
  }
  // Traversal out of `device`, and a target that is not a device: refused by target.
  await page.goto(`${app.origin}/#passcode-desk://device/../settings?serial=C02XK1JHJG5H`)
  await expect(notice).toHaveAttribute('data-reason', 'unknownTarget')
  await page.goto(`${app.origin}/#passcode-desk://settings?locale=en`)
  await expect(notice).toHaveAttribute('data-reason', 'unknownTarget')

  // No match for the serial: the search with that query.
  await page.goto(`${app.origin}/#passcode-desk://device?serial=ZZZ999NOMATCH`)
  await expect(page).toHaveURL(/#\/devices$/)
  await expect(page.getByTestId('device-search')).toHaveValue('ZZZ999NOMATCH')
  await expect(notice).toHaveCount(0) // a followed link clears the earlier refusal
})
