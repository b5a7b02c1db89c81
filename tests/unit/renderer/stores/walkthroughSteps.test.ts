import { describe, expect, it } from 'vitest'
import { stepBlock, WALKTHROUGH_STEPS, type StepFacts } from '@renderer/stores/walkthroughSteps'

/** Every answer given: no step is blocked. Each test takes one answer away. */
const ready: StepFacts = {
  step: 'verify',
  outOfScope: false,
  missingChecks: [],
  deviceConfirmed: { model: true, serial: true, checkIn: true },
  eligibility: { verdict: 'eligible', preconditions: ['workProfileResetTokenActivated'] },
  preconditions: ['workProfileResetTokenActivated'],
  scriptRead: true,
  ticketMissing: false,
  ticketMismatch: false,
  availability: { available: true, reason: null, agentUpn: 'a@contoso.example' },
  issuing: false,
  finished: false,
}
const at = (step: StepFacts['step'], over: Partial<StepFacts> = {}) => stepBlock({ ...ready, step, ...over })

describe('stepBlock', () => {
  it('lets every step through once everything is answered', () => {
    for (const step of WALKTHROUGH_STEPS) expect(at(step), step).toBeNull()
  })

  it('names what is still missing on each step', () => {
    expect(at('verify', { missingChecks: ['employeeId'] })).toEqual({
      kind: 'verify',
      checks: ['employeeId'],
    })
    expect(at('device', { deviceConfirmed: { model: true, serial: false, checkIn: true } })).toEqual({
      kind: 'device',
    })
    expect(at('eligibility', { preconditions: [] })).toEqual({ kind: 'preconditions' })
    expect(at('eligibility', { eligibility: { verdict: 'ineligible', preconditions: [] } })).toEqual({
      kind: 'ineligible',
    })
    expect(at('eligibility', { eligibility: null })).toEqual({ kind: 'ineligible' })
    expect(at('confirm', { ticketMissing: true })).toEqual({ kind: 'ticket' })
    expect(at('confirm', { ticketMismatch: true })).toEqual({ kind: 'ticketFormat' })
    expect(at('finish', { finished: true })).toEqual({ kind: 'finished' })
  })

  it('the script must be read to the caller before the confirm step', () => {
    expect(at('script', { scriptRead: false })).toEqual({ kind: 'script' })
    // Only the script step asks for it.
    expect(at('confirm', { scriptRead: false })).toBeNull()
  })

  it('the send waits for Intune to be reachable and for a send already under way', () => {
    const offline = { available: false, reason: 'OFFLINE' as const, agentUpn: null }
    expect(at('confirm', { availability: offline })).toEqual({ kind: 'unavailable' })
    expect(at('confirm', { issuing: true })).toEqual({ kind: 'busy' })
    // Not known yet (the first availability answer has not come): core decides when issuing.
    expect(at('confirm', { availability: null })).toBeNull()
  })

  it('a device outside the agent’s Intune scope blocks every step', () => {
    for (const step of WALKTHROUGH_STEPS)
      expect(at(step, { outOfScope: true })).toEqual({ kind: 'outOfScope' })
  })
})
