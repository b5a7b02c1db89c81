import { expect, test } from './fixtures'

// Opening the server address without the printed `#k=…` link: the bridge refuses it by design,
// and the page says how to get in instead of showing an empty app.
for (const { tag, title } of [
  { tag: 'fr-FR', title: 'Ouvrez Passcode Desk depuis son lien' },
  { tag: 'en-US', title: 'Open Passcode Desk from its link' },
]) {
  test.describe(tag, () => {
    test.use({ locale: tag })

    test(`a page opened without the launch secret explains how to open the app (${tag})`, async ({
      page,
      app,
    }, testInfo) => {
      await page.goto(`${app.origin}/`)
      const notice = page.getByTestId('launch-link-required')
      await expect(notice).toBeVisible()
      await expect(notice.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(page.getByTestId('view-devices')).toHaveCount(0)
      await page.screenshot({ path: testInfo.outputPath(`launch-link-${tag}.png`), fullPage: true })
    })
  })
}

test('the same page opened from the printed link works', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('launch-link-required')).toHaveCount(0)
})
