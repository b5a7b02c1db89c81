import type { Page } from '@playwright/test'
import { expect, test, signInAndSync } from './fixtures'

/**
 * Keyboard safety (WCAG 2.4.3, 2.4.7), French and English: a passcode action issued with the keyboard
 * only, where Enter in the ticket field sends nothing (the demo tenant's own request log counts the
 * action POSTs), every focused control shows a ring in light and dark (computed styles), focus lands
 * on the new page after each navigation, and Esc on step 1 asks before discarding what was typed.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

const WP_DEVICE = 'zbelanger_AndroidForWork_3/4/2025_9:12 AM'

const LOCALES = [
  {
    tag: 'fr-FR',
    lang: 'fr',
    sendHint: /Entrée n’envoie jamais l’action\u00a0: .*Ctrl\+Entrée/,
    keep: 'Continuer la saisie',
    discard: 'Abandonner',
  },
  {
    tag: 'en-US',
    lang: 'en',
    sendHint: /Enter never sends the action: .*Ctrl\+Enter/,
    keep: 'Keep editing',
    discard: 'Discard',
  },
] as const

/** Action POSTs the demo tenant received (resetPasscode and the like), from its request log. */
async function actionPosts(page: Page, tenant: string): Promise<number> {
  const response = await page.request.get(`${tenant}/_demo/requests`)
  const { requests } = (await response.json()) as { requests: { method: string; path: string }[] }
  return requests.filter((r) => r.method === 'POST' && /\/managedDevices\/[^/]+\/\w+/.test(r.path)).length
}

/** The data-testid of the focused element (or of its nearest ancestor that has one). */
const focusedTestId = (page: Page) =>
  page.evaluate<string | null>(
    `document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null`,
  )

/** Presses Tab until the control with this test id has the focus (at most `max` presses). */
async function tabTo(page: Page, testId: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedTestId(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  expect(await focusedTestId(page), `Tab never reached ${testId}`).toBe(testId)
}

/**
 * The focus indicator of the focused control, from computed styles: an outline of 2 px or more, or a
 * box-shadow. Naive's text fields, selects and segmented radios focus an inner element; the ring is
 * on the visible control around it.
 */
async function focusRing(page: Page): Promise<{ what: string; ring: string | null }> {
  return page.evaluate(`(() => {
    const el = document.activeElement
    const control = el.closest('.n-input, .n-radio-button, .n-base-selection') ?? el
    const s = getComputedStyle(control)
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'outline ' + s.outlineColor : null
    const shadow = s.boxShadow && s.boxShadow !== 'none' ? 'shadow ' + s.boxShadow : null
    return { what: el.tagName + ' ' + (el.closest('[data-testid]')?.dataset.testid ?? el.className), ring: outline ?? shadow }
  })()`)
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' })
}

/** Reaches each control by Tab (so the browser counts it as keyboard focus) and checks its ring. */
async function expectRings(page: Page, testIds: readonly string[], where: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme)
    for (const id of testIds) {
      // A view's controls may render after its heading took the focus (Settings reads its values first).
      await expect(page.getByTestId(id)).toBeVisible()
      // The element with the test id, or the focusable control inside it (Naive's text fields).
      await page.evaluate(`(() => {
        const el = document.querySelector('[data-testid="${id}"]')
        const target = el.tabIndex >= 0 ? el : el.querySelector('input, textarea, [tabindex="0"]')
        target.focus()
      })()`)
      await page.keyboard.press('Shift+Tab')
      await tabTo(page, id, 3)
      const { what, ring } = await focusRing(page)
      expect.soft(ring, `${where} ${theme}: no focus ring on ${what}`).not.toBeNull()
      // For review: the ring as the agent sees it.
      await page.screenshot({
        path: test.info().outputPath(`focus-${where.replace(/\W+/g, '-')}-${id}-${theme}.png`),
      })
    }
  }
  await setTheme(page, 'light')
}

