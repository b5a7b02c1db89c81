import { CodedError, type ErrorCode } from '@shared/errors'
import { codeForStatus, graphError } from './errors'
import { approvalCodeOf, readIntuneError } from './intune-error'

/** What the client saw of a refused request; the body only as parsed JSON (null when not JSON). */
export interface StatusFailureFacts {
  readonly status: number
  readonly body: unknown
  readonly approvalHeader: string | null
  readonly requestId: string | null
  readonly clientRequestId: string
  readonly attempts: number
}

/** A JWT-looking run: a token must never reach the renderer, even quoted inside an error message. */
const TOKEN_LIKE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*)?/g

/**
 * The final error for a refused request, read through Intune's real shapes (domain §9): a scope-tag
 * 404 is GRAPH_OUT_OF_SCOPE (the device exists), a 403 ApprovalRequired is APPROVAL_REQUIRED, and
 * nested `UnknownError` bodies give their inner code, sentence and support IDs.
 */
export function statusError(facts: StatusFailureFacts): CodedError {
  const intune = readIntuneError(facts.body)
  const approvalCode = approvalCodeOf(facts.status, intune, facts.approvalHeader)
  let code: ErrorCode = codeForStatus(facts.status)
  if (facts.status === 404 && intune.scopeTagDenied) code = 'GRAPH_OUT_OF_SCOPE'
  if (approvalCode !== null) code = 'APPROVAL_REQUIRED'
  const error = graphError(code, `Graph answered HTTP ${facts.status}`, {
    status: facts.status,
    graphCode: intune.outerCode,
    requestId: facts.requestId ?? intune.requestId,
    clientRequestId: facts.clientRequestId,
    attempts: facts.attempts,
  })
  const detail: Record<string, string | number | boolean | null> = { ...error.detail }
  if (intune.code && intune.code !== intune.outerCode) detail.intuneCode = intune.code
  if (intune.message) detail.intuneMessage = intune.message.replace(TOKEN_LIKE, '[redacted]')
  if (intune.activityId) detail.activityId = intune.activityId
  if (intune.operationId) detail.operationId = intune.operationId
  if (approvalCode) detail.approvalCode = approvalCode
  return new CodedError(code, error.message, detail)
}
