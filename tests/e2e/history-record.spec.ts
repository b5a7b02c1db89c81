import { readFileSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import { newAxe } from './axe'
import { expect, test, signInAndSync } from './fixtures'
import { actionState, openDeviceFromSearch, walkThroughToSend } from './walkthrough-helpers'

/**
 * History keeps what was recorded (domain §3, the agent's own local record): the caller named at
 * step 1 in the table and the CSV, check labels instead of ids, one label per action everywhere,
 * file names with the day and language, history rows that reopen at the step they were left at,
 * and a team view whose count is the rows it shows, with an Action column and cells that do not
 * cover each other. Browser host + demo tenant, French and English.
 */
test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: '60', PASSCODE_DESK_DEMO_TIME_SCALE: '0.01' } })

/** Steps 1–6 with the mouse for a device found by the caller's name; optionally closes with a note. */
async function walkthrough(
  page: Page,
  query: string,
  row: { name: string; detail: string | RegExp },
  caller: string,
  note: string | null,
): Promise<void> {
  await openDeviceFromSearch(page, query, row.name, row.detail)
  await walkThroughToSend(page, {
    caller: { prefilled: caller },
    checks: ['employeeId', 'managerCallback'],
    verdict: 'eligible',
    ticket: 'INC-5150',
  })
  await expect(actionState(page)).toHaveAttribute('data-state', 'done', { timeout: 20_000 })
  if (note === null) return
  const next = page.getByTestId('walkthrough-next')
  await next.click()
  await page.getByTestId('outcome-note').locator('textarea').fill(note)
  await next.click()
  await expect(page.getByTestId('walkthrough-finished')).toBeVisible()
}

