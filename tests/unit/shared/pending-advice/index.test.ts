import { describe, expect, it } from 'vitest'
import { ACTION_STATES, type ActionState } from '@shared/api/schemas/actions'
import {
  actionAdvice,
  APPROVAL_EXPIRY_MS,
  CALLER_STEPS,
  REPORT_GRACE_MS,
  type ActionFacts,
} from '@shared/pending-advice'

const SENT = '2026-12-01T14:10:00.000Z'
const sent = Date.parse(SENT)
const min = 60_000
const iso = (t: number) => new Date(t).toISOString()

/** Sent at 14:10; the device last checked in at 14:02 (before the send) and was re-read at 14:20. */
const facts = (over: Partial<ActionFacts> = {}): ActionFacts => ({
  state: 'pending',
  action: 'removePasscode',
  sentAt: SENT,
  lastCheckIn: iso(sent - 8 * min),
  deviceReadAt: iso(sent + 10 * min),
  now: sent + 10 * min,
  ...over,
})

describe('actionAdvice while the action is pending', () => {
  it('re-read after the send, no check-in since: says so with the time and gives the caller’s steps', () => {
    const advice = actionAdvice(facts())
    expect(advice.checkedInSinceSent).toBe('no')
    expect(advice.lastCheckIn).toBe(iso(sent - 8 * min))
    expect(advice.sentAt).toBe(SENT)
    expect(advice.callerSteps).toEqual(['switchOn', 'connect', 'openCompanyPortal', 'sync'])
    expect(advice.escalation).toBeNull()
  })

  it('a device never seen by Intune has not checked in since the send either', () => {
    const advice = actionAdvice(facts({ lastCheckIn: null }))
    expect(advice.checkedInSinceSent).toBe('no')
    expect(advice.callerSteps).toEqual(CALLER_STEPS)
  })

  it('cannot tell before the device has been re-read after the send', () => {
    for (const deviceReadAt of [null, iso(sent - min), 'not a date']) {
      const advice = actionAdvice(facts({ deviceReadAt }))
      expect(advice.checkedInSinceSent, String(deviceReadAt)).toBe('unknown')
      expect(advice.callerSteps).toEqual([])
      expect(advice.escalation).toBeNull()
    }
  })

  it('checked in after the send: nothing to ask the caller; escalate once Intune had time to report', () => {
    const checkIn = sent + 2 * min
    const soon = actionAdvice(facts({ lastCheckIn: iso(checkIn), now: checkIn + REPORT_GRACE_MS - 1 }))
    expect(soon.checkedInSinceSent).toBe('yes')
    expect(soon.callerSteps).toEqual([])
    expect(soon.escalation).toBeNull()
    const late = actionAdvice(facts({ lastCheckIn: iso(checkIn), now: checkIn + REPORT_GRACE_MS }))
    expect(late.escalation).toEqual({ reason: 'pendingAfterCheckIn', to: 'intuneAdministrators' })
    // The same for a state this app does not know: it is still not done.
    expect(
      actionAdvice(
        facts({ state: 'unknownState', lastCheckIn: iso(checkIn), now: checkIn + REPORT_GRACE_MS }),
      ).escalation,
    ).toEqual({ reason: 'pendingAfterCheckIn', to: 'intuneAdministrators' })
  })

  it('after this app stopped waiting with still no check-in, escalate and keep the caller’s steps', () => {
    const advice = actionAdvice(
      facts({ state: 'stillPending', now: sent + 31 * min, deviceReadAt: iso(sent + 31 * min) }),
    )
    expect(advice.callerSteps).toEqual(CALLER_STEPS)
    expect(advice.escalation).toEqual({ reason: 'noCheckIn', to: 'intuneAdministrators' })
  })
})

describe('actionAdvice once Intune answered', () => {
  it('iOS removal failed: escalate to the Intune administrators (wipe per Microsoft’s guidance)', () => {
    expect(actionAdvice(facts({ state: 'failed', action: 'removePasscode' })).escalation).toEqual({
      reason: 'removalFailed',
      to: 'intuneAdministrators',
    })
    expect(actionAdvice(facts({ state: 'failed', action: 'resetPasscode' })).escalation).toEqual({
      reason: 'resetFailed',
      to: 'intuneAdministrators',
    })
    expect(actionAdvice(facts({ state: 'canceled' })).escalation?.reason).toBe('canceled')
    expect(actionAdvice(facts({ state: 'notSupported' })).escalation?.reason).toBe('notSupported')
  })

  it('Multi Admin Approval: an approver takes it, and the request expires 3 days after it was sent', () => {
    const advice = actionAdvice(facts({ state: 'awaitingApproval' }))
    expect(advice.escalation).toEqual({ reason: 'awaitingApproval', to: 'approvalApprover' })
    expect(advice.approvalExpiresAt).toBe('2026-12-04T14:10:00.000Z')
    expect(Date.parse(advice.approvalExpiresAt!) - sent).toBe(APPROVAL_EXPIRY_MS)
    expect(advice.callerSteps).toEqual([])
  })

  it('done, not sent or still sending: no caller steps, no escalation, no check-in claim', () => {
    for (const state of ['done', 'notSent', 'sending'] as ActionState[]) {
      const advice = actionAdvice(facts({ state }))
      expect(advice, state).toMatchObject({
        checkedInSinceSent: 'unknown',
        callerSteps: [],
        escalation: null,
      })
    }
  })

  it('answers every action state without throwing, and asks the caller only while Intune waits for the device', () => {
    for (const state of ACTION_STATES) {
      const advice = actionAdvice(facts({ state }))
      const waiting = ['pending', 'active', 'stillPending', 'unknownState'].includes(state)
      expect(advice.callerSteps.length > 0, state).toBe(waiting)
      expect(advice.approvalExpiresAt !== null, state).toBe(state === 'awaitingApproval')
    }
  })
})
