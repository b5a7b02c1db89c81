import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { newAxe } from './axe'
import { expect, openView, signInAndSync, test } from './fixtures'
import { runWalkthrough } from './walkthrough-helpers'

/**
 * Readiness (DESIGN §1 "see the fleet"), in French then in English within one signed-in session
 * (one sign-in and one sync for the file): open the view, read a figure against the device list,
 * open a chart's data table, select a bar and land on the device search with that bar's filters and
 * exactly its count. Axe once on the view (French, light, a table open); screenshots at 1280×800
 * and 800×600, light and dark.
 */
test.use({
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
  colorScheme: 'light',
  appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' },
})

/** The frame scrolls inside its main area: let it grow for a full-page shot (as views.spec.ts). */
async function captureFullView(page: Page, path: string): Promise<void> {
  await page.addStyleTag({
    content:
      '.app-frame { height: auto !important; min-height: 100vh; } .app-frame .content { overflow: visible !important; }',
  })
  await page.screenshot({ path, fullPage: true })
  await page.evaluate('document.head.lastElementChild.remove()')
}

async function axeClean(page: Page, view = 'view-readiness'): Promise<void> {
  const results = await newAxe(page)
    .include(`[data-testid="${view}"]`)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/**
 * Clicks the first (largest, top) bar of a horizontal chart: categories share the plot's height
 * from the top (grid top 12 px, bottom `gridBottom`: chartOption.ts); at 60 % of the width the plot
 * has begun (labels take at most ~210 px) and the largest bar, at least half the axis, still covers
 * it. `shift` moves the click from the band's middle (two series: the first bar sits above it).
 */
async function clickTopBar(
  chart: Locator,
  categories: number,
  { gridBottom = 8, shift = 0 }: { gridBottom?: number; shift?: number } = {},
): Promise<void> {
  const box = (await chart.locator('.chart').boundingBox())!
  const band = (box.height - 12 - gridBottom) / categories
  await chart
    .locator('.chart canvas')
    .first()
    .click({ position: { x: box.width * 0.6, y: 12 + band / 2 + shift } })
}

/** The data table's first row: its label and its count. */
async function firstRow(chart: Locator): Promise<{ label: string; count: number }> {
  await chart.getByTestId('readiness-table-toggle').click()
  const table = chart.getByTestId('readiness-table')
  await expect(table).toBeVisible()
  const row = table.locator('tbody tr').first()
  const label = (await row.locator('th').innerText()).trim()
  const count = Number((await row.locator('td.number').last().innerText()).replace(/\D/g, ''))
  return { label, count }
}

test('Readiness in French then English: a figure, a data table, a bar that opens the device search', async ({
  page,
  appUrl,
}, testInfo) => {
  test.setTimeout(90_000)
  await signInAndSync(page, appUrl)
  await expect(page.getByTestId('result-count')).toHaveText('60 appareils')

  // French, light, 1280×800.
  const started = Date.now()
  await page.getByTestId('nav-readiness').click()
  const view = page.getByTestId('view-readiness')
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('État du parc')
  await expect(page).toHaveTitle('État du parc — Passcode Desk')
  await expect(view.getByTestId('readiness-figure-total').locator('dd')).toHaveText('60')
  const stale = view.getByTestId('readiness-chart-stale')
  const top = await firstRow(stale)
  expect(top.count).toBeGreaterThan(0)
  await expect(stale.getByRole('columnheader').nth(1)).toHaveText(
    'Appareils sans archivage depuis 7 jours ou plus',
  )
  await axeClean(page)
  await captureFullView(page, testInfo.outputPath('readiness-fr-light-1280.png'))
  await page.setViewportSize({ width: 800, height: 600 })
  await page.screenshot({ path: testInfo.outputPath('readiness-fr-light-800.png') })
  await page.setViewportSize({ width: 1280, height: 800 })

  // The largest "likely to wait" bar → devices where the action is possible, of that enrollment
  // kind, without a check-in for 7 days or more: exactly as many as the bar.
  await clickTopBar(stale, await stale.locator('tbody tr').count())
  await expect(page.getByTestId('view-devices')).toBeVisible()
  await expect(page.getByTestId('result-count')).toHaveText(
    `${top.count} appareil${top.count > 1 ? 's' : ''}`,
  )
  await expect(page.getByTestId('filter-verdicts')).toContainText('Action possible')
  await expect(page.getByTestId('filter-enrollmentKinds')).toContainText(top.label)
  await expect(page.getByTestId('filter-lastCheckIn')).toContainText('7')
  await expect(page.getByTestId('device-search')).toHaveValue('')

  // English, dark: the verdict chart this time.
  await openView(page, 'settings')
  await page.getByTestId('locale-en').click()
  await page.getByTestId('theme-dark').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByTestId('nav-readiness').click()
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Readiness')
  await expect(view.getByTestId('readiness-figure-total').locator('dt')).toHaveText('Devices in the cache')
  const verdicts = view.getByTestId('readiness-chart-verdict')
  const eligible = await firstRow(verdicts)
  expect(eligible.label).toBe('Action available')
  await expect(view.getByTestId('readiness-figure-eligible').locator('dd')).toContainText(
    String(eligible.count),
  )
  // One axe pass for the file (fr, light, a table open): the dark theme's colours are the app's
  // own, which views.spec.ts checks in both themes.
  await captureFullView(page, testInfo.outputPath('readiness-en-dark-1280.png'))
  await page.setViewportSize({ width: 800, height: 600 })
  await page.screenshot({ path: testInfo.outputPath('readiness-en-dark-800.png') })

  // CSV of the verdict table, in English (`,`, BOM).
  const download = page.waitForEvent('download')
  await verdicts.getByTestId('readiness-csv').click()
  const csv = readFileSync((await (await download).path())!, 'utf8')
  expect(csv).toBe(
    `\uFEFFVerdict,Devices\r\nAction available,${eligible.count}\r\n` +
      (await verdicts.locator('tbody tr').nth(1).locator('th').innerText()) +
      `,${(await verdicts.locator('tbody tr').nth(1).locator('td.number').innerText()).replace(/\D/g, '')}\r\n` +
      (await verdicts.locator('tbody tr').nth(2).locator('th').innerText()) +
      `,${(await verdicts.locator('tbody tr').nth(2).locator('td.number').innerText()).replace(/\D/g, '')}\r\n`,
  )
  // And the chart as a PNG image.
  const image = page.waitForEvent('download')
  await verdicts.getByTestId('readiness-png').click()
  const png = readFileSync((await (await image).path())!)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  await page.setViewportSize({ width: 1280, height: 800 })

  await clickTopBar(verdicts, 3)
  await expect(page.getByTestId('view-devices')).toBeVisible()
  await expect(page.getByTestId('result-count')).toHaveText(`${eligible.count} devices`)
  await expect(page.getByTestId('filter-verdicts')).toContainText('Action available')
  // Reported with the run: the journey's own time, after the shared sign-in and sync.
  process.stdout.write(`readiness journey after sign-in and sync: ${(Date.now() - started) / 1000} s\n`)
})

test('Readiness action bars open History on their actions, in French then English, mouse and keyboard', async ({
  page,
  appUrl,
}, testInfo) => {
  test.setTimeout(150_000)
  await signInAndSync(page, appUrl)
  // Two real actions through the walkthrough: one done, one failed (the demo tenant decides).
  expect(
    await runWalkthrough(page, 'Hélène Durand', 'iPhone de Hélène', 'INC-1001', /iPhone 15(?! Pro)/),
  ).toBe('done')
  expect(await runWalkthrough(page, 'François Lefèvre', 'iPhone de François', 'INC-2002', 'Lefèvre')).toBe(
    'failed',
  )

  // French, light: the failure reason's bar (one reason: the top bar) → History, failed only.
  await page.getByTestId('nav-readiness').click()
  const view = page.getByTestId('view-readiness')
  const failures = view.getByTestId('readiness-chart-failures')
  await expect(failures.getByText('Sélectionnez une barre, ou une ligne du tableau de données')).toBeVisible()
  await failures.getByTestId('readiness-table-toggle').click()
  await expect(failures.locator('tbody tr')).toHaveCount(1)
  const overTime = view.getByTestId('readiness-chart-overTime')
  await overTime.getByTestId('readiness-table-toggle').click()
  await axeClean(page)
  await captureFullView(page, testInfo.outputPath('readiness-actions-fr-light-1280.png'))
  await page.setViewportSize({ width: 800, height: 600 })
  await failures.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('readiness-actions-fr-light-800.png') })
  await page.setViewportSize({ width: 1280, height: 800 })
  await failures.getByTestId('readiness-table-toggle').click()
  await failures.scrollIntoViewIfNeeded()
  // One reason, two series (actions, devices) with a legend below (grid bottom 40 px, bars at most
  // 28 px: chartOption.ts): the first bar sits just above the band's middle.
  await clickTopBar(failures, 1, { gridBottom: 40, shift: -14 })
  await expect(page.getByTestId('history-count')).toHaveText('1 action')
  await expect(page.getByTestId('history-row')).toHaveCount(1)
  await expect(page.getByTestId('history-row')).toContainText('iPhone de François')
  await expect(page.getByTestId('history-states')).toContainText('Échec')
  // Exactly the bar's reason: Intune's error code, shown while set; one click removes only it.
  const reason = page.getByTestId('history-reason')
  await expect(reason).toHaveText(/^Motif\u00a0: Code d’erreur Intune \d+/)
  await page.screenshot({ path: testInfo.outputPath('history-reason-fr-light-1280.png') })
  await page.setViewportSize({ width: 800, height: 600 })
  await page.screenshot({ path: testInfo.outputPath('history-reason-fr-light-800.png') })
  await page.setViewportSize({ width: 1280, height: 800 })
  await axeClean(page, 'view-history')
  await reason.click()
  await expect(reason).toHaveCount(0)
  await expect(page.getByTestId('history-states')).toContainText('Échec')
  await expect(page.getByTestId('history-count')).toHaveText('1 action')

  // English, dark: today's period from the data table, by keyboard → History, both actions.
  await openView(page, 'settings')
  await page.getByTestId('locale-en').click()
  await page.getByTestId('theme-dark').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByTestId('nav-readiness').click()
  await overTime.getByTestId('readiness-table-toggle').click()
  const today = overTime.locator('tbody tr').last()
  await expect(today.locator('td.number').first()).toHaveText('1') // succeeded
  await captureFullView(page, testInfo.outputPath('readiness-actions-en-dark-1280.png'))
  await page.setViewportSize({ width: 800, height: 600 })
  await overTime.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('readiness-actions-en-dark-800.png') })
  await page.setViewportSize({ width: 1280, height: 800 })
  // Days with no action have nothing to open.
  await expect(overTime.getByTestId('readiness-open-history')).toHaveCount(1)
  const open = today.getByTestId('readiness-open-history')
  await expect(open).toHaveText('Open in History')
  await open.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('history-count')).toHaveText('2 actions')
  await expect(page.getByTestId('history-row')).toHaveCount(2)

  // English, dark: the failure reason's table row, by keyboard → History on that reason only.
  await page.getByTestId('nav-readiness').click()
  await failures.getByTestId('readiness-table-toggle').click()
  await failures.getByTestId('readiness-open-history').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('history-reason')).toHaveText(/^Reason: Intune error code \d+/)
  await expect(page.getByTestId('history-count')).toHaveText('1 action')
  await page.screenshot({ path: testInfo.outputPath('history-reason-en-dark-1280.png') })
  await page.setViewportSize({ width: 800, height: 600 })
  await page.screenshot({ path: testInfo.outputPath('history-reason-en-dark-800.png') })
  await page.setViewportSize({ width: 1280, height: 800 })
})