for (const locale of LOCALES) {
  test.describe(locale.lang, () => {
    test.use({ locale: locale.tag })

    test(`keyboard only: Enter never sends, the button does, focus is always visible (${locale.lang})`, async ({
      page,
      appUrl,
    }) => {
      test.setTimeout(120_000)
      const tenant = await signInAndSync(page, appUrl)
      const posts = await actionPosts(page, tenant)

      // Devices: the search box, a filter chip, the sync button and a navigation link.
      await expectRings(page, ['device-search', 'filter-verdicts', 'sync-start', 'nav-history'], 'devices')

      // Enter on the active row opens the device; the focus goes to its title, not to <body>.
      const search = page.getByTestId('device-search')
      await search.focus()
      await page.keyboard.type('zbelanger_AndroidForWork')
      await expect(page.getByTestId('device-row').first()).toContainText(WP_DEVICE)
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('device-name')).toHaveText(WP_DEVICE)
      await expect(page.getByTestId('device-name')).toBeFocused()
      await expectRings(page, ['back-to-results', 'refresh-device', 'start-walkthrough'], 'device')

      // Into the walkthrough by Tab and Enter on its button: the step heading has the focus.
      await page.getByTestId('device-name').focus()
      await tabTo(page, 'start-walkthrough')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'verify')
      await expect(page.getByTestId('step-title')).toBeFocused()

      // Step 1: type the caller's name, then Esc — a dialog asks; its safe answer has the focus.
      await tabTo(page, 'caller-name')
      await page.keyboard.type('Zoé Bélanger')
      await page.keyboard.press('Escape')
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      await expect(dialog.getByRole('button', { name: locale.keep })).toBeFocused()
      await page.keyboard.press('Enter')
      await expect(dialog).toHaveCount(0)
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'verify')
      await expect(page.getByTestId('caller-name').locator('input')).toHaveValue('Zoé Bélanger')
      // Esc in the dialog keeps everything too.
      await page.getByTestId('caller-name').locator('input').focus()
      await page.keyboard.press('Escape')
      await expect(dialog).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(dialog).toHaveCount(0)
      await expect(page.getByTestId('caller-name').locator('input')).toHaveValue('Zoé Bélanger')
      await expectRings(page, ['caller-name', 'check-employeeId', 'walkthrough-cancel'], 'walkthrough 1')

      // Space ticks a checkbox; Enter on it moves on (as the hint says) without unticking it.
      await page.getByTestId('caller-name').locator('input').focus()
      await tabTo(page, 'check-employeeId')
      await page.keyboard.press('Space')
      await expect(page.getByTestId('check-employeeId')).toHaveAttribute('aria-checked', 'true')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'device')
      await expect(page.getByTestId('step-title')).toBeFocused()

      for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check']) {
        await tabTo(page, id)
        await page.keyboard.press('Space')
        await expect(page.getByTestId(id)).toHaveAttribute('aria-checked', 'true')
      }
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'eligibility')

      const preconditions = page.locator('[data-testid^="precondition-"]')
      await expect(preconditions.first()).toBeVisible()
      const ids: string[] = []
      for (let i = 0; i < (await preconditions.count()); i++)
        ids.push((await preconditions.nth(i).getAttribute('data-testid'))!)
      for (const id of ids) {
        await tabTo(page, id)
        await page.keyboard.press('Space')
        await expect(page.getByTestId(id)).toHaveAttribute('aria-checked', 'true')
      }
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'script')
      await tabTo(page, 'script-read')
      await page.keyboard.press('Space')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'confirm')

      // Step 5: Enter in the ticket field sends nothing — the tenant saw no POST.
      await tabTo(page, 'ticket-reference')
      await page.keyboard.type('INC-7788')
      await page.keyboard.press('Enter')
      await page.waitForTimeout(1_500)
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'confirm')
      expect(await actionPosts(page, tenant), 'POSTs after Enter in the ticket field').toBe(posts)
      await expect(page.getByTestId('walkthrough-send-keys')).toHaveText(locale.sendHint)
      await expectRings(page, ['ticket-reference', 'walkthrough-back', 'walkthrough-next'], 'walkthrough 5')

      if (locale.lang === 'fr') {
        // A deliberate press on the send button (Enter on the focused button) sends it, once.
        await page.getByTestId('ticket-reference').locator('input').focus()
        await tabTo(page, 'walkthrough-next')
        await page.keyboard.press('Enter')
      } else {
        // Ctrl+Enter, the shortcut said on screen, from the ticket field.
        await page.getByTestId('ticket-reference').locator('input').focus()
        await page.keyboard.press('Control+Enter')
      }
      await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', 'status')
      await expect.poll(() => actionPosts(page, tenant)).toBe(posts + 1)
      await expect(page.getByTestId('action-status').getByTestId('action-state')).toHaveAttribute(
        'data-state',
        'done',
        { timeout: 20_000 },
      )
      await page.waitForTimeout(500)
      expect(await actionPosts(page, tenant), 'exactly one action sent').toBe(posts + 1)

      // Navigation from the side bar by keyboard: the new page's heading takes the focus.
      for (const view of ['history', 'settings'] as const) {
        await page.getByTestId(`nav-${view}`).focus()
        await page.keyboard.press('Enter')
        await expect(page.getByTestId(`view-${view}`)).toBeVisible()
        await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
      }
      await expectRings(page, ['locale-en', 'theme-dark'], 'settings')
    })

    test(`Esc on step 1, then "Discard": the typed answers are gone (${locale.lang})`, async ({
      page,
      appUrl,
    }) => {
      await signInAndSync(page, appUrl)
      await page.getByTestId('device-search').fill('zbelanger_AndroidForWork')
      await page.getByTestId('device-search').press('Enter')
      await expect(page.getByTestId('device-name')).toBeFocused()
      await tabTo(page, 'start-walkthrough')
      await page.keyboard.press('Enter')
      await tabTo(page, 'caller-name')
      await page.keyboard.type('Zoé Bélanger')
      await tabTo(page, 'check-employeeId')
      await page.keyboard.press('Space')
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toBeVisible()
      await page.keyboard.press('Tab')
      await expect(page.getByRole('dialog').getByRole('button', { name: locale.discard })).toBeFocused()
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('device-name')).toBeFocused()
      await tabTo(page, 'start-walkthrough')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('step-title')).toBeFocused()
      await expect(page.getByTestId('caller-name').locator('input')).toHaveValue('')
      await expect(page.getByTestId('check-employeeId')).toHaveAttribute('aria-checked', 'false')
      // Nothing typed: Esc leaves at once, no question.
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
      await expect(page.getByTestId('device-name')).toBeFocused()
    })
  })
}
