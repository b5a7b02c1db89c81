import { describe, expect, it } from 'vitest'
import { outcomeOf, statesOfOutcome } from '../../../shared/action-outcomes'
import { ACTION_STATES } from '../../../shared/api/schemas/actions'
import { ACTION_OUTCOMES } from '../../../shared/api/schemas/readiness'

describe('action outcomes', () => {
  it('every state belongs to exactly one outcome, and each outcome lists exactly its states', () => {
    const listed = ACTION_OUTCOMES.flatMap((o) => statesOfOutcome(o))
    expect([...listed].sort()).toEqual([...ACTION_STATES].sort())
    for (const o of ACTION_OUTCOMES) for (const s of statesOfOutcome(o)) expect(outcomeOf(s)).toBe(o)
  })

  it('open states are pending, never failed; notSupported is a failure', () => {
    expect(statesOfOutcome('failed')).toEqual(['failed', 'notSupported'])
    expect(statesOfOutcome('succeeded')).toEqual(['done'])
    expect(outcomeOf('stillPending')).toBe('pending')
    expect(outcomeOf('awaitingApproval')).toBe('pending')
  })

  it('an unknown state reaching it is a programming error', () => {
    expect(() => outcomeOf('bogus' as never)).toThrow()
  })
})
