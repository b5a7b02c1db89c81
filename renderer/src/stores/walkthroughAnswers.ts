import { ref } from 'vue'
import type { ActionRecord, IssueInput } from '@shared/api/schemas/actions'
import type { VerificationCheck } from '@shared/api/schemas/settings'
import type { PreconditionCode } from '@shared/eligibility/codes'

/**
 * What the agent records with the caller, step by step (DESIGN §1), and how it travels with the
 * action: sent with `actions:issue`, read back from the record when the walkthrough is reopened.
 * A part of the walkthrough store (called inside its setup), not a store of its own.
 */
export function createWalkthroughAnswers() {
  const callerName = ref('')
  const checks = ref<VerificationCheck[]>([])
  const deviceConfirmed = ref({ model: false, serial: false, checkIn: false })
  const preconditions = ref<PreconditionCode[]>([])
  /**
   * "I have read this to the caller" (step 4). Required to move on, sent as
   * `verification.scriptRead` and refused by core when missing: whoever audits the record can tell
   * the caller was told what would happen to the device before it was sent.
   */
  const scriptRead = ref(false)
  const ticket = ref('')
  const note = ref('')

  function clear(): void {
    callerName.value = ''
    checks.value = []
    deviceConfirmed.value = { model: false, serial: false, checkIn: false }
    preconditions.value = []
    scriptRead.value = false
    ticket.value = ''
    note.value = ''
  }

  /** The answers recorded with an action (reopened from History or the device page). */
  function fromRecord(existing: ActionRecord): void {
    callerName.value = existing.callerName ?? existing.verification.callerName ?? ''
    checks.value = [...existing.verification.checks]
    preconditions.value = [...existing.preconditionsConfirmed]
    ticket.value = existing.ticketReference ?? ''
    deviceConfirmed.value = { model: true, serial: true, checkIn: true }
    // Records from before the script was recorded say nothing: shown unticked, never assumed.
    scriptRead.value = existing.verification.scriptRead ?? false
    note.value = existing.outcomeNote ?? ''
  }

  /** The recorded answers of an `actions:issue` call. */
  function issueFields(): Pick<IssueInput, 'ticketReference' | 'verification' | 'preconditionsConfirmed'> {
    return {
      ticketReference: ticket.value.trim() || undefined,
      verification: {
        checks: [...checks.value],
        callerName: callerName.value.trim() || undefined,
        scriptRead: scriptRead.value,
      },
      preconditionsConfirmed: [...preconditions.value],
    }
  }

  return {
    refs: { callerName, checks, deviceConfirmed, preconditions, scriptRead, ticket, note },
    clear,
    fromRecord,
    issueFields,
  }
}
