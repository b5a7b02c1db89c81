import { randomUUID } from 'node:crypto'
import type { DeviceSnapshot, IssueInput } from '@shared/api/schemas/actions'
import type { PasscodeEligibilityDto } from '@shared/api/schemas/devices'
import type { ActionPolicy } from '@shared/api/schemas/settings'
import { evaluatePasscodeAction } from '@shared/eligibility'
import { CodedError } from '@shared/errors'
import { ticketMatchesPattern } from '@shared/ticket-pattern'
import { RESET_PASSCODE_PERMISSION } from '../auth/permissions'
import type { AgentIdentity, Session } from '../auth/session'
import type { Logger } from '../log'
import { markOutOfScope } from '../devices/scope'
import { PostError } from './graph'
import type { ActionLedger } from './ledger'
import type { StoredAction } from './repository'
import { isNewerThan, latestResetResult, startedWithin } from './results'
import type { ActionTiming, ProfileContext } from './types'

/** The Intune RBAC permission behind "Remote tasks / Reset passcode" (domain §1.4). */
export { RESET_PASSCODE_PERMISSION }

export type ParsedIssueInput = Required<Pick<IssueInput, 'deviceId' | 'idempotencyKey' | 'verification'>> & {
  readonly ticketReference?: string
  readonly preconditionsConfirmed: NonNullable<IssueInput['preconditionsConfirmed']>
  readonly confirmRepeat: boolean
}

/** What the issue needs besides the request: its clock, its log, and the one writer of action rows. */
export interface IssueDeps {
  readonly timing: ActionTiming
  readonly now: () => number
  readonly log: Logger
  readonly ledger: Pick<ActionLedger, 'emit' | 'changeState' | 'applyResult'>
}

/** One `actions:issue`, checked by the handler: the agent is the one it found signed in (checked once). */
export interface IssueRequest {
  readonly ctx: ProfileContext
  readonly session: Session
  readonly agent: AgentIdentity
  readonly policy: ActionPolicy
  readonly input: ParsedIssueInput
}

/** The recorded action, and whether the poller must now watch it until Intune settles it. */
export interface Issued {
  readonly action: StoredAction
  readonly watch: boolean
}

const str = (value: unknown) => (typeof value === 'string' ? value : null)

/** What we keep about the device: an allowlist, so deviceActionResults (passcodes) never gets in. */
export function deviceSnapshot(device: Readonly<Record<string, unknown>>): DeviceSnapshot {
  return {
    deviceName: str(device.deviceName),
    model: str(device.model),
    manufacturer: str(device.manufacturer),
    operatingSystem: str(device.operatingSystem),
    osVersion: str(device.osVersion),
    serialNumber: str(device.serialNumber),
    userPrincipalName: str(device.userPrincipalName),
    userDisplayName: str(device.userDisplayName),
    deviceEnrollmentType: str(device.deviceEnrollmentType),
    deviceType: str(device.deviceType),
    ownerType: str(device.ownerType) ?? str(device.managedDeviceOwnerType),
    managementState: str(device.managementState),
    lastSyncDateTime: str(device.lastSyncDateTime),
  }
}

/** Policy fields (Settings → Action policy): ticket reference, identity checks; then the preconditions. */
export function missingFields(
  input: ParsedIssueInput,
  policy: ActionPolicy,
  preconditions: readonly string[],
): { ticket: boolean; checks: string[]; preconditions: string[]; script: boolean } {
  const ticket = policy.ticketRequired && !(input.ticketReference ?? '').trim()
  const ticked = new Set(input.verification.checks)
  const checks = policy.requiredChecks.filter((c) => !ticked.has(c))
  const confirmed = new Set<string>(input.preconditionsConfirmed)
  // The caller is told what will happen before anything is sent (the walkthrough's script step).
  const script = input.verification.scriptRead !== true
  return { ticket, checks, preconditions: preconditions.filter((p) => !confirmed.has(p)), script }
}

/**
 * The live checks and the one POST (domain §2.3–2.4, §4.5, §6). Runs under the per-device lock held by the
 * service, so nothing here can run twice for one device at the same time.
 */
