import { readFileSync } from 'node:fs'
import { newAxe } from './axe'
import { expect, test, signInAndSync } from './fixtures'
import { runWalkthrough } from './walkthrough-helpers'

/**
 * History in French (DESIGN §1, domain §3): two actions issued through the walkthrough (one done, one failed), the
 * filters, and the CSV export with `;`, French dates, a BOM — and no passcode.
 */
test.use({
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
  appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' },
})

test('filters and French CSV export', async ({ page, appUrl }, testInfo) => {
  test.setTimeout(120_000)
  await signInAndSync(page, appUrl)
  expect(
    await runWalkthrough(page, 'Hélène Durand', 'iPhone de Hélène', 'INC-1001', /iPhone 15(?! Pro)/),
  ).toBe('done')
  expect(await runWalkthrough(page, 'François Lefèvre', 'iPhone de François', 'INC-2002', 'Lefèvre')).toBe(
    'failed',
  )
  // The failed removal explains Microsoft's guidance (wipe) in French.
  await expect(page.getByTestId('failure-guidance')).toContainText('effacement')
  await page.screenshot({ path: testInfo.outputPath('ios-failed-fr.png'), fullPage: true })

  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-count')).toHaveText('2 actions')
  await expect(page.getByTestId('history-row')).toHaveCount(2)

  // State filter: "Échec" only.
  await page.getByTestId('history-states').click()
  await page.locator('.n-base-select-option', { hasText: /^Échec$/ }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('history-count')).toHaveText('1 action')
  await expect(page.getByTestId('history-row')).toContainText('iPhone de François')
  await page.screenshot({ path: testInfo.outputPath('history-filtered-fr.png'), fullPage: true })
  const axe = await newAxe(page)
    .include('[data-testid="view-history"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  await page.getByTestId('history-states').hover()
  await page.getByTestId('history-states').locator('.n-base-clear').click()
  await expect(page.getByTestId('history-count')).toHaveText('2 actions')

  // Ticket, device and agent filters (substring, case-insensitive).
  await page.getByTestId('history-ticket').locator('input').fill('inc-10')
  await expect(page.getByTestId('history-count')).toHaveText('1 action')
  await expect(page.getByTestId('history-row')).toContainText('iPhone de Hélène')
  await page.getByTestId('history-ticket').locator('input').fill('')
  await page.getByTestId('history-device').locator('input').fill('françois')
  await expect(page.getByTestId('history-count')).toHaveText('1 action')
  await page.getByTestId('history-device').locator('input').fill('')
  await page.getByTestId('history-agent').locator('input').fill('samuel')
  await expect(page.getByTestId('history-count')).toHaveText('Aucune action')
  await page.getByTestId('history-agent').locator('input').fill('élodie')
  await expect(page.getByTestId('history-count')).toHaveText('2 actions')

  // Export: French CSV, downloaded through the browser.
  const download = page.waitForEvent('download')
  await page.getByTestId('history-export').click()
  const file = await (await download).path()
  const csv = readFileSync(file!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const lines = csv.slice(1).trim().split('\r\n')
  expect(lines[0]).toBe(
    'Date;État;Action;Appareil;Numéro de série;Utilisateur;Personne qui appelle;Agent;Ticket;Vérifications;Code secret temporaire émis;Code d’erreur Intune;Note de clôture;ID de requête Intune;ID de requête client',
  )
  expect(lines).toHaveLength(3)
  expect(lines[1]).toMatch(
    /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};Échec;Supprimer le code secret;iPhone de François;/,
  )
  expect(lines[2]).toMatch(/;Terminée;Supprimer le code secret;iPhone de Hélène;/)
})
