import { type Page } from '@playwright/test'
import { newAxe } from './axe'
import { expect, openApp, openView, test, type ViewName } from './fixtures'

/**
 * Every view, in both languages and both themes: no serious or critical accessibility violation
 * (axe, WCAG 2.1 A/AA), and a full-page screenshot under the Playwright output folder for review.
 */
/**
 * The frame fills the window and scrolls inside its main area, so a plain full-page screenshot
 * would stop at the window's edge: let the frame grow for the shot, then put it back.
 */
async function captureFullView(page: Page, path: string): Promise<void> {
  await page.addStyleTag({
    content:
      '.app-frame { height: auto !important; min-height: 100vh; } .app-frame .content { overflow: visible !important; }',
  })
  await page.screenshot({ path, fullPage: true })
  await page.evaluate('document.head.lastElementChild.remove()')
}

const VIEWS: readonly ViewName[] = ['devices', 'history', 'settings']
const LOCALES = [
  { tag: 'fr-FR', lang: 'fr' },
  { tag: 'en-US', lang: 'en' },
] as const
const THEMES = ['light', 'dark'] as const

for (const { tag, lang } of LOCALES) {
  for (const theme of THEMES) {
    test.describe(`${lang} ${theme}`, () => {
      test.use({ locale: tag, colorScheme: theme })

      test(`every view passes axe and is captured (${lang}, ${theme})`, async ({
        page,
        appUrl,
      }, testInfo) => {
        await openApp(page, appUrl)
        await expect(page.locator('html')).toHaveAttribute('lang', lang)
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        for (const view of VIEWS) {
          await openView(page, view)
          if (view === 'settings') await expect(page.getByTestId('about-version')).toBeVisible()
          const results = await newAxe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
          const blocking = results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => ({
              id: violation.id,
              impact: violation.impact,
              nodes: violation.nodes.map((node) => node.target.join(' ')),
            }))
          // Soft: keep going so every view is still captured and every violation reported at once.
          expect.soft(blocking, `${view} (${lang}, ${theme})`).toEqual([])
          await captureFullView(page, testInfo.outputPath(`${view}-${lang}-${theme}.png`))
        }
      })
    })
  }
}
