import type { Page, TestInfo } from '@playwright/test'
import { expect, signInAndSync, test } from './fixtures'
import { openDeviceFromSearch, walkThroughToSend } from './walkthrough-helpers'

/**
 * While an action is pending (shared/pending-advice): the walkthrough re-reads the device from the
 * demo tenant and says it has not checked in since the send, with the times and the caller's next
 * steps. The demo tenant's iPhone not seen for 7 weeks never checks in. One sign-in, one action.
 */
test.use({
  appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' },
  locale: 'en-US',
  colorScheme: 'light',
})

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const size of [
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size)
    await page.getByTestId('status-advice').scrollIntoViewIfNeeded()
    const file = testInfo.outputPath(`${name}-${size.width}x${size.height}.png`)
    await page.screenshot({ path: file })
    await testInfo.attach(`${name}-${size.width}`, { path: file, contentType: 'image/png' })
  }
}

test('a pending action on a device that never checks in: said with the times, and what the caller does next', async ({
  page,
  appUrl,
}, testInfo) => {
  test.setTimeout(120_000)
  await signInAndSync(page, appUrl)
  await openDeviceFromSearch(page, 'Maëlys', 'iPhone de Maëlys')
  await walkThroughToSend(page, { ticket: 'INC-7070' })

  const status = page.getByTestId('action-status')
  await expect(status.getByTestId('action-state')).toHaveAttribute('data-state', 'pending', {
    timeout: 30_000,
  })
  // Re-read from Intune after the send: no check-in since, with the send's time and the last check-in.
  const fact = status.getByTestId('checkin-not-since')
  await expect(fact).toBeVisible({ timeout: 20_000 })
  await expect(fact).toContainText('has not checked in since the action was sent')
  await expect(fact).toContainText(
    /Its last check-in: \w{3} \d+, \d{4}, .+ \((last month|\d+ (days|months) ago)\)\./,
  )
  await expect(status.getByTestId('device-read-at')).toContainText('Device read from Intune at')
  await expect(status.getByTestId('caller-steps').locator('li')).toHaveText([
    /switch the device on/,
    /connect it to the internet \(Wi-Fi or mobile data\)/,
    /open the Company Portal app/,
    /start a sync from Company Portal/,
  ])
  // Nothing to escalate yet: the caller can still bring the device online.
  await expect(status.getByTestId('escalation')).toHaveCount(0)
  await status.getByTestId('reread-device').click()
  await expect(fact).toBeVisible()
  await shot(page, testInfo, 'pending-status')
})
