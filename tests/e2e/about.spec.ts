import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, openApp, openView, test } from './fixtures'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string
}

// The host runs with this machine's Node and a Canadian-French OS locale given through the env,
// so every value About shows can be checked against what it must be.
test.use({ appEnv: { LANG: 'fr_CA.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, locale: 'en-US' })

test('Settings → About shows exactly what core returned for app:info', async ({ page, app, appUrl }) => {
  await openApp(page, appUrl)
  await openView(page, 'settings')
  const about = page.getByTestId('settings-section-about')
  await expect(about.getByRole('heading', { name: 'About' })).toBeVisible()

  await expect(about.getByTestId('about-version')).toHaveText(pkg.version)
  await expect(about.getByTestId('about-host-kind')).toHaveAttribute('data-value', 'browser')
  await expect(about.getByTestId('about-host-kind')).toHaveText('Browser (local web host)')
  await expect(about.getByTestId('about-data-dir')).toHaveText(app.dataDir)
  await expect(about.getByTestId('about-os-locale')).toHaveAttribute('data-value', 'fr-CA')
  await expect(about.getByTestId('about-os-locale')).toHaveText('Canadian French (fr-CA)')
  await expect(about.getByTestId('about-platform')).toHaveAttribute('data-value', process.platform)
  await expect(about.getByTestId('about-runtime')).toHaveText(`Node.js ${process.versions.node}`)
  await expect(page.getByTestId('status-version')).toHaveText(`v${pkg.version}`)
})
