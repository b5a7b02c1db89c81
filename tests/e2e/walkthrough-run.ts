import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * The whole walkthrough with the mouse, for a device found by search; returns the final state.
 * Shared by the journeys that need real actions in this machine's history (History, Readiness).
 */
export async function runWalkthrough(
  page: Page,
  query: string,
  name: string,
  ticket: string,
  detail: string | RegExp,
): Promise<string> {
  await page.getByTestId('nav-devices').click()
  await page.getByTestId('device-search').fill(query)
  await page.getByTestId('device-row').filter({ hasText: name }).filter({ hasText: detail }).first().click()
  await page.getByTestId('start-walkthrough').click()
  const next = page.getByTestId('walkthrough-next')
  await page.getByTestId('check-employeeId').click()
  await next.click()
  for (const id of ['confirm-model-check', 'confirm-serial-check', 'confirm-checkin-check'])
    await page.getByTestId(id).click()
  await next.click()
  const preconditions = page.locator('[data-testid^="precondition-"]')
  await expect(page.getByTestId('eligibility-badge')).toBeVisible()
  for (let i = 0; i < (await preconditions.count()); i++) await preconditions.nth(i).click()
  await next.click()
  await page.getByTestId('script-read').click()
  await next.click()
  await page.getByTestId('ticket-reference').locator('input').fill(ticket)
  await next.click()
  const state = page.getByTestId('action-status').getByTestId('action-state')
  await expect(state).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 20_000 })
  return (await state.getAttribute('data-state'))!
}
