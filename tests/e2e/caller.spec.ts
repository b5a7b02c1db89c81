import type { Page, TestInfo } from '@playwright/test'
import { newAxe } from './axe'
import { expect, signInAndSync, test } from './fixtures'

/**
 * Start from the caller, and "before the click" (DESIGN intro), end to end: built browser host, real
 * core, embedded demo tenant (400 devices: Hélène Durand has five of them). The agent types what
 * the caller says — a phone number read out the French way, or an e-mail — sees the person card
 * with every device of hers, most recently checked in first, opens one, reads what could make the
 * action fail, and starts the walkthrough with Hélène already filled in as the caller; its
 * eligibility step lists the same causes before the script (screenshots and axe in both languages).
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '400' } })

const LOCALES = [
  {
    tag: 'fr-FR',
    lang: 'fr',
    query: '06 95 52 41 84',
    ask: /5\u00a0appareils dans le cache\. Demandez à la personne qui appelle lequel est verrouillé\./,
    checkIn: /^Dernier archivage\u00a0: /,
    causesTitle: 'Avant l’envoi',
    stale: /Dernier archivage il y a \d+ mois\u00a0: l’appareil est peut-être éteint/,
    audit:
      /Les journaux d’audit d’Intune contiennent \d+\u00a0demandes? de code secret qui (n’a|n’ont) pas abouti depuis le .+ sur d’autres appareils permettant cette action \(la dernière le .+, résultat «\u00a0Failure\u00a0»\)\.$/,
    shots: true,
  },
  {
    tag: 'en-US',
    lang: 'en',
    query: 'helene.durand@contoso-demo.example',
    ask: /5 devices in the cache\. Ask the caller which one is locked\./,
    checkIn: /^Last check-in: /,
    causesTitle: 'Before you send it',
    stale: /Last check-in \d+ months ago: the device may be off/,
    audit:
      /Intune's audit logs hold \d+ passcode requests? that did not succeed since .+ on other devices allowing this action \(last on .+, result “Failure”\)\.$/,
    shots: false,
  },
] as const

/** Naive UI fades colours (0.3 s): axe must measure the settled theme. */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' })
}

async function axe(page: Page, scope: string, what: string): Promise<void> {
  const results = await newAxe(page)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include(scope)
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([])
}

/** Screenshots at 1280×800 and 800×600, light and dark; axe in both themes (contrast differs). */
async function look(page: Page, testInfo: TestInfo, name: string, scope: string): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 800, height: 600 },
  ]) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme)
      await page.locator(scope).scrollIntoViewIfNeeded()
      const file = testInfo.outputPath(`${name}-${size.width}x${size.height}-${theme}.png`)
      await page.screenshot({ path: file })
      await testInfo.attach(`${name}-${size.width}-${theme}`, { path: file, contentType: 'image/png' })
      if (size.width === 1280) await axe(page, scope, `axe on ${name} ${theme}`)
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await setTheme(page, 'light')
}

