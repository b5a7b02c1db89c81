import { ACTION_STATES, type ActionState } from './api/schemas/actions'
import type { ActionOutcome } from './api/schemas/readiness'
import { assertNever } from './errors'

/**
 * How the Readiness charts group an action's state (schemas/readiness.ts ACTION_OUTCOMES), in
 * shared/ so that core counts by it and the renderer opens History on exactly the states a bar
 * counts. `stillPending`, `awaitingApproval` and `unknownState` are open, not failed: Intune may
 * still deliver them (schemas/actions.ts), so counting them as failures would overstate the risk.
 */
export function outcomeOf(state: ActionState): ActionOutcome {
  switch (state) {
    case 'done':
      return 'succeeded'
    case 'failed':
    case 'notSupported':
      return 'failed'
    case 'notSent':
      return 'notSent'
    case 'canceled':
      return 'canceled'
    case 'sending':
    case 'pending':
    case 'active':
    case 'stillPending':
    case 'awaitingApproval':
    case 'unknownState':
      return 'pending'
    default:
      return assertNever(state)
  }
}

/** Every action state an outcome stands for, in ACTION_STATES order (a History state filter). */
export function statesOfOutcome(outcome: ActionOutcome): ActionState[] {
  return ACTION_STATES.filter((s) => outcomeOf(s) === outcome)
}
