import type { Page, TestInfo } from '@playwright/test'
import { axeOnce } from './axe-once'
import { expect, test, signInAndSync } from './fixtures'
import { setTheme } from './set-theme'
import { openDeviceFromSearch } from './walkthrough-helpers'

/**
 * Blocked-case guidance and words (shared/eligibility guidance, domain §6, §9), end to end in French and English:
 * built browser host, real core, embedded demo tenant's named scenario devices
 * (electron/demo-tenant/scenarios.ts). Each changed screen is captured at 1280×800 and 800×600,
 * light and dark, and checked with axe (WCAG 2.1 AA).
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

const WORDS = {
  fr: {
    tag: 'fr-FR',
    windows: [
      /Réinitialiser le mot de passe/,
      /J’ai oublié mon code PIN/,
      /Clés de récupération/,
      /Clés BitLocker/,
    ],
    macos: [/clé de récupération personnelle/, /Obtenir la clé de récupération/],
    linux: [/support de proximité/],
    wipeTitle: 'Cet appareil va être effacé',
    wipeBy: /Demandée par priya\.shah@.+ le \d{1,2} déc\. 2026/,
    staleTitle: /^Dernier archivage /,
    stalePortal: /Portail d’entreprise/,
    raw: {
      deviceType: 'Android Entreprise, profil professionnel',
      managementAgent: 'Google Cloud DPC',
      managementState: 'Géré',
    },
    wipeState: 'Réinitialisation en attente',
    known: 'Ce qu’Intune sait de l’appareil',
  },
  en: {
    tag: 'en-US',
    windows: [/Reset password/, /I forgot my PIN/, /Recovery keys/, /BitLocker keys/],
    macos: [/personal recovery key/, /Get recovery key/],
    linux: [/desk-side support/],
    wipeTitle: 'This device is about to be erased',
    wipeBy: /Requested by priya\.shah@.+ on \w{3} \d{1,2}, 2026/,
    staleTitle: /^Last check-in /,
    stalePortal: /Company Portal/,
    raw: {
      deviceType: 'Android Enterprise, work profile',
      managementAgent: 'Google Cloud DPC',
      managementState: 'Managed',
    },
    wipeState: 'Wipe pending',
    known: 'What Intune knows about the device',
  },
} as const

/**
 * 800×600 and 1280×800, light and dark: screenshot each (the window: the app scrolls inside its frame,
 * and the changed part is scrolled into it), axe each (axe-once.ts: a DOM already scanned in that
 * theme at 800×600 is not scanned again at 1280×800).
 */
async function captureAll(
  page: Page,
  testInfo: TestInfo,
  name: string,
  show: string,
  scope?: string,
): Promise<void> {
  for (const size of [
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme)
      // The app scrolls inside its frame: bring the changed part into the picture.
      await page.getByTestId(show).scrollIntoViewIfNeeded()
      const file = testInfo.outputPath(`${name}-${size.width}x${size.height}-${theme}.png`)
      await page.screenshot({ path: file })
      await testInfo.attach(`${name}-${size.width}-${theme}`, { path: file, contentType: 'image/png' })
      const violations = await axeOnce(page).violations(
        scope ? { include: scope } : { exclude: '[data-testid="device-actions-list"]' },
      )
      expect(violations, `axe on ${name} ${size.width} ${theme}`).toEqual([])
    }
  }
  const { scanned, reused } = axeOnce(page).counts
  testInfo.annotations.push({ type: 'axe', description: `after ${name}: ${scanned} scans, ${reused} reused` })
  await page.setViewportSize({ width: 1280, height: 800 })
  await setTheme(page, 'light')
}

