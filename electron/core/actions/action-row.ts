import type {
  ActionRecord,
  ActionState,
  DeviceSnapshot,
  VerificationAnswers,
} from '@shared/api/schemas/actions'
import type { PasscodeEligibilityDto } from '@shared/api/schemas/devices'
import type { ErrorCode } from '@shared/errors'
import type { EnrollmentKind, OutcomeCode, PasscodeAction, PreconditionCode } from '@shared/eligibility/codes'

/** One `actions` row (migrations 0020, 0060) and the shapes core reads and writes it as. */
export interface Row {
  id: string
  idempotency_key: string
  profile_id: string
  tenant_id: string
  device_id: string
  device_name: string | null
  serial_number: string | null
  action: string
  enrollment: string
  outcome: string | null
  state: string
  agent_upn: string
  agent_name: string | null
  ticket_reference: string | null
  caller_name: string | null
  verification_json: string
  preconditions_json: string
  device_json: string
  eligibility_json: string
  client_request_id: string
  graph_request_id: string | null
  baseline_start: string | null
  intune_start: string | null
  intune_error_code: number | null
  failure_code: string | null
  has_passcode: number
  outcome_note: string | null
  requested_at: string
  sent_at: string | null
  last_checked_at: string | null
  completed_at: string | null
  finished_at: string | null
  updated_at: string
}

/** The stored action plus what only core needs (never sent to the renderer). */
export interface StoredAction {
  readonly record: Omit<ActionRecord, 'passcodeAvailable'>
  readonly profileId: string
  readonly idempotencyKey: string
  readonly baselineStart: string | null
  readonly intuneStart: string | null
}

export interface NewAction {
  readonly id: string
  readonly idempotencyKey: string
  readonly profileId: string
  readonly tenantId: string
  readonly deviceId: string
  readonly action: PasscodeAction
  readonly enrollment: EnrollmentKind
  readonly outcome: OutcomeCode | null
  readonly agentUpn: string
  readonly agentDisplayName: string | null
  readonly ticketReference: string | null
  readonly verification: VerificationAnswers
  readonly preconditionsConfirmed: readonly PreconditionCode[]
  readonly device: DeviceSnapshot
  readonly eligibility: PasscodeEligibilityDto
  readonly clientRequestId: string
  readonly baselineStart: string | null
  readonly requestedAt: string
}

export interface StatePatch {
  readonly state: ActionState
  readonly at: string
  readonly detail?: string | null
  readonly sentAt?: string
  readonly graphRequestId?: string | null
  readonly intuneStart?: string | null
  readonly intuneErrorCode?: number | null
  readonly failureCode?: ErrorCode | null
  readonly hasPasscode?: boolean
  readonly completedAt?: string | null
}

export function toStored(row: Row): StoredAction {
  return {
    profileId: row.profile_id,
    idempotencyKey: row.idempotency_key,
    baselineStart: row.baseline_start,
    intuneStart: row.intune_start,
    record: {
      id: row.id,
      deviceId: row.device_id,
      deviceName: row.device_name,
      action: row.action as PasscodeAction,
      enrollment: row.enrollment as EnrollmentKind,
      outcome: row.outcome as OutcomeCode | null,
      state: row.state as ActionState,
      agentUpn: row.agent_upn,
      agentDisplayName: row.agent_name,
      tenantId: row.tenant_id,
      ticketReference: row.ticket_reference,
      callerName: row.caller_name,
      verification: JSON.parse(row.verification_json) as VerificationAnswers,
      preconditionsConfirmed: JSON.parse(row.preconditions_json) as PreconditionCode[],
      device: JSON.parse(row.device_json) as DeviceSnapshot,
      eligibility: JSON.parse(row.eligibility_json) as PasscodeEligibilityDto,
      clientRequestId: row.client_request_id,
      graphRequestId: row.graph_request_id,
      intuneErrorCode: row.intune_error_code,
      failureCode: row.failure_code as ErrorCode | null,
      hasPasscode: row.has_passcode === 1,
      outcomeNote: row.outcome_note,
      requestedAt: row.requested_at,
      sentAt: row.sent_at,
      lastCheckedAt: row.last_checked_at,
      completedAt: row.completed_at,
      finishedAt: row.finished_at,
      updatedAt: row.updated_at,
    },
  }
}