for (const locale of LOCALES) {
  test.describe(locale.lang, () => {
    test.use({ locale: locale.tag, colorScheme: 'light', viewport: { width: 1280, height: 800 } })

    test(`the caller's devices, what could fail, the caller carried into the walkthrough (${locale.lang})`, async ({
      page,
      appUrl,
    }, testInfo) => {
      // Two looks (four shots, two axe passes each) and a walkthrough on a loaded 2-core machine.
      test.setTimeout(180_000)
      await signInAndSync(page, appUrl)
      // Where the first result row sits with no card (empty box: no person lookup at all).
      const firstRow = page.getByTestId('device-row').first()
      await expect(firstRow).toBeVisible()
      const rowBefore = (await firstRow.boundingBox())!
      await page.getByTestId('device-search').fill(locale.query)

      const card = page.getByTestId('person-card')
      await expect(card).toHaveCount(1)
      // The card arrives after the rows (its own lookup): it docks under the list, so the row the
      // agent may be clicking stays where it was (above, it pushed the rows down under the pointer).
      const rowAfter = (await firstRow.boundingBox())!
      expect(rowAfter.y, 'the first row does not move when the person card appears').toBe(rowBefore.y)
      const list = (await page.getByTestId('device-results').boundingBox())!
      expect((await card.boundingBox())!.y).toBeGreaterThanOrEqual(list.y + list.height)
      await expect(card.getByTestId('person-name')).toHaveText('Hélène Durand')
      await expect(card).toContainText('helene.durand@contoso-demo.example')
      await expect(card.getByTestId('person-ask')).toHaveText(locale.ask)
      const devices = card.getByTestId('person-device')
      await expect(devices).toHaveCount(5)
      await expect(devices.first().getByTestId('person-device-checkin')).toHaveText(locale.checkIn)
      // Most recently checked in first (never checked in last).
      const times = await devices.evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute('data-last-check-in') || '0'),
      )
      expect(times.length).toBe(5)
      expect(times).toEqual([...times].sort().reverse())
      if (locale.shots) await look(page, testInfo, 'person-card', '[data-testid="person-card"]')
      else await axe(page, '[data-testid="person-card"]', 'axe on the person card')

      // The least recently active device that allows an action (months without a check-in) opens
      // its page with the caller.
      const target = devices.filter({ has: page.locator('[data-verdict="eligible"]') }).last()
      const deviceId = await target.getAttribute('data-device-id')
      await target.click()
      await expect(page).toHaveURL(new RegExp(`#/devices/${encodeURIComponent(deviceId!)}\\?caller=`))

      const causes = page.getByTestId('failure-causes')
      await expect(causes.getByRole('heading', { name: locale.causesTitle })).toBeVisible()
      // A fresh history has no earlier failure: what is left is the check-in age and the policy.
      await expect(causes.locator('[data-kind="staleCheckIn"]')).toContainText(locale.stale)
      await expect(causes.locator('[data-kind="policyNotKnown"]')).toHaveCount(1)
      await expect(causes.locator('[data-kind="failedOnDevice"]')).toHaveCount(0)
      // Intune's audit log (the demo tenant keeps earlier failed requests on a removal and a reset
      // device): the tenant's failures of this device's action, quoted with Intune's result.
      const audit = causes.locator('[data-kind="auditFailedInTenant"]')
      await expect(audit).toHaveCount(1)
      await expect(audit.locator('span').first()).toHaveText(locale.audit)
      await expect(causes.locator('[data-kind="auditNotRead"]')).toHaveCount(0)
      await expect(causes.getByTestId('failure-asks').locator('li').first()).toHaveAttribute(
        'data-ask',
        'lastUsed',
      )
      if (locale.shots) await look(page, testInfo, 'failure-causes', '[data-testid="failure-causes"]')
      else await axe(page, '[data-testid="failure-causes"]', 'axe on the failure causes')

      const kinds = await causes
        .getByTestId('failure-cause')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))
      const asks = await causes
        .getByTestId('failure-asks')
        .locator('li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-ask')))

      await page.getByTestId('start-walkthrough').click()
      await expect(page.getByTestId('caller-name').locator('input')).toHaveValue('Hélène Durand')

      // The walkthrough shows the same causes and questions at its eligibility step, before the
      // script (what the agent tells the caller) and before anything is sent.
      const walkthrough = page.getByTestId('walkthrough')
      await page.getByTestId('check-employeeId').click()
      await page.getByTestId('check-managerCallback').click()
      await page.getByTestId('walkthrough-next').click()
      await expect(walkthrough).toHaveAttribute('data-step', 'device')
      for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check'])
        await page.getByTestId(id).click()
      await page.getByTestId('walkthrough-next').click()
      await expect(walkthrough).toHaveAttribute('data-step', 'eligibility')
      const stepCauses = walkthrough.getByTestId('failure-causes')
      await expect(stepCauses.getByRole('heading', { name: locale.causesTitle, level: 3 })).toBeVisible()
      await expect(stepCauses.locator('[data-kind="staleCheckIn"]')).toContainText(locale.stale)
      await expect(stepCauses.locator('[data-kind="auditFailedInTenant"] > span')).toHaveText(locale.audit)
      await expect
        .poll(() =>
          stepCauses
            .getByTestId('failure-cause')
            .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind'))),
        )
        .toEqual(kinds)
      await expect
        .poll(() =>
          stepCauses
            .getByTestId('failure-asks')
            .locator('li')
            .evaluateAll((items) => items.map((i) => i.getAttribute('data-ask'))),
        )
        .toEqual(asks)
      await look(
        page,
        testInfo,
        `walkthrough-causes-${locale.lang}`,
        '[data-testid="walkthrough"] [data-testid="failure-causes"]',
      )
    })
  })
}
