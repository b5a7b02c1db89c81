import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { newAxe } from './axe'
import { expect, test, signInAndSync } from './fixtures'

/**
 * The guided walkthrough end to end (DESIGN §1, domain §2.4): browser host + embedded demo tenant (time scale 0.01,
 * so Intune's few seconds become milliseconds). Each step is captured for review.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

async function openDevice(
  page: Page,
  query: string,
  name: string,
  detail: string | RegExp = name,
): Promise<string> {
  await page.getByTestId('nav-devices').click()
  await page.getByTestId('device-search').fill(query)
  await page.getByTestId('device-row').filter({ hasText: name }).filter({ hasText: detail }).first().click()
  await expect(page.getByTestId('device-name')).toHaveText(name)
  return decodeURIComponent(/#\/devices\/([^?]+)/.exec(page.url())![1]!)
}

let shot = 0
/** A full-page screenshot of the step for review, and an axe check (WCAG 2.1 A/AA) of the walkthrough. */
async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${String(++shot).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
  const results = await newAxe(page)
    .include('[data-testid="walkthrough"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${name}`,
  ).toEqual([])
}

const step = (page: Page) => page.getByTestId('walkthrough')
const next = (page: Page) => page.getByTestId('walkthrough-next')

/** Steps 1–2 from the keyboard: Space ticks, Enter moves on; the heading holds the focus. */
async function verifyAndConfirmDevice(page: Page, testInfo: TestInfo, prefix: string): Promise<void> {
  await expect(step(page)).toHaveAttribute('data-step', 'verify')
  await expect(page.getByTestId('step-title')).toBeFocused()
  await page.getByTestId('caller-name').locator('input').fill('Zoé Bélanger')
  await page.getByTestId('check-employeeId').press('Space')
  await page.getByTestId('check-managerCallback').press('Space')
  await expect(page.getByTestId('check-managerCallback')).toHaveAttribute('aria-checked', 'true')
  await capture(page, testInfo, `${prefix}-1-verify`)
  await page.getByTestId('caller-name').locator('input').press('Enter')

  await expect(step(page)).toHaveAttribute('data-step', 'device')
  await expect(page.getByTestId('step-title')).toBeFocused()
  await expect(next(page)).toBeDisabled()
  for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check']) {
    await page.getByTestId(id).press('Space')
    await expect(page.getByTestId(id)).toHaveAttribute('aria-checked', 'true')
  }
  await capture(page, testInfo, `${prefix}-2-device`)
  // Tab reaches the primary button (after Back); Enter activates it.
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('walkthrough-back')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(next(page)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(step(page)).toHaveAttribute('data-step', 'eligibility')
}

/** Every byte the app wrote under its data folder (SQLite file, WAL, logs, settings). */
function dataDirText(dir: string): string {
  const out: string[] = []
  const walk = (p: string) => {
    for (const name of readdirSync(p)) {
      const full = join(p, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(readFileSync(full).toString('latin1'))
    }
  }
  walk(dir)
  return out.join('\n')
}

test('Android work profile: full walkthrough shows the temporary passcode, then History lists it', async ({
  page,
  app,
  appUrl,
  context,
}, testInfo) => {
  // Seven steps, each with an axe scan, and Intune's round trips: more than the default 60 s on a
  // loaded 2-core machine.
  test.setTimeout(120_000)
  // The browser host notifies through the Web Notification API once allowed: record what it shows.
  await context.grantPermissions(['notifications'])
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = []
    ;(window as unknown as { __notifications: typeof shown }).__notifications = shown
    const Real = window.Notification
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        shown.push({ title, body: options?.body ?? '' })
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recording })
  })
  await signInAndSync(page, appUrl)
  const deviceId = await openDevice(page, 'Bélanger', 'zbelanger_AndroidForWork_3/4/2025_9:12 AM')
  await page.getByTestId('start-walkthrough').click()
  await expect(page).toHaveURL(new RegExp(`#/walkthrough/${deviceId}`))
  // The agent found the device by typing the caller's name: the walkthrough starts with the user's
  // display name as the directory spells it, not the typed text.
  await expect(page.getByTestId('caller-name').locator('input')).toHaveValue('Zoé Bélanger')
  await verifyAndConfirmDevice(page, testInfo, 'wp')

  // 3: eligible, and the work-profile precondition must be confirmed with the caller.
  await expect(page.getByTestId('eligibility-badge')).toHaveAttribute('data-verdict', 'eligible')
  await expect(next(page)).toBeDisabled()
  const preconditions = page.locator('[data-testid^="precondition-"]')
  await expect(page.getByTestId('precondition-workProfileResetTokenActivated')).toBeVisible()
  for (let i = 0; i < (await preconditions.count()); i++) await preconditions.nth(i).click()
  await capture(page, testInfo, 'wp-3-eligibility')
  await next(page).click()

  // 4: the work-profile script: the device PIN does not change.
  await expect(page.getByTestId('caller-script')).toHaveAttribute(
    'data-outcome',
    'temporaryWorkProfilePasscode',
  )
  await expect(page.getByTestId('caller-script')).toContainText('doesn’t change'.replace('’', "'"))
  await page.getByTestId('script-read').click()
  await capture(page, testInfo, 'wp-4-script')
  await next(page).click()

  // 5: ticket required by the default policy.
  await expect(next(page)).toBeDisabled()
  await page.getByTestId('ticket-reference').locator('input').fill('INC-20931')
  await capture(page, testInfo, 'wp-5-confirm')
  await expect(next(page)).toHaveText('Reset the passcode')
  await next(page).dblclick()

  // 6: live status until done; the passcode only on request, auto-hidden, copyable.
  await expect(step(page)).toHaveAttribute('data-step', 'status')
  await expect(page.getByTestId('action-status').getByTestId('action-state')).toHaveAttribute(
    'data-state',
    'done',
    {
      timeout: 20_000,
    },
  )
  await expect(page.getByTestId('passcode-value')).toHaveCount(0)
  await page.getByTestId('passcode-reveal').click()
  const value = (await page.getByTestId('passcode-value').innerText()).replace(/\s+/g, '')
  expect(value).toMatch(/^[a-z0-9]{8}$/)
  await expect(page.getByTestId('passcode-value')).toBeFocused()
  await expect(page.getByTestId('passcode-countdown')).toContainText(/\d+ s/)
  await capture(page, testInfo, 'wp-6-status-passcode')
  await page.getByTestId('passcode-hide').click()
  await expect(page.getByTestId('passcode-value')).toHaveCount(0)
  await next(page).click()

  // 7: outcome note.
  await page
    .getByTestId('outcome-note')
    .locator('textarea')
    .fill('Work profile unlocked, new passcode chosen.')
  await next(page).click()
  await expect(page.getByTestId('walkthrough-finished')).toBeVisible()
  await capture(page, testInfo, 'wp-7-finish')
  expect(await page.content()).not.toContain(value)

  // One desktop notification, without the passcode; nothing on disk holds it either.
  const notes = await page.evaluate(
    () => (window as unknown as { __notifications: unknown[] }).__notifications,
  )
  expect(notes).toEqual([{ title: 'Action complete', body: expect.stringContaining('zbelanger') }])
  expect(JSON.stringify(notes)).not.toContain(value)
  const disk = dataDirText(app.dataDir)
  expect(disk).toContain('INC-20931')
  expect(disk.includes(value)).toBe(false)

  // The device lists the action; History has it with its note, and never the passcode.
  await page.getByTestId('to-device').click()
  await expect(page.getByTestId('device-action-row')).toHaveCount(1)
  await expect(page.getByTestId('device-action-row')).toContainText('Done')
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-row')).toHaveCount(1)
  await expect(page.getByTestId('history-row')).toContainText('Work profile unlocked')
  expect(await page.content()).not.toContain(value)
})

