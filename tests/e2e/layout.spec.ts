import type { Page, TestInfo } from '@playwright/test'
import { newAxe } from './axe'
import { expect, test, signInAndSync } from './fixtures'
import {
  SIZES,
  clippedTexts,
  expectInView,
  expectSoundFrame,
  lineCount,
  wholeRowsShown,
  type Size,
} from './layout-checks'
import { setTheme } from './set-theme'

/**
 * Small windows (DESIGN §1, agents keep the app beside their ticketing tool): every screen at 800×600,
 * 1024×700 and 1280×800, light and dark, French and English. Each shot comes with layout facts that
 * fail when the layout breaks — nothing overflows sideways, the verdict is on screen, the device title
 * wraps by words, the stepper is whole, the status bar stays below the content — and, at 800×600,
 * an axe scan (WCAG 2.1 AA, serious/critical) of the compact layouts.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

const WP_DEVICE = 'zbelanger_AndroidForWork_3/4/2025_9:12 AM'
const THEMES = ['light', 'dark'] as const

async function axeClean(page: Page, what: string): Promise<void> {
  const results = await newAxe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect.soft(blocking, `axe ${what}`).toEqual([])
}

/**
 * Runs `check` for one screen at every size and theme, and keeps a screenshot of the window (not the
 * full page: what matters is what fits in it).
 */
async function everySize(
  page: Page,
  testInfo: TestInfo,
  lang: string,
  screen: string,
  check: (size: Size, what: string) => Promise<void>,
): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const theme of THEMES) {
      await setTheme(page, theme)
      const what = `${screen} ${size.width}×${size.height} ${lang} ${theme}`
      await expectSoundFrame(page, what)
      await check(size, what)
      if (size.width === 800) await axeClean(page, what)
      const file = testInfo.outputPath(`${screen}-${size.width}x${size.height}-${lang}-${theme}.png`)
      await page.screenshot({ path: file })
    }
  }
}

for (const { tag, lang } of [
  { tag: 'fr-FR', lang: 'fr' },
  { tag: 'en-US', lang: 'en' },
] as const) {
  test.describe(lang, () => {
    test.use({ locale: tag })

    test(`every screen at 800×600, 1024×700 and 1280×800, light and dark (${lang})`, async ({
      page,
      appUrl,
    }, testInfo) => {
      test.setTimeout(240_000)
      await signInAndSync(page, appUrl)

      // Devices: several whole rows, each with its verdict on screen and its enrollment readable.
      await everySize(page, testInfo, lang, 'devices', async (size, what) => {
        expect
          .soft(await wholeRowsShown(page), `${what}: whole result rows`)
          .toBeGreaterThanOrEqual(size.height <= 600 ? 4 : 6)
        const rows = await page.getByTestId('device-row').count()
        for (let i = 0; i < Math.min(rows, 4); i++)
          await expectInView(
            page,
            `[data-testid="device-row"]:nth-child(${i + 1}) [data-testid="eligibility-badge"]`,
            `${what}: verdict of row ${i + 1}`,
          )
        expect
          .soft(await clippedTexts(page, '[data-testid="row-enrollment"]'), `${what}: enrollment cut`)
          .toEqual([])
      })

      // Device detail of the work-profile phone with the long name.
      await page.getByTestId('device-search').fill('Bélanger')
      await page.getByTestId('device-row').filter({ hasText: WP_DEVICE }).first().click()
      await expect(page.getByTestId('device-name')).toHaveText(WP_DEVICE)
      await everySize(page, testInfo, lang, 'device', async (_size, what) => {
        expect
          .soft(await lineCount(page, '[data-testid="device-name"]'), `${what}: title lines`)
          .toBeLessThanOrEqual(2)
        await expectInView(
          page,
          '[data-testid="device-detail"] [data-testid="eligibility-badge"]',
          `${what}: verdict`,
        )
        await expectInView(page, '[data-testid="start-walkthrough"]', `${what}: start button`)
        expect.soft(await clippedTexts(page, '[data-testid="device-name"]'), `${what}: title cut`).toEqual([])
      })

      // Walkthrough: step 1, step 3 and step 5 (the stepper at its widest and its narrowest).
      await page.getByTestId('start-walkthrough').click()
      const walkthroughChecks = async (what: string) => {
        expect
          .soft(
            await clippedTexts(
              page,
              '.steps .n-step-content-header__title, [data-testid="compact-steps-label"]',
            ),
            `${what}: stepper cut`,
          )
          .toEqual([])
        await expectInView(page, '[data-testid="walkthrough-next"]', `${what}: primary button`)
        expect
          .soft(await lineCount(page, '[data-testid="walkthrough-device"]'), `${what}: device line`)
          .toBeLessThanOrEqual(2)
      }
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'verify')
      await everySize(page, testInfo, lang, 'walkthrough-1', (_s, what) => walkthroughChecks(what))
      await page.getByTestId('check-employeeId').click()
      await page.getByTestId('walkthrough-next').click()
      for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check'])
        await page.getByTestId(id).click()
      await page.getByTestId('walkthrough-next').click()
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'eligibility')
      await everySize(page, testInfo, lang, 'walkthrough-3', (_s, what) => walkthroughChecks(what))
      const preconditions = page.locator('[data-testid^="precondition-"]')
      for (let i = 0; i < (await preconditions.count()); i++) await preconditions.nth(i).click()
      await page.getByTestId('walkthrough-next').click()
      await page.getByTestId('script-read').click()
      await page.getByTestId('walkthrough-next').click()
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'confirm')
      await page.getByTestId('ticket-reference').locator('input').fill('INC-4242')
      await everySize(page, testInfo, lang, 'walkthrough-5', (_s, what) => walkthroughChecks(what))
      await page.getByTestId('walkthrough-next').click()
      await expect(page.getByTestId('action-status').getByTestId('action-state')).toHaveAttribute(
        'data-state',
        'done',
        { timeout: 20_000 },
      )

      // History: the device name is whole in its column.
      await page.getByTestId('nav-history').click()
      await expect(page.getByTestId('history-row')).toHaveCount(1)
      await everySize(page, testInfo, lang, 'history', async (_s, what) => {
        expect
          .soft(
            await clippedTexts(
              page,
              '[data-testid="history-row"] td[data-col-key="deviceName"] .n-ellipsis, [data-testid="history-row"] td[data-col-key="deviceName"] [data-testid="history-device-name"]',
            ),
            `${what}: device cut`,
          )
          .toEqual([])
        await expectInView(page, '[data-testid="history-row"] td[data-col-key="state"]', `${what}: state`)
      })

      await page.getByTestId('nav-settings').click()
      await expect(page.getByTestId('about-version')).toBeVisible()
      await everySize(page, testInfo, lang, 'settings', async (_s, what) => {
        for (const id of ['locale-en', 'theme-dark'])
          await expectInView(page, `[data-testid="${id}"]`, `${what}: ${id}`)
      })
    })
  })
}
