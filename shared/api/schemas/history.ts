import { z } from 'zod'
import { ERROR_CODES } from '../../errors'
import { actionRecord, actionState, passcodeActionKind, type ActionState } from './actions'
import { id, isoDateTime, locale, text } from './common'

/**
 * History (domain §3): every action taken from this app on this machine (the profile's SQLite database,
 * works offline), its CSV export, and — online — a team timeline that adds other agents' passcode
 * actions from Intune's remoteActionAudits and auditEvents (domain §3).
 */

/** The end states the Readiness view groups failures of by reason (readiness/queries.ts). */
export const FAILURE_REASON_STATES = [
  'failed',
  'notSupported',
  'notSent',
] as const satisfies readonly ActionState[]

/**
 * One failure reason exactly as the Readiness view groups failures (readiness/queries.ts): this
 * app's error code and Intune's errorCode, each null when absent, so "failed, no code given" is a
 * reason of its own. Set from a failure-reason bar; the state goes in `states`.
 */
export const historyReason = z.strictObject({
  failureCode: z.enum(ERROR_CODES).nullable(),
  intuneErrorCode: z.number().int().nullable(),
})
export type HistoryReason = z.infer<typeof historyReason>

export const historyFilters = z.strictObject({
  /** Inclusive lower bound on requestedAt. */
  from: isoDateTime().optional(),
  /** Exclusive upper bound on requestedAt. */
  to: isoDateTime().optional(),
  states: z.array(actionState).max(actionState.options.length).optional(),
  /** Matches device name, device id or serial number (substring, case-insensitive). */
  device: text(200).optional(),
  /** Matches the agent's UPN or display name (substring). */
  agent: text(200).optional(),
  /** Matches the ticket reference (substring). */
  ticket: text(120).optional(),
  /**
   * Only actions that ended for exactly this reason: both codes equal (null included) and one of
   * FAILURE_REASON_STATES, so "no code" never takes in successes when `states` is widened.
   */
  reason: historyReason.optional(),
})
export type HistoryFilters = z.infer<typeof historyFilters>

export const historyListInput = z.strictObject({
  filters: historyFilters.default({}),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})

export const historyPage = z.strictObject({
  rows: z.array(actionRecord),
  total: z.number().int().min(0),
})

export const historyExportInput = z.strictObject({
  filters: historyFilters.default({}),
  /** The renderer's language: French uses `;` and French dates, English `,` (DESIGN §3). */
  locale,
  /** IANA zone for the dates in the file; default: this machine's. */
  timeZone: text(64).optional(),
})

export const historyExport = z.strictObject({
  /** UTF-8 text with a BOM (Excel needs it to read accents); never contains a passcode. */
  csv: z.string(),
  filename: z.string(),
  rows: z.number().int().min(0),
})

export const TEAM_SOURCES = ['local', 'remoteActionAudit', 'auditEvent'] as const
export const teamSource = z.enum(TEAM_SOURCES)

export const teamEntry = z.strictObject({
  /** Stable within one answer (for list keys). */
  key: z.string(),
  source: teamSource,
  at: z.string(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  agentUpn: z.string().nullable(),
  /** Intune's action (always a passcode action here) or the audit activity. */
  activity: z.string(),
  /**
   * The passcode action as the agent knows it: ours from the record; Intune's records say
   * `resetPasscode` for both (domain §2.4), so the cached device decides (iOS/iPadOS → remove);
   * null when the device is not in the cache.
   */
  action: passcodeActionKind.nullable(),
  /** actionState for local rows and remote action audits; activityResult for audit events. */
  state: z.string().nullable(),
  ticketReference: z.string().nullable(),
  /** This entry is one of this app's own actions (local row, or the Intune record of one). */
  mine: z.boolean(),
  localActionId: z.string().nullable(),
})
export type TeamEntry = z.infer<typeof teamEntry>

/**
 * The same filters as the local list, applied by core (SQL for this machine's rows, `history/filters.ts`
 * for Intune's audits); without dates the last 30 days.
 */
export const teamInput = historyFilters

export const teamTimeline = z.strictObject({
  entries: z.array(teamEntry),
  /** A source that could not be read (e.g. auditEvents without Audit data/Read): the rest still shows. */
  unavailable: z.array(z.strictObject({ source: teamSource, code: z.enum(ERROR_CODES) })),
})
export type TeamTimeline = z.infer<typeof teamTimeline>

/**
 * A wipe, retire or delete already waiting on a device, from Intune's remote action audits (domain §3.2:
 * remoteAction `factoryReset` = Wipe, `removeCompanyData` = Retire): who asked and when, so the agent can
 * warn the caller before anything else (DM-ACTIONS: these take precedence over every other action).
 */
export const REMOVAL_ACTIONS = ['wipe', 'retire', 'delete'] as const
export const removalRequestInput = z.strictObject({ deviceId: id() })
export const removalRequest = z.strictObject({
  request: z
    .strictObject({
      action: z.enum(REMOVAL_ACTIONS),
      requestedBy: z.string().nullable(),
      requestedAt: z.string(),
      /** Graph actionState as Intune reported it (pending, active…); null when absent. */
      state: z.string().nullable(),
    })
    .nullable(),
})
export type RemovalRequest = z.infer<typeof removalRequest>

export const historyContract = {
  'history:list': { input: historyListInput, output: historyPage },
  'history:export': { input: historyExportInput, output: historyExport },
  /** Online only: OFFLINE / AUTH_REQUIRED when Graph cannot be read (the local list still works). */
  'history:team': { input: teamInput, output: teamTimeline },
  /** Online only (OFFLINE / AUTH_REQUIRED otherwise); `request: null` when Intune shows none. */
  'history:removalRequest': { input: removalRequestInput, output: removalRequest },
} as const