test('Readiness platform rows open exactly their kind and platform; the over-time table fits 800 px', async ({
  page,
  appUrl,
}, testInfo) => {
  test.setTimeout(150_000)
  await signInAndSync(page, appUrl)
  // One real action, so that the over-time chart has a data table.
  expect(
    await runWalkthrough(page, 'Hélène Durand', 'iPhone de Hélène', 'INC-3003', /iPhone 15(?! Pro)/),
  ).toBe('done')
  await page.getByTestId('nav-readiness').click()
  const view = page.getByTestId('view-readiness')
  const kinds = view.getByTestId('readiness-chart-kinds')
  await kinds.getByTestId('readiness-table-toggle').click()
  const rows = kinds.getByTestId('readiness-table').locator('tbody tr')
  // The iOS/iPadOS device enrollment kind holds iPhones (iOS) and iPads (iPadOS) in the demo tenant:
  // a row for one of them must not open the other.
  const withPlatform = rows
    .filter({ hasText: /\biOS\b/ })
    .filter({ hasText: 'Inscription' })
    .first()
  await expect(withPlatform).toBeVisible()
  const platform = (await withPlatform.locator('td').first().innerText()).trim()
  const count = Number((await withPlatform.locator('td.number').innerText()).replace(/\D/g, ''))
  expect(count).toBeGreaterThan(0)
  // Keyboard: the row's button.
  await withPlatform.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('view-devices')).toBeVisible()
  await expect(page.getByTestId('result-count')).toHaveText(`${count} appareil${count > 1 ? 's' : ''}`)
  await expect(page.getByTestId('filter-platforms')).toHaveText(new RegExp(`Plateforme\\u00a0: ${platform}`))
  await page.screenshot({ path: testInfo.outputPath('devices-platform-fr-1280.png') })
  // The chip says what it removes, and removes only the platform.
  await expect(page.getByTestId('filter-platforms')).toHaveAccessibleName(
    `Retirer le filtre de plateforme\u00a0: ${platform}`,
  )
  await page.getByTestId('filter-platforms').click()
  await expect(page.getByTestId('filter-platforms')).toHaveCount(0)
  await expect(page.getByTestId('filter-enrollmentKinds')).not.toHaveText('Inscription')

  // 800 px wide, light and dark, French and English: the over-time table's button is in view.
  for (const [lang, theme] of [
    ['fr', 'light'],
    ['en', 'dark'],
  ] as const) {
    if (lang === 'en') {
      await openView(page, 'settings')
      await page.getByTestId('locale-en').click()
      await page.getByTestId('theme-dark').click()
    }
    await page.getByTestId('nav-readiness').click()
    await page.setViewportSize({ width: 800, height: 600 })
    const overTime = view.getByTestId('readiness-chart-overTime')
    const toggle = overTime.getByTestId('readiness-table-toggle')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    const wrap = overTime.locator('.table-wrap')
    await wrap.scrollIntoViewIfNeeded()
    const overflow = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(overflow, `over-time table at 800 px (${lang})`).toBeLessThanOrEqual(0)
    await page.screenshot({ path: testInfo.outputPath(`readiness-overtime-${lang}-${theme}-800.png`) })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.screenshot({ path: testInfo.outputPath(`readiness-overtime-${lang}-${theme}-1280.png`) })
  }
  await axeClean(page)
})
