import type { Page, TestInfo } from '@playwright/test'
import { expect, openView, test, signInAgent, signInAndSync } from './fixtures'
import { openDeviceFromSearch, walkThroughToSend } from './walkthrough-helpers'

/**
 * What real Intune sends (domain §9), end to end over the embedded demo tenant: a device outside the
 * agent's scope tags (kept, marked, walkthrough refused) and Multi Admin Approval (action recorded as
 * awaiting approval, who approves, 3-day expiry). Screenshots at 1280×800 in English and French.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

/** Steps 1–5 of the walkthrough from the device page, then the one POST. */
async function walkThroughAndSend(page: Page, caller: string): Promise<void> {
  await walkThroughToSend(page, {
    caller: { type: caller },
    checks: ['employeeId', 'managerCallback'],
    ticket: 'INC-30117',
  })
}

async function setLocale(page: Page, locale: 'fr' | 'en'): Promise<void> {
  await openView(page, 'settings')
  await page.getByTestId(`locale-${locale}`).click()
}

test('a device outside the agent’s Intune scope is kept, marked and refused, in English and French', async ({
  page,
  appUrl,
}, testInfo) => {
  await signInAndSync(page, appUrl)
  await setLocale(page, 'en')
  // The cache was filled by Élodie; Samuel's role covers the Default scope tag only.
  await page.getByTestId('account-sign-out').click()
  await expect(page.getByTestId('status-agent')).toHaveAttribute('data-state', 'signedOut')
  await signInAgent(page, 'Samuel Okafor')
  await expect(page.getByTestId('status-agent-name')).toHaveText('Samuel Okafor')

  const id = await openDeviceFromSearch(page, 'Bastien', 'iPhone de Bastien (Lyon)')
  await page.getByTestId('refresh-device').click()
  const notice = page.getByTestId('out-of-scope')
  await expect(notice).toContainText('Outside your Intune scope')
  await expect(notice).toContainText('it exists')
  await expect(notice.getByTestId('support-activityId')).toHaveText(/^[0-9a-f-]{36}$/)
  await expect(page.getByTestId('device-gone')).toHaveCount(0)
  await expect(page.getByTestId('start-walkthrough')).toBeDisabled()
  await expect(page.getByTestId('device-detail')).toContainText('your role cannot act on it')
  await shot(page, testInfo, 'scope-1-detail-en')

  // Still in the results, with the badge.
  await page.getByTestId('back-to-results').click()
  const row = page.getByTestId('device-row').filter({ hasText: 'iPhone de Bastien (Lyon)' })
  await expect(row.getByTestId('out-of-scope-badge')).toHaveText('Outside your Intune scope')
  await shot(page, testInfo, 'scope-2-results-en')

  // A walkthrough opened anyway (a link, a bookmark) refuses with the reason.
  await page.goto(`${appUrl.split('#')[0]}#/walkthrough/${encodeURIComponent(id)}`)
  await expect(page.getByTestId('walkthrough-out-of-scope')).toBeVisible()
  await expect(page.getByTestId('walkthrough-next')).toBeDisabled()
  await shot(page, testInfo, 'scope-3-walkthrough-en')

  await setLocale(page, 'fr')
  await openDeviceFromSearch(page, 'Bastien', 'iPhone de Bastien (Lyon)')
  await expect(page.getByTestId('out-of-scope')).toContainText('Hors de votre étendue Intune')
  await expect(page.getByTestId('out-of-scope-badge')).toHaveText('Hors de votre étendue Intune')
  await shot(page, testInfo, 'scope-4-detail-fr')
})

test('Multi Admin Approval: the action is recorded as awaiting a second admin, never re-sent', async ({
  page,
  appUrl,
}, testInfo) => {
  await signInAndSync(page, appUrl)
  await setLocale(page, 'fr')
  await openDeviceFromSearch(page, 'Fontaine', 'ifontaine_AndroidEnterprise_4/2/2026_9:30 AM')
  await walkThroughAndSend(page, 'Inès Fontaine')

  await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'status')
  const status = page.getByTestId('action-status')
  await expect(status.getByTestId('action-state')).toHaveAttribute('data-state', 'awaitingApproval')
  await expect(status.getByTestId('action-state')).toHaveText('En attente d’approbation')
  const advice = status.locator('[data-advice="awaitingApproval"]')
  await expect(advice).toContainText('second administrateur')
  await expect(advice).toContainText('3 jours')
  await expect(status.getByTestId('support-requestId')).toHaveText(/^[0-9a-f-]{36}$/)
  await shot(page, testInfo, 'maa-1-status-fr')

  // History records it the same way, in English too.
  await setLocale(page, 'en')
  await page.getByTestId('nav-history').click()
  const row = page.getByTestId('history-row').filter({ hasText: 'ifontaine' })
  await expect(row).toContainText('Awaiting approval')
  await shot(page, testInfo, 'maa-2-history-en')
})

test('an unknown actionState is shown as "unknown state" and keeps being checked', async ({
  page,
  appUrl,
}, testInfo) => {
  await signInAndSync(page, appUrl)
  await setLocale(page, 'en')
  await openDeviceFromSearch(page, 'Rachel', "Rachel's iPhone")
  await walkThroughAndSend(page, 'Rachel Moore')
  const status = page.getByTestId('action-status')
  await expect(status.getByTestId('action-state')).toHaveAttribute('data-state', 'unknownState', {
    timeout: 20_000,
  })
  await expect(status.getByTestId('state-text')).toContainText('keeps checking')
  await expect(status.locator('[data-advice="unknownState"]')).toBeVisible()
  await shot(page, testInfo, 'unknown-1-status-en')
  await setLocale(page, 'fr')
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-row').filter({ hasText: 'Rachel' })).toContainText('État inconnu')
  await shot(page, testInfo, 'unknown-2-history-fr')
})
