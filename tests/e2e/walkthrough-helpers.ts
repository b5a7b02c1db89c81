import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * The walkthrough's steps 1–5 (DESIGN §1) driven with the mouse, as the journeys that need an issued
 * action get there: one place, so a change to a step is made once.
 */

/** The step-1 identity checks a journey ticks (their `check-<id>` boxes). */
export type IdentityCheck = 'employeeId' | 'managerCallback'

export interface WalkThroughOptions {
  /**
   * The caller at step 1: `{ type }` types a name into the box; `{ prefilled }` expects the box to
   * hold that name already (the directory's spelling of the device user).
   */
  readonly caller?: { readonly type: string } | { readonly prefilled: string }
  /** Step-1 identity checks to tick; employee ID only unless said. */
  readonly checks?: readonly IdentityCheck[]
  /** The ticket reference typed at step 5. */
  readonly ticket: string
  /** Step 3 must show this verdict before the preconditions are ticked. */
  readonly verdict?: 'eligible'
}

/**
 * From the device page: starts the walkthrough, goes through steps 1–5 and sends the action (the one
 * POST). Returns as the click on Send lands; the journey then watches the status step.
 */
export async function walkThroughToSend(page: Page, options: WalkThroughOptions): Promise<void> {
  await page.getByTestId('start-walkthrough').click()
  const walkthrough = page.getByTestId('walkthrough')
  await expect(walkthrough).toHaveAttribute('data-step', 'verify')
  const next = page.getByTestId('walkthrough-next')

  // Step 1: who calls, and how they were identified.
  const callerBox = page.getByTestId('caller-name').locator('input')
  if (options.caller && 'type' in options.caller) await callerBox.fill(options.caller.type)
  if (options.caller && 'prefilled' in options.caller)
    await expect(callerBox).toHaveValue(options.caller.prefilled)
  for (const check of options.checks ?? ['employeeId']) await page.getByTestId(`check-${check}`).click()
  await next.click()

  // Step 2: the device in hand is the one on screen.
  for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check'])
    await page.getByTestId(id).click()
  await next.click()

  // Step 3: the verdict, then every precondition asked of the caller (none is ticked before they show).
  await expect(walkthrough).toHaveAttribute('data-step', 'eligibility')
  const badge = page.getByTestId('eligibility-badge')
  await expect(badge).toBeVisible()
  if (options.verdict) await expect(badge).toHaveAttribute('data-verdict', options.verdict)
  const preconditions = page.locator('[data-testid^="precondition-"]')
  await expect(preconditions.first()).toBeVisible()
  for (let i = 0; i < (await preconditions.count()); i++) await preconditions.nth(i).click()
  await next.click()

  // Step 4: the script read to the caller.
  await page.getByTestId('script-read').click()
  await next.click()

  // Step 5: the ticket, then Send.
  await expect(walkthrough).toHaveAttribute('data-step', 'confirm')
  await page.getByTestId('ticket-reference').locator('input').fill(options.ticket)
  await next.click()
}

/**
 * Devices → search → the first row whose text has `name` (and `detail`, when given) → its page, whose
 * title is `name`. Returns the device id from the address.
 */
export async function openDeviceFromSearch(
  page: Page,
  query: string,
  name: string,
  detail?: string | RegExp,
): Promise<string> {
  await page.getByTestId('nav-devices').click()
  await page.getByTestId('device-search').fill(query)
  let row = page.getByTestId('device-row').filter({ hasText: name })
  if (detail !== undefined) row = row.filter({ hasText: detail })
  await row.first().click()
  await expect(page.getByTestId('device-name')).toHaveText(name)
  return decodeURIComponent(/#\/devices\/([^?]+)/.exec(page.url())![1]!)
}

/** The state the status step settles on once Intune answered (`done`, `failed`, …) */
export function actionState(page: Page) {
  return page.getByTestId('action-status').getByTestId('action-state')
}

/**
 * The whole walkthrough with the mouse, for a device found by search; returns the state it settles on.
 * Shared by the journeys that need real actions in this machine's history (History, Readiness).
 */
export async function runWalkthrough(
  page: Page,
  query: string,
  name: string,
  ticket: string,
  detail: string | RegExp,
): Promise<string> {
  await openDeviceFromSearch(page, query, name, detail)
  await walkThroughToSend(page, { ticket })
  const state = actionState(page)
  await expect(state).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 20_000 })
  return (await state.getAttribute('data-state'))!
}
