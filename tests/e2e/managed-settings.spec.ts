import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openApp, openView, test } from './fixtures'
import { expectSoundFrame } from './layout-checks'

/**
 * Settings managed by the organisation (DESIGN §3), shown and enforced in the browser host. The
 * host reads the policy from a managed-preferences plist (PASSCODE_DESK_POLICY_FILE, parsed like
 * the macOS file an Intune preference-file payload writes). No sign-in: Settings is what matters,
 * and the demo profile stays shown so nothing but the loopback demo tenant is ever contacted.
 */
const PRESET = `<dict>
  <key>name</key><string>Contoso Helpdesk</string>
  <key>tenantId</key><string>72f988bf-86f1-41af-91ab-2d7cd011db47</string>
  <key>clientId</key><string>04b07795-8ddb-461a-bbee-02f9e1bf7b46</string>
  <key>cloud</key><string>global</string>
</dict>`
function plist(language: 'fr' | 'en'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pd-e2e-policy-')), `${language}.plist`)
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>TenantProfiles</key><array>${PRESET}</array>
  <key>AllowAddProfiles</key><false/>
  <key>TicketRequired</key><true/>
  <key>TicketPattern</key><string>^INC[0-9]{7}$</string>
  <key>HistoryRetentionDays</key><integer>90</integer>
  <key>DefaultLanguage</key><string>${language}</string>
  <key>UpdateFeedUrl</key><string>http://updates.contoso.example/</string>
  <key>Surprise</key><true/>
</dict></plist>`,
  )
  return file
}

for (const language of ['fr', 'en'] as const) {
  test.describe(`managed settings (${language})`, () => {
    test.use({ appEnv: { PASSCODE_DESK_POLICY_FILE: plist(language) } })

    test('Settings shows the organisation’s values read-only, the preset profile, no “Add”', async ({
      page,
      appUrl,
    }, testInfo) => {
      const text = {
        fr: {
          setBy: 'Défini par votre organisation',
          retention: '90 jours',
          refused: 'valeur non valide',
          linkRefused: 'Lien refusé',
        },
        en: {
          setBy: 'Set by your organisation',
          retention: '90 days',
          refused: 'invalid value',
          linkRefused: 'Link refused',
        },
      }[language]
      await openApp(page, appUrl)
      await openView(page, 'settings')
      await expect(page.locator('html')).toHaveAttribute('lang', language)

      const managed = page.getByTestId('settings-section-managed')
      await expect(managed.getByTestId('managed-row-TicketPattern')).toContainText('^INC[0-9]{7}$')
      await expect(managed.getByTestId('managed-row-HistoryRetentionDays')).toContainText(text.retention)
      await expect(managed.getByTestId('managed-retention-hint')).toBeVisible()
      await expect(managed.getByTestId('managed-row-TenantProfiles')).toContainText('Contoso Helpdesk')
      // The malformed feed (http) and the unknown name are ignored, each with a notice.
      await expect(managed.getByTestId('managed-problem-UpdateFeedUrl')).toContainText(text.refused)
      await expect(managed.getByTestId('managed-problem-Surprise')).toBeVisible()

      const preset = page.locator('[data-testid^="profile-m-"]')
      await expect(preset).toHaveCount(1)
      await expect(preset).toContainText('Contoso Helpdesk')
      await expect(preset.locator('[data-testid^="profile-managed-"]')).toHaveText(text.setBy)
      await expect(preset.locator('[data-testid^="profile-edit-"]')).toHaveCount(0)
      await expect(preset.locator('[data-testid^="profile-remove-"]')).toHaveCount(0)
      await expect(page.getByTestId('profile-demo')).toBeVisible()
      await expect(page.getByTestId('profiles-add')).toHaveCount(0)
      await expect(page.getByTestId('profiles-add-disabled')).toBeVisible()

      await expect(page.getByTestId('policy-ticket-pattern')).toContainText('^INC[0-9]{7}$')
      await expect(page.getByTestId('policy-ticket-required')).toHaveClass(/n-switch--disabled/)
      await expect(page.getByTestId('settings-locale-managed')).toHaveText(text.setBy)

      // A refused deep link says so in the managed language (no sign-in needed to refuse one).
      const origin = new URL(appUrl).origin
      await page.goto(`${origin}/#passcode-desk://device?serial=C02XK1JHJG5H&confirm=1`)
      const notice = page.getByTestId('deep-link-refused')
      await expect(notice).toContainText(text.linkRefused)
      await notice.getByRole('button').click()
      await openView(page, 'settings')

      // Both sizes and both themes across the two languages (two combinations each, to stay short).
      const combos = {
        fr: [
          [{ width: 1280, height: 800 }, 'light'],
          [{ width: 800, height: 600 }, 'dark'],
        ],
        en: [
          [{ width: 1280, height: 800 }, 'dark'],
          [{ width: 800, height: 600 }, 'light'],
        ],
      } as const
      for (const [size, scheme] of combos[language]) {
        await page.setViewportSize(size)
        await page.emulateMedia({ colorScheme: scheme })
        await expectSoundFrame(page, `settings ${size.width}x${size.height} ${scheme}`)
        const name = `managed-settings-${language}-${size.width}x${size.height}-${scheme}`
        await managed.scrollIntoViewIfNeeded()
        await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
        await page.getByTestId('settings-section-profiles').scrollIntoViewIfNeeded()
        await page.screenshot({ path: testInfo.outputPath(`${name}-profiles.png`) })
      }
    })
  })
}