async function exportCsv(page: Page): Promise<{ name: string; lines: string[] }> {
  const download = page.waitForEvent('download')
  await page.getByTestId('history-export').click()
  const file = await download
  const csv = readFileSync((await file.path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  return { name: file.suggestedFilename(), lines: csv.slice(1).trim().split('\r\n') }
}

/** The step the walkthrough shows, as the heading and the stepper say it. */
async function expectStep(page: Page, step: string, n: number, label: RegExp): Promise<void> {
  await expect(page.getByTestId('walkthrough')).toHaveAttribute('data-step', step)
  await expect(page.getByTestId('step-title')).toContainText(label)
  const current = page.locator('.n-step[aria-current="step"]')
  await expect(current).toHaveCount(1)
  expect(
    await page
      .locator('.n-step')
      .evaluateAll((els) => els.findIndex((e) => e.getAttribute('aria-current') === 'step')),
  ).toBe(n - 1)
  // Naive marks the current step "process": exactly one, the same one.
  await expect(page.locator('.n-step--process-status')).toHaveCount(1)
  expect(
    await page
      .locator('.n-step')
      .evaluateAll((els) => els.findIndex((e) => e.classList.contains('n-step--process-status'))),
  ).toBe(n - 1)
}

async function openTeamView(page: Page): Promise<number> {
  await page.getByTestId('history-team-toggle').click()
  const rows = page.getByTestId('history-team-row')
  await expect(rows.first()).toBeVisible({ timeout: 20_000 })
  return rows.count()
}

/**
 * No cell of the team rows spills over its neighbour (the Source tag used to cover the device name):
 * whatever a cell holds is either inside it or clipped by it.
 */
async function expectCellsApart(page: Page): Promise<void> {
  const spills = await page
    .getByTestId('history-team-row')
    .locator('td')
    .evaluateAll((tds) =>
      tds
        .filter((td) => td.scrollWidth > td.clientWidth + 1 && getComputedStyle(td).overflow === 'visible')
        .map((td) => td.textContent),
    )
  expect(spills).toEqual([])
  const boxes = await page
    .getByTestId('history-team-row')
    .first()
    .locator('td')
    .evaluateAll((tds) =>
      tds.map((td) => td.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
    )
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5)
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const [w, h] of [
      [1280, 800],
      [800, 600],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      const file = testInfo.outputPath(`${name}-${scheme}-${w}x${h}.png`)
      await page.screenshot({ path: file, fullPage: true })
      await testInfo.attach(`${name}-${scheme}-${w}x${h}`, { path: file, contentType: 'image/png' })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}

async function axeClean(page: Page): Promise<void> {
  const axe = await newAxe(page)
    .include('[data-testid="view-history"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  )
}

test.describe('French', () => {
  test.use({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })

  test('historique : personne qui appelle, vérifications en clair, une étiquette par action, reprise à la bonne étape, vue équipe', async ({
    page,
    appUrl,
  }, testInfo) => {
    test.setTimeout(180_000)
    await signInAndSync(page, appUrl)
    await walkthrough(
      page,
      'helene durand',
      { name: 'iPhone de Hélène', detail: /iPhone 15(?! Pro)/ },
      'Hélène Durand',
      'Code supprimé, nouveau code choisi.',
    )
    await walkthrough(
      page,
      'zoe belanger',
      { name: 'zbelanger_AndroidForWork_3/4/2025_9:12 AM', detail: 'zbelanger' },
      'Zoé Bélanger',
      null,
    )

    await page.getByTestId('nav-history').click()
    await expect(page.getByTestId('history-count')).toHaveText('2 actions')
    const rows = page.getByTestId('history-row')
    await expect(rows).toHaveCount(2)
    await expect(
      page.locator('[data-testid="history-table"] th').filter({ hasText: 'Personne qui appelle' }),
    ).toHaveCount(1)
    const zoe = rows.filter({ hasText: 'zbelanger' })
    const helene = rows.filter({ hasText: 'iPhone de Hélène' })
    await expect(zoe).toContainText('Zoé Bélanger')
    await expect(zoe).toContainText('Réinitialiser le code secret')
    await expect(helene).toContainText('Hélène Durand')
    await expect(helene).toContainText('Supprimer le code secret')
    await shoot(page, testInfo, 'history-fr')
    await axeClean(page)

    const { name, lines } = await exportCsv(page)
    expect(name).toMatch(/^passcode-desk-historique-\d{4}-\d{2}-\d{2}-fr\.csv$/)
    expect(lines[0]).toContain(';Utilisateur;Personne qui appelle;Agent;')
    const heleneLine = lines.find((l) => l.includes('iPhone de Hélène'))!
    expect(heleneLine).toContain(';Supprimer le code secret;')
    expect(heleneLine).toContain(';Hélène Durand;')
    expect(heleneLine).toContain(';Matricule vérifié, Rappel du responsable;')
    expect(lines.find((l) => l.includes('zbelanger'))).toContain(';Réinitialiser le code secret;')
    expect(lines.join('\n')).not.toMatch(/employeeId|managerCallback|Suppression du code/)

    // Reopening: the finished one at step 7 with its note, the open one at step 6.
    await helene.click()
    await expectStep(page, 'finish', 7, /Étape 7 sur 7/)
    await expect(page.getByTestId('outcome-note').locator('textarea')).toHaveValue(
      'Code supprimé, nouveau code choisi.',
    )
    await expect(page.getByTestId('walkthrough-finished')).toBeVisible()
    await page.getByTestId('nav-history').click()
    await page.getByTestId('history-row').filter({ hasText: 'zbelanger' }).click()
    await expectStep(page, 'status', 6, /Étape 6 sur 7/)
    await expect(page.getByTestId('passcode-reveal')).toBeVisible()

    // Team view: the count is the rows shown; Action column; cells apart.
    await page.getByTestId('nav-history').click()
    const n = await openTeamView(page)
    expect(n).toBeGreaterThan(2)
    await expect(page.getByTestId('history-count')).toHaveText(`Vue équipe\u00a0: ${n} actions`)
    const headers = await page.locator('[data-testid="history-team-table"] th').allInnerTexts()
    expect(headers.map((h) => h.trim())).toEqual([
      'Date',
      'Action',
      'Appareil',
      'Agent',
      'État',
      'Source',
      'Ticket',
    ])
    const local = page.getByTestId('history-team-row').and(page.locator('[data-source="local"]'))
    await expect(local).toHaveCount(2)
    await expect(local.filter({ hasText: 'iPhone de Hélène' })).toContainText('Supprimer le code secret')
    await shoot(page, testInfo, 'history-team-fr')
    await expectCellsApart(page)
    await axeClean(page)
  })
})

test.describe('English', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/Toronto' })

  test('history: caller, check labels, English CSV name, team count', async ({ page, appUrl }, testInfo) => {
    test.setTimeout(120_000)
    await signInAndSync(page, appUrl)
    await walkthrough(
      page,
      'hélène',
      { name: 'iPhone de Hélène', detail: /iPhone 15(?! Pro)/ },
      'Hélène Durand',
      'Removed, new passcode set.',
    )
    await page.getByTestId('nav-history').click()
    await expect(page.getByTestId('history-count')).toHaveText('1 action')
    await expect(page.getByTestId('history-row')).toContainText('Hélène Durand')
    await expect(page.getByTestId('history-row')).toContainText('Remove passcode')
    const { name, lines } = await exportCsv(page)
    expect(name).toMatch(/^passcode-desk-history-\d{4}-\d{2}-\d{2}-en\.csv$/)
    expect(lines[0]).toBe(
      'Date,State,Action,Device,Serial number,User,Caller,Agent,Ticket,Checks,Temporary passcode issued,Intune error code,Outcome note,Intune request ID,Client request ID',
    )
    expect(lines[1]).toContain(',Done,Remove passcode,')
    expect(lines[1]).toContain(',Hélène Durand,')
    expect(lines[1]).toContain(',"Employee ID confirmed, Manager called back",')

    await page.getByTestId('history-row').click()
    await expectStep(page, 'finish', 7, /Step 7 of 7/)
    await page.getByTestId('nav-history').click()
    const n = await openTeamView(page)
    await expect(page.getByTestId('history-count')).toHaveText(`Team view: ${n} actions`)
    await shoot(page, testInfo, 'history-team-en')
    await expectCellsApart(page)
    await axeClean(page)
  })
})
