import type { Page } from '@playwright/test'
import { newAxe } from './axe'
import { expect, test, signInAndSync } from './fixtures'

/**
 * The command palette (Ctrl+K), keyboard only, in French then English in one session (one sign-in
 * and sync for the file): find a device without its accents, open it, start the walkthrough (which
 * only opens step 1: the demo tenant receives no action POST), open History already filtered, jump
 * to a Settings section, copy a serial; Escape returns the focus where it was; combobox/listbox
 * roles, and axe clean with the palette open; screenshots at 800×600 and 1280×800, light and dark.
 */
test.use({
  locale: 'fr-FR',
  viewport: { width: 1280, height: 800 },
  appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' },
})

/** Action POSTs the demo tenant received (resetPasscode and the like), from its request log. */
async function actionPosts(page: Page, tenant: string): Promise<number> {
  const response = await page.request.get(`${tenant}/_demo/requests`)
  const { requests } = (await response.json()) as { requests: { method: string; path: string }[] }
  return requests.filter((r) => r.method === 'POST' && /\/managedDevices\/[^/]+\/\w+/.test(r.path)).length
}

const palette = (page: Page) => page.getByTestId('command-palette')
const input = (page: Page) => page.getByTestId('palette-input')

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k')
  await expect(input(page)).toBeFocused()
}

/** Types into the palette, then moves with the arrows to the first option matching `text` and runs it. */
async function choose(page: Page, typed: string, option: RegExp | string, detail?: RegExp): Promise<void> {
  await test.step(`palette: ${typed}`, () => chooseSteps(page, typed, option, detail))
}

async function chooseSteps(
  page: Page,
  typed: string,
  option: RegExp | string,
  detail?: RegExp,
): Promise<void> {
  await openPalette(page)
  await page.keyboard.type(typed)
  // Core's answer for the text is in (the count is announced once it is).
  await expect(page.getByTestId('palette-count')).toHaveText(/\d|^(No|Aucun)/)
  const options = palette(page).getByRole('option')
  let target = options.filter({ hasText: option })
  if (detail) target = target.filter({ hasText: detail })
  await expect(target.first()).toBeVisible()
  const wantedId = await target.first().getAttribute('id')
  const ids = await options.evaluateAll((els) => els.map((e) => e.id))
  // The best match leads (the devices that arrived after the commands did not move the choice).
  await expect(input(page)).toHaveAttribute('aria-activedescendant', ids[0]!)
  for (let i = 0; i < ids.indexOf(wantedId!); i++) await page.keyboard.press('ArrowDown')
  await expect(input(page)).toHaveAttribute('aria-activedescendant', wantedId!)
  await page.keyboard.press('Enter')
  await expect(palette(page)).toBeHidden()
}

/** Screenshots with the palette open: every size and theme once (French), two more in English. */
async function shoot(page: Page, name: string, all: boolean): Promise<void> {
  await test.step(`screenshots ${name}`, () => shootAll(page, name, all))
}

async function shootAll(page: Page, name: string, all: boolean): Promise<void> {
  const sizes = [
    [1280, 800, 'light'],
    [1280, 800, 'dark'],
    [800, 600, 'light'],
    [800, 600, 'dark'],
  ] as const
  for (const [w, h, scheme] of sizes.filter((_, i) => all || i === 0 || i === 3)) {
    await page.setViewportSize({ width: w, height: h })
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    await page.screenshot({ path: test.info().outputPath(`${name}-${w}x${h}-${scheme}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.emulateMedia({ colorScheme: 'light' })
}

test('command palette: find, open, walkthrough, filtered History, settings — French then English', async ({
  page,
  context,
  appUrl,
}) => {
  test.setTimeout(90_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const tenant = await test.step('sign in and sync', () => signInAndSync(page, appUrl))

  // French. The palette opens on its commands, as a combobox over a listbox.
  await page.getByTestId('device-search').focus()
  await openPalette(page)
  await expect(input(page)).toHaveAttribute('role', 'combobox')
  await expect(input(page)).toHaveAttribute('aria-controls', 'palette-listbox')
  await expect(palette(page).getByRole('listbox')).toBeVisible()
  await expect(palette(page).getByRole('option').first()).toHaveText(/Historique\u00a0: actions en échec/)
  await page.keyboard.type('helene')
  await expect(page.getByTestId('palette-count')).toHaveText(/^\d+ résultats?$/)
  await expect(palette(page).getByRole('group', { name: 'Appareils' })).toContainText('iPhone de Hélène')
  await expect(palette(page).getByRole('group', { name: 'Personnes' })).toContainText('Hélène Durand')
  const axe = await newAxe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  await shoot(page, 'palette-fr', true)
  // Escape closes it and the focus is back in the search box it was opened from.
  await page.keyboard.press('Escape')
  await expect(palette(page)).toBeHidden()
  await expect(page.getByTestId('device-search')).toBeFocused()

  // Find a device (typed without accents), open it, start its walkthrough: step 1, nothing sent.
  await choose(page, 'helene', 'iPhone de Hélène', /iPhone 15 ·/)
  await expect(page.getByTestId('device-detail')).toContainText('iPhone de Hélène')
  await choose(page, 'procedure', 'Démarrer la procédure pas à pas')
  await expect(page.getByTestId('walkthrough')).toBeVisible()
  await expect(page.getByTestId('walkthrough-device')).toContainText('iPhone de Hélène')
  expect(await actionPosts(page, tenant)).toBe(0)

  // History already filtered: failed actions.
  await choose(page, 'echec', /Historique\u00a0: actions en échec/)
  await expect(page.getByTestId('view-history')).toBeVisible()
  await expect(page.getByTestId('history-states')).toContainText('Échec')
  await expect(page.getByTestId('history-count')).toHaveText('Aucune action')

  // A Settings section, focused, then English.
  await choose(page, 'apparence', /Paramètres\u00a0: Apparence/)
  await expect(page.locator('#settings-appearance-title')).toBeFocused()
  await page.getByTestId('locale-en').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // English: a device by a person's name, copy its serial, History of this device.
  await choose(page, 'francois lefevre', 'iPhone de François', /Lefèvre/)
  await expect(page.getByTestId('device-detail')).toContainText('iPhone de François')
  await openPalette(page)
  await expect(palette(page).getByRole('group', { name: 'This device' })).toBeVisible()
  await page.keyboard.press('Escape')
  await choose(page, 'cpy serial', 'Copy the serial number')
  await expect(page.getByText('Serial number copied.')).toBeVisible()
  const serial = await page.evaluate(() => navigator.clipboard.readText())
  await expect(page.getByTestId('device-detail')).toContainText(serial)
  await choose(page, 'walkthrough', 'Start the walkthrough')
  await expect(page.getByTestId('walkthrough-device')).toContainText('iPhone de François')
  expect(await actionPosts(page, tenant)).toBe(0)
  await choose(page, 'hist fail', 'History: failed actions')
  await expect(page.getByTestId('history-states')).toContainText('Failed')
  await openPalette(page)
  await page.keyboard.type('zzqx')
  await expect(page.getByTestId('palette-count')).toHaveText('1 result')
  await expect(palette(page).getByRole('option')).toHaveText('History: device “zzqx”')
  await shoot(page, 'palette-en', false)
})
