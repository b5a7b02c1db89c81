import type { Page, TestInfo } from '@playwright/test'
import { expect, openView, signInAndSync, test } from './fixtures'

/**
 * A nested Intune error as the agent meets it (domain §9 "nested errors"): the demo tenant's
 * nestedUnknownError device answers 403 `UnknownError` wrapping `ErrorCode: Forbidden` two levels
 * deep (electron/demo-tenant/intune-answers.ts). "Refresh from Intune" must show a plain sentence,
 * the next step, Intune's inner sentence, and the Activity ID from inside the body, copyable — in
 * English and in French. One sign-in and sync for the whole file.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '40', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

async function refreshVictor(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.getByTestId('nav-devices').click()
  await page.getByTestId('device-search').fill('Victor')
  await page.getByTestId('device-row').filter({ hasText: 'iPhone de Victor' }).first().click()
  await expect(page.getByTestId('device-name')).toHaveText('iPhone de Victor')
  await page.getByTestId('refresh-device').click()
  const notice = page.getByTestId('refresh-error')
  await expect(notice).toBeVisible()
  return notice
}

test('a nested UnknownError reads as a sentence, a next step and a copyable Activity ID (en, fr)', async ({
  page,
  appUrl,
  context,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAndSync(page, appUrl)
  await openView(page, 'settings')
  await page.getByTestId('locale-en').click()

  const notice = await refreshVictor(page)
  await expect(notice).toHaveAttribute('data-code', 'GRAPH_FORBIDDEN')
  await expect(notice).toContainText('The device could not be refreshed: Microsoft Graph denied access')
  await expect(notice.getByTestId('graph-error-next')).toContainText(
    'Check with an Intune administrator that your role includes this permission',
  )
  // Intune's inner code and sentence, not the raw JSON of the outer message.
  await expect(notice.getByTestId('graph-error-intune')).toHaveText(
    'Intune says: Forbidden — An error has occurred',
  )
  await expect(notice).not.toContainText('ErrorCode')
  await expect(notice).not.toContainText('_version')
  const activityId = (await notice.getByTestId('support-activityId').innerText()).trim()
  expect(activityId).toMatch(GUID)
  const requestId = (await notice.getByTestId('support-requestId').innerText()).trim()
  expect(activityId).not.toBe(requestId)
  await notice.getByTestId('copy-support-ids').click()
  await expect(page.getByText('Support IDs copied to the clipboard')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain(`Activity ID: ${activityId}`)
  expect(copied).toContain(`Request ID: ${requestId}`)
  // The device stays in the cache: an access refusal is not "deleted in Intune".
  await expect(page.getByTestId('device-gone')).toHaveCount(0)
  await shot(page, testInfo, 'nested-error-en')

  await openView(page, 'settings')
  await page.getByTestId('locale-fr').click()
  const frNotice = await refreshVictor(page)
  await expect(frNotice).toContainText(
    'Impossible d’actualiser l’appareil\u00a0: Microsoft Graph a refusé l’accès à cette ressource.',
  )
  await expect(frNotice.getByTestId('graph-error-next')).toContainText(
    'Vérifiez avec un administrateur Intune que votre rôle comprend cette autorisation',
  )
  await expect(frNotice.getByTestId('graph-error-intune')).toHaveText(
    'Intune indique\u00a0: Forbidden — An error has occurred',
  )
  // Each answer carries a new Activity ID: the notice shows this refusal's, not the previous one.
  const frActivity = (await frNotice.getByTestId('support-activityId').innerText()).trim()
  expect(frActivity).toMatch(GUID)
  expect(frActivity).not.toBe(activityId)
  await frNotice.getByTestId('copy-support-ids').click()
  await expect(page.getByText('Identifiants de support copiés dans le presse-papiers')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(frActivity)
  await shot(page, testInfo, 'nested-error-fr')
})