for (const [lang, w] of Object.entries(WORDS)) {
  test.describe(lang, () => {
    test.use({ locale: w.tag, colorScheme: 'light', viewport: { width: 1280, height: 800 } })

    test(`blocked cases name the way out (${lang})`, async ({ page, appUrl }, testInfo) => {
      test.setTimeout(180_000)
      await signInAndSync(page, appUrl)

      // Windows: SSPR, Windows Hello PIN reset, BitLocker key in Intune and Entra — not "the usual procedure".
      await openDeviceFromSearch(page, 'LAP-PAR-0142', 'LAP-PAR-0142')
      const windows = page.getByTestId('guidance-windows')
      for (const text of w.windows) await expect(windows).toContainText(text)
      await expect(page.getByTestId('device-detail')).not.toContainText(
        /procédure habituelle|usual procedure/,
      )
      await captureAll(page, testInfo, `${lang}-windows`, 'blocked-guidance')

      // macOS: a forgotten password and the FileVault personal recovery key, not a lost Mac.
      await openDeviceFromSearch(page, 'William', 'MacBook Pro de William')
      for (const text of w.macos) await expect(page.getByTestId('guidance-macos')).toContainText(text)
      await expect(page.getByTestId('device-detail')).not.toContainText(/perdu ou volé|lost or stolen/)
      await captureAll(page, testInfo, `${lang}-macos`, 'blocked-guidance')

      // Linux: a next step exists.
      await openDeviceFromSearch(page, 'ws-etienne', 'ws-etienne-ubuntu')
      for (const text of w.linux) await expect(page.getByTestId('guidance-linux')).toContainText(text)
      await captureAll(page, testInfo, `${lang}-linux`, 'blocked-guidance')

      // Wipe pending: the device is about to be erased; who asked and when, read from Intune's audits.
      await openDeviceFromSearch(page, 'tkelly', 'tkelly_AndroidForWork_8/8/2024_1:15 PM')
      await expect(page.getByTestId('guidance-wipe')).toContainText(w.wipeTitle)
      await expect(page.getByTestId('guidance-wipe-request')).toHaveText(w.wipeBy)
      await expect(page.getByTestId('property-managementState')).toHaveText(w.wipeState)
      await captureAll(page, testInfo, `${lang}-wipe`, 'blocked-guidance')

      // Not checked in for weeks: when, and what the caller can do.
      await openDeviceFromSearch(page, 'Maëlys', 'iPhone de Maëlys')
      const stale = page.getByTestId('guidance-stale')
      await expect(stale.locator('.n-alert-body__title')).toHaveText(w.staleTitle)
      await expect(stale).toContainText(w.stalePortal)
      await expect(stale).toContainText('2026')
      await captureAll(page, testInfo, `${lang}-stale`, 'blocked-guidance')
    })

    test(`Graph values in words, and step 3 shows what Intune knows apart from what to ask (${lang})`, async ({
      page,
      appUrl,
    }, testInfo) => {
      test.setTimeout(120_000)
      await signInAndSync(page, appUrl)
      await openDeviceFromSearch(page, 'Bélanger', 'zbelanger_AndroidForWork_3/4/2025_9:12 AM')
      for (const [key, text] of Object.entries(w.raw))
        await expect(page.getByTestId(`property-${key}`)).toHaveText(text)
      await expect(page.getByTestId('property-operatingSystem')).toHaveText('Android 14')
      // No internal source id (SEED-2018) on screen.
      await expect(page.getByTestId('eligibility-explanation')).not.toContainText('SEED-2018')

      // Step 3 of the walkthrough for the stale iPhone: facts from the record, questions once.
      await openDeviceFromSearch(page, 'Maëlys', 'iPhone de Maëlys')
      await page.getByTestId('start-walkthrough').click()
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'verify')
      await page.getByTestId('caller-name').locator('input').fill('Maëlys Béranger')
      await page.getByTestId('check-employeeId').click()
      await page.getByTestId('check-managerCallback').click()
      await page.getByTestId('walkthrough-next').click()
      for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check'])
        await page.getByTestId(id).click()
      await page.getByTestId('walkthrough-next').click()
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'eligibility')
      await expect(page.getByTestId('intune-knows')).toContainText(w.known)
      await expect(page.getByTestId('known-lastCheckIn')).toContainText('2026')
      await expect(page.getByTestId('guidance-stale')).toBeVisible()
      const ask = page.getByTestId('ask-caller')
      await expect(ask.locator('[data-testid^="precondition-"]')).toHaveCount(2)
      // Each question once: the precondition's long explanation is not repeated under it.
      await expect(ask.locator('.hint')).toHaveCount(0)
      await expect(page.getByTestId('intune-prerequisites')).toHaveCount(0)
      await expect(page.getByTestId('walkthrough-next')).toBeDisabled()
      for (const box of await ask.locator('[data-testid^="precondition-"]').all()) await box.click()
      await expect(page.getByTestId('walkthrough-next')).toBeEnabled()
      await captureAll(page, testInfo, `${lang}-step3-stale`, 'intune-knows', '[data-testid="walkthrough"]')
    })
  })
}