test('iPhone: removal, no passcode to show', async ({ page, appUrl }, testInfo) => {
  await signInAndSync(page, appUrl)
  await openDevice(page, 'Hélène Durand', 'iPhone de Hélène', /iPhone 15(?! Pro)/)
  await expect(page.getByTestId('start-walkthrough')).toHaveText('Remove passcode')
  await page.getByTestId('start-walkthrough').click()
  await verifyAndConfirmDevice(page, testInfo, 'ios')
  const preconditions = page.locator('[data-testid^="precondition-"]')
  for (let i = 0; i < (await preconditions.count()); i++) await preconditions.nth(i).click()
  await next(page).click()
  await expect(page.getByTestId('caller-script')).toHaveAttribute('data-outcome', 'passcodeRemoved')
  await capture(page, testInfo, 'ios-4-script')
  // The script must be read to the caller before the send (recorded with the action).
  await expect(next(page)).toBeDisabled()
  await page.getByTestId('script-read').click()
  await next(page).click()
  await page.getByTestId('ticket-reference').locator('input').fill('INC-20932')
  // Enter alone never sends (keyboard.spec.ts); Ctrl+Enter, the shortcut said under the button, does.
  await page.getByTestId('ticket-reference').locator('input').press('Control+Enter')
  await expect(page.getByTestId('action-status').getByTestId('action-state')).toHaveAttribute(
    'data-state',
    'done',
    {
      timeout: 20_000,
    },
  )
  await expect(page.getByTestId('done-no-passcode')).toBeVisible()
  await expect(page.getByTestId('passcode-reveal')).toHaveCount(0)
  await capture(page, testInfo, 'ios-6-status')
  // Closed, back to the device, then "Back to results": the results, not the walkthrough again.
  await next(page).click()
  await next(page).click()
  await expect(page.getByTestId('walkthrough-finished')).toBeVisible()
  await page.getByTestId('to-device').click()
  await expect(page.getByTestId('device-detail')).toBeVisible()
  await page.getByTestId('back-to-results').click()
  await expect(page.getByTestId('view-devices')).toBeVisible()
  await expect(page.getByTestId('walkthrough')).toHaveCount(0)
  await expect(page.getByTestId('device-search')).toHaveValue('Hélène Durand')
  await expect(page.getByTestId('device-row').filter({ hasText: 'iPhone de Hélène' }).first()).toBeVisible()
})

test('Windows laptop: refused with the reason, nothing sent', async ({ page, appUrl }, testInfo) => {
  await signInAndSync(page, appUrl)
  const deviceId = await openDevice(page, 'LAP-PAR-0142', 'LAP-PAR-0142')
  // The device view already refuses; opening the walkthrough directly must refuse too.
  await expect(page.getByTestId('start-walkthrough')).toBeDisabled()
  await page.goto(page.url().replace(/#.*$/, `#/walkthrough/${encodeURIComponent(deviceId)}`))
  await verifyAndConfirmDevice(page, testInfo, 'win')
  await expect(page.getByTestId('eligibility-badge')).toHaveAttribute('data-verdict', 'ineligible')
  await expect(page.getByTestId('walkthrough-refused')).toBeVisible()
  await expect(page.getByTestId('eligibility-reasons')).toContainText('Windows')
  await expect(next(page)).toBeDisabled()
  await capture(page, testInfo, 'win-3-refused')
  // Escape goes back a step.
  await page.keyboard.press('Escape')
  await expect(step(page)).toHaveAttribute('data-step', 'device')
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-count')).toContainText('No action')
})
