import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/api/schemas/settings'
import { mergePolicy } from '../../../electron/core/policy'
import { applyManagedSettings } from '../../../electron/core/policy/settings-overlay'
import { startHarness, type Harness } from './harness'

/**
 * The organisation's ticket format (managed TicketPattern, DESIGN §3) is enforced by core on
 * `actions:issue`, whatever the renderer showed: a ticket that does not match is refused before
 * any request reaches Intune (counted at the demo tenant), one that matches goes through.
 */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const policy = mergePolicy([
  {
    source: 'HKLM',
    values: new Map([
      ['TicketPattern', { from: 'registry', value: { type: 'REG_SZ', data: '^INC[0-9]{7}$' } }],
    ]),
  },
])

describe('actions:issue and the managed ticket format', () => {
  it('refuses a ticket that does not match, without a POST, and sends one that does', async () => {
    h = await startHarness()
    h.settings = applyManagedSettings(DEFAULT_SETTINGS, policy)
    expect(h.settings.policy.ticketPattern).toBe('^INC[0-9]{7}$')
    for (const ticket of ['INC123', 'RITM0012345', 'INC0012345x']) {
      const refused = await h.callResult(
        'actions:issue',
        h.issueInput('workProfileSucceeds', { ticketReference: ticket }),
      )
      expect(refused.error, ticket).toMatchObject({
        code: 'TICKET_FORMAT_MISMATCH',
        detail: { pattern: '^INC[0-9]{7}$' },
      })
    }
    expect(h.resetPosts()).toBe(0)
    const sent = await h.callResult(
      'actions:issue',
      h.issueInput('workProfileSucceeds', { ticketReference: ' INC0012345 ' }),
    )
    expect(sent.ok).toBe(true)
    expect(h.resetPosts()).toBe(1)
  })
})
