/**
 * Error codes that cross the core → renderer boundary. The renderer localizes each one
 * (renderer/src/i18n/{fr,en}.json, key `errors.<CODE>`); the message beside a code is for logs
 * and the CLI, never shown as-is to an agent.
 */
export const ERROR_CODES = [
  // Router / contract
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN_KEY',
  'INTERNAL',
  'NOT_IMPLEMENTED',
  // Hosts: an IPC call from a frame that is not the app's own main frame (Electron host)
  'IPC_SENDER_REJECTED',
  // Generic
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'TIMEOUT',
  // Network / Graph
  'OFFLINE',
  'GRAPH_ERROR',
  'GRAPH_BAD_RESPONSE',
  'GRAPH_THROTTLED',
  'GRAPH_UNAVAILABLE',
  'GRAPH_FORBIDDEN',
  'GRAPH_NOT_FOUND',
  // A device outside the agent's Intune scope tags: Intune answers 404, but the device exists (domain §9)
  'GRAPH_OUT_OF_SCOPE',
  // Multi Admin Approval: Intune holds the request until a second admin approves it (domain §9)
  'APPROVAL_REQUIRED',
  // Identity
  'AUTH_REQUIRED',
  'AUTH_FAILED',
  'AUTH_CANCELLED',
  'AUTH_WRONG_TENANT',
  'AUTH_APP_NOT_CONSENTED',
  'AUTH_UNKNOWN_TENANT',
  'PERMISSION_DENIED',
  // Profiles / settings
  'PROFILE_INVALID',
  'PROFILE_NOT_FOUND',
  'PROFILE_BUILTIN',
  // Managed by the organisation (DESIGN §3): a preset profile, adding profiles turned off, demo hidden
  'PROFILE_MANAGED',
  'PROFILE_ADD_DISABLED',
  'PROFILE_DEMO_HIDDEN',
  // Store / sync
  'DB_NEWER_VERSION',
  'DB_ERROR',
  'SYNC_IN_PROGRESS',
  'SYNC_FAILED',
  // Actions
  'NOT_ELIGIBLE',
  'POLICY_FIELDS_MISSING',
  // The ticket reference does not match the organisation's TicketPattern (DESIGN §3)
  'TICKET_FORMAT_MISMATCH',
  'CONFIRMATION_REQUIRED',
  'ACTION_IN_PROGRESS',
  'PASSCODE_EXPIRED',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Extra facts for the renderer to build its message; plain values only, never secrets or paths. */
export type ErrorDetail = Readonly<Record<string, string | number | boolean | null>>

export interface AppError {
  readonly code: ErrorCode
  readonly message: string
  readonly detail?: ErrorDetail
}

/** Thrown inside core; the router turns it into an `AppError` value at the boundary. */
export class CodedError extends Error {
  readonly code: ErrorCode
  readonly detail?: ErrorDetail

  constructor(code: ErrorCode, message: string, detail?: ErrorDetail, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CodedError'
    this.code = code
    this.detail = detail
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

export function assertNever(value: never, what = 'value'): never {
  throw new CodedError('INTERNAL', `Unexpected ${what}: ${String(value)}`)
}
