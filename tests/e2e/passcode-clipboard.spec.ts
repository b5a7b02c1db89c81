import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { newAxe } from './axe'
import { expect, openApp, test, signInAgent } from './fixtures'
import { actionState, openDeviceFromSearch, walkThroughToSend } from './walkthrough-helpers'

/**
 * The temporary passcode does not outlive its 60 s on screen (DESIGN §4): revealed → copied →
 * auto-hidden → the clipboard no longer holds it, said on screen; dictation help in the agent's
 * language (French spelling alphabet / ICAO). The page clock is fast-forwarded past the countdown
 * (Playwright clock), everything else is real: browser host, demo tenant, Chromium's clipboard.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

const WP_DEVICE = 'zbelanger_AndroidForWork_3/4/2025_9:12 AM'

async function toPasscode(page: Page, appUrl: string, agent: string): Promise<void> {
  await page.clock.install()
  await openApp(page, appUrl)
  await signInAgent(page, agent)
  await page.getByTestId('empty-sync-now').click()
  await expect(page.getByTestId('device-row').first()).toBeVisible({ timeout: 30_000 })
  await openDeviceFromSearch(page, 'zoe belanger', WP_DEVICE)
  // The caller box holds the directory's spelling of the device user, not the typed "zoe belanger".
  await walkThroughToSend(page, {
    caller: { prefilled: 'Zoé Bélanger' },
    verdict: 'eligible',
    ticket: 'INC-31000',
  })
  await expect(actionState(page)).toHaveAttribute('data-state', 'done', { timeout: 20_000 })
}

/** Every byte the app wrote under its data folder (SQLite, WAL, logs, settings). */
function dataDirText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((p) => (statSync(p).isDirectory() ? dataDirText(p) : readFileSync(p).toString('latin1')))
    .join('\n')
}

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [800, 600],
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    const file = testInfo.outputPath(`${name}-${w}x${h}.png`)
    await page.screenshot({ path: file, fullPage: true })
    await testInfo.attach(`${name}-${w}x${h}`, { path: file, contentType: 'image/png' })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

async function axeClean(page: Page): Promise<void> {
  const results = await newAxe(page)
    .include('[data-testid="walkthrough"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

test.describe('French', () => {
  test.use({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })

  test('copié → masqué au bout de 60 s → presse-papiers vidé ; épellation « comme Anatole »', async ({
    page,
    app,
    appUrl,
    context,
  }, testInfo) => {
    test.setTimeout(120_000)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await toPasscode(page, appUrl, 'Élodie Marchand')
    await page.getByTestId('passcode-reveal').click()
    const value = (await page.getByTestId('passcode-value').innerText()).replace(/\s+/g, '')
    expect(value).toMatch(/^[a-z0-9]{8}$/)

    // Dictation help: two groups of four, a French spelling word under every letter, the keypad warning.
    await expect(page.getByTestId('passcode-dictation-group')).toHaveCount(2)
    const words = await page.getByTestId('passcode-dictation-word').allInnerTexts()
    expect(words).toHaveLength(8)
    const FR =
      'Anatole Berthe Célestin Désiré Eugène François Gaston Henri Irma Joseph Kléber Louis Marcel Nicolas Oscar Pierre Quintal Raoul Suzanne Thérèse Ursule Victor William Xavier Yvonne Zoé'.split(
        ' ',
      )
    const DIGITS = 'zéro un deux trois quatre cinq six sept huit neuf'.split(' ')
    expect(words).toEqual(
      [...value].map((c) => (/\d/.test(c) ? DIGITS[+c]! : `comme ${FR[c.charCodeAt(0) - 97]}`)),
    )
    if (/[a-z]/.test(value)) {
      await expect(page.getByTestId('passcode-letters-warning')).toContainText('clavier complet')
      await expect(page.getByTestId('passcode-letter-case')).toHaveText(
        'Toutes les lettres sont en minuscules.',
      )
    }

    // Copied, then the agent copies a ticket number: hiding leaves the ticket number alone.
    await page.getByTestId('passcode-copy').click()
    await page.evaluate(() => navigator.clipboard.writeText('INC-31000'))
    await page.getByTestId('passcode-hide').click()
    await expect(page.getByTestId('passcode-clipboard')).toHaveAttribute('data-notice', 'changed')
    expect(await clipboardText(page)).toBe('INC-31000')

    // Shown again, copied, and left: 60 s later it hides itself and the clipboard is emptied with it.
    await page.getByTestId('passcode-reveal').click()
    await page.getByTestId('passcode-copy').click()
    await expect(page.getByTestId('passcode-clipboard')).toHaveAttribute('data-notice', 'copied')
    await expect(page.getByTestId('passcode-clipboard')).toContainText(
      'sera vidé quand le code secret sera masqué',
    )
    expect(await clipboardText(page)).toBe(value)
    await shoot(page, testInfo, 'passcode-fr-light')
    await axeClean(page)

    await page.clock.fastForward('01:01')
    await expect(page.getByTestId('passcode-value')).toHaveCount(0)
    await expect(page.getByTestId('passcode-clipboard')).toHaveAttribute('data-notice', 'cleared')
    await expect(page.getByTestId('passcode-clipboard')).toHaveText(
      'Le code secret a été effacé du presse-papiers.',
    )
    expect(await clipboardText(page)).toBe('')
    await shoot(page, testInfo, 'passcode-cleared-fr-light')

    expect(await page.content()).not.toContain(value)
    // Copying and clearing left no trace of it on disk (database, WAL, logs).
    const disk = dataDirText(app.dataDir)
    expect(disk).toContain('INC-31000')
    expect(disk.includes(value)).toBe(false)
  })
})

test.describe('English', () => {
  test.use({ locale: 'en-US', colorScheme: 'dark' })

  test('copied → auto-hidden → cleared unchecked when the browser may not read the clipboard; ICAO spelling', async ({
    page,
    appUrl,
    context,
  }, testInfo) => {
    test.setTimeout(120_000)
    // Writing is allowed (a click), reading is not granted: the app must not leave the passcode.
    await context.grantPermissions(['clipboard-write'])
    await toPasscode(page, appUrl, 'Élodie Marchand')
    await page.getByTestId('passcode-reveal').click()
    const value = (await page.getByTestId('passcode-value').innerText()).replace(/\s+/g, '')
    const ICAO =
      'Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu'.split(
        ' ',
      )
    const DIGITS = 'zero one two three four five six seven eight nine'.split(' ')
    expect(await page.getByTestId('passcode-dictation-word').allInnerTexts()).toEqual(
      [...value].map((c) => (/\d/.test(c) ? DIGITS[+c]! : `as in ${ICAO[c.charCodeAt(0) - 97]}`)),
    )
    if (/[a-z]/.test(value))
      await expect(page.getByTestId('passcode-letters-warning')).toContainText('switch to the full keyboard')
    await page.getByTestId('passcode-copy').click()
    await expect(page.getByTestId('passcode-clipboard')).toHaveAttribute('data-notice', 'copied')
    await shoot(page, testInfo, 'passcode-en-dark')
    await axeClean(page)

    await page.clock.fastForward('01:01')
    await expect(page.getByTestId('passcode-value')).toHaveCount(0)
    await expect(page.getByTestId('passcode-clipboard')).toHaveAttribute('data-notice', 'clearedUnchecked')
    await expect(page.getByTestId('passcode-clipboard')).toContainText('cleared to be safe')
    await shoot(page, testInfo, 'passcode-cleared-en-dark')
    // Now let the test itself read it: empty.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    expect(await clipboardText(page)).toBe('')
  })
})