export async function issueAction(deps: IssueDeps, request: IssueRequest): Promise<Issued> {
  const { timing, now, log, ledger } = deps
  const { ctx, session, agent, policy, input } = request

  // 2. The team's policy: cheap, local, checked first (again later for the device's preconditions).
  const early = missingFields(input, policy, [])
  if (early.ticket || early.checks.length > 0 || early.script) {
    throw new CodedError('POLICY_FIELDS_MISSING', 'Fields required by the team policy are missing', {
      ticket: early.ticket,
      checks: early.checks.join(','),
      script: early.script,
      preconditions: '',
    })
  }
  // The organisation's ticket format (managed TicketPattern, DESIGN §3): checked here whatever
  // the renderer showed.
  if (!ticketMatchesPattern(input.ticketReference ?? '', policy.ticketPattern)) {
    throw new CodedError('TICKET_FORMAT_MISMATCH', 'The ticket number does not match the required format', {
      pattern: policy.ticketPattern ?? '',
    })
  }

  // 2. Permission: Help Desk Operator has Remote tasks/Reset passcode, Read Only Operator does not (domain §1.4).
  const permissions = await session.permissions()
  if (!permissions.has(RESET_PASSCODE_PERMISSION)) {
    throw new CodedError('PERMISSION_DENIED', 'Your Intune role cannot reset passcodes', {
      permission: RESET_PASSCODE_PERMISSION,
    })
  }

  // 1. Re-read the device live and re-evaluate: whatever the renderer believed (domain §6).
  const graph = ctx.graph()
  let device: Record<string, unknown>
  try {
    device = await graph.getDevice(input.deviceId)
  } catch (error) {
    // A scope-tag 404 is not a deleted device (domain §9): mark the cached row, refuse with the reason.
    if (error instanceof CodedError && error.code === 'GRAPH_OUT_OF_SCOPE') {
      markOutOfScope(ctx.db, input.deviceId, error, agent.upn, now())
    }
    throw error
  }
  const evaluated = evaluatePasscodeAction(device, { now: now() })
  const eligibility: PasscodeEligibilityDto = {
    ...evaluated,
    reasons: [...evaluated.reasons],
    preconditions: [...evaluated.preconditions],
    sources: evaluated.sources.map((s) => ({ ...s })),
  }
  if (eligibility.verdict !== 'eligible' || eligibility.action === null) {
    throw new CodedError('NOT_ELIGIBLE', 'Intune cannot reset or remove this device’s passcode', {
      verdict: eligibility.verdict,
      reasons: eligibility.reasons.join(','),
      enrollment: eligibility.enrollment,
    })
  }
  const missing = missingFields(input, policy, eligibility.preconditions)
  if (missing.preconditions.length > 0) {
    throw new CodedError('POLICY_FIELDS_MISSING', 'Preconditions were not confirmed with the caller', {
      ticket: false,
      checks: '',
      script: false,
      preconditions: missing.preconditions.join(','),
    })
  }

  // 3. A second action on the same device within 15 minutes needs an explicit confirmation —
  // ours (this database) or anyone's (Intune's own result on the device).
  const current = latestResetResult(
    Array.isArray(device.deviceActionResults) ? device.deviceActionResults : [],
  )
  const since = new Date(now() - timing.repeatWindowMs).toISOString()
  const previous = ctx.repo.latestSentOnDevice(input.deviceId, since)
  if (!input.confirmRepeat && (previous || startedWithin(current, now(), timing.repeatWindowMs))) {
    throw new CodedError(
      'CONFIRMATION_REQUIRED',
      'A passcode action was sent to this device less than 15 minutes ago',
      {
        previousActionId: previous?.record.id ?? null,
        previousAt: previous?.record.requestedAt ?? current?.startDateTime ?? null,
        windowMinutes: Math.round(timing.repeatWindowMs / 60_000),
      },
    )
  }

  // 4. Record first (state `sending`), then POST: a crash in between leaves a row that the next start
  // checks against Intune instead of sending again.
  const requestedAt = new Date(now()).toISOString()
  let action = ctx.repo.insert({
    id: randomUUID(),
    idempotencyKey: input.idempotencyKey,
    profileId: ctx.profileId,
    tenantId: session.profile.tenantId || agent.tenantId,
    deviceId: input.deviceId,
    action: eligibility.action,
    enrollment: eligibility.enrollment,
    outcome: eligibility.outcome,
    agentUpn: agent.upn,
    agentDisplayName: agent.displayName || null,
    ticketReference: input.ticketReference?.trim() || null,
    verification: input.verification,
    preconditionsConfirmed: [...input.preconditionsConfirmed],
    device: deviceSnapshot(device),
    eligibility,
    clientRequestId: randomUUID(),
    baselineStart: current?.startDateTime ?? null,
    requestedAt,
  })
  ledger.emit(action)

  const sentAt = new Date(now()).toISOString()
  try {
    const { graphRequestId } = await graph.resetPasscode(input.deviceId, action.record.clientRequestId)
    action = ledger.changeState(ctx, action, 'pending', { sentAt, graphRequestId })
    return { action, watch: true }
  } catch (error) {
    const code = error instanceof CodedError ? error.code : 'INTERNAL'
    const uncertain = error instanceof PostError ? error.uncertain : true
    log.warn('actions.post-failed', { actionId: action.record.id, code, uncertain })
    if (code === 'APPROVAL_REQUIRED') {
      // Multi Admin Approval (domain §9): Intune holds the request for a second admin. Recorded as
      // such and never re-sent on our own: a blind retry would only file a second request.
      const detail = error instanceof CodedError ? error.detail : undefined
      const approvalCode = typeof detail?.approvalCode === 'string' ? detail.approvalCode : ''
      const requestId = typeof detail?.requestId === 'string' ? detail.requestId : null
      const awaiting = ledger.changeState(ctx, action, 'awaitingApproval', {
        sentAt,
        graphRequestId: requestId,
        detail: approvalCode ? `approval code ${approvalCode}` : 'approval required',
      })
      return { action: awaiting, watch: false }
    }
    if (!uncertain) {
      const refused = ledger.changeState(ctx, action, 'notSent', {
        failureCode: code,
        sentAt,
        detail: 'POST refused',
      })
      return { action: refused, watch: false }
    }
    // 3. Never retry blindly: ask Intune whether it registered the action (domain §4.5).
    try {
      const result = latestResetResult(await graph.getActionResults(input.deviceId))
      if (isNewerThan(result, action.baselineStart)) {
        action = ledger.changeState(ctx, action, 'pending', {
          sentAt,
          detail: 'registered despite POST error',
        })
        return { action: ledger.applyResult(ctx, action, result), watch: true }
      }
      const notSent = ledger.changeState(ctx, action, 'notSent', {
        failureCode: code,
        sentAt,
        detail: 'not registered by Intune',
      })
      return { action: notSent, watch: false }
    } catch {
      // Cannot tell yet: stay `sending`; the poller settles it within the verification window.
      action = ledger.changeState(ctx, action, 'sending', {
        failureCode: code,
        sentAt,
        detail: 'outcome unknown',
      })
      return { action, watch: true }
    }
  }
}
