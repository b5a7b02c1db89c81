/**
 * Reading an error body the way Intune really sends it (domain §9 "nested errors", "scope tags",
 * "Multi Admin Approval"). Intune's services often answer
 * `{"error":{"code":"UnknownError","message":"<JSON>"}}` where the message is itself JSON holding
 * `ErrorCode` (e.g. "Forbidden") and a `Message` — sometimes JSON again — whose text carries the
 * Operation ID and Activity ID support asks for. This module never throws: garbage gives nulls.
 */

/** Deep enough for the two levels seen in the wild, shallow enough that a hostile body stays cheap. */
export const MAX_NESTING = 4
/** A message longer than this is not parsed (Graph's are a few hundred characters). */
const MAX_MESSAGE_CHARS = 16_000

/** The phrase Intune puts in the 404 for a device outside the caller's role scope tags (domain §9). */
export const SCOPE_TAG_DENIAL = 'Resource does not contain a tag allowed by the current role'

export interface IntuneErrorFacts {
  /** The outermost `error.code` (e.g. UnknownError, ResourceNotFound, ApprovalRequired). */
  readonly outerCode: string | null
  /** The most specific code found while unwrapping (`ErrorCode` of the innermost level that has one). */
  readonly code: string | null
  /** The innermost human message, with its support trailer ("- Operation ID …") cut off. */
  readonly message: string | null
  /** Intune's Activity ID (a GUID), for Microsoft support. */
  readonly activityId: string | null
  /** Intune's Operation ID when it is not the all-zero placeholder. */
  readonly operationId: string | null
  /** Graph's `innerError.request-id`, when the body has one. */
  readonly requestId: string | null
  /** The device is outside the agent's Intune scope (a scope-tag 404, not a deleted device). */
  readonly scopeTagDenied: boolean
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const ZERO_GUID = '00000000-0000-0000-0000-000000000000'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function stringField(record: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name]
    if (typeof value === 'string' && value.length > 0) return value.slice(0, MAX_MESSAGE_CHARS)
  }
  return null
}

/** A JSON object hidden in a string, or null (never throws). */
function parseObject(text: string): Record<string, unknown> | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') || trimmed.length > MAX_MESSAGE_CHARS) return null
  try {
    const parsed: unknown = JSON.parse(trimmed)
    return isObject(parsed) ? parsed : null
  } catch {
    return null
  }
}

function idAfter(text: string, label: string): string | null {
  const at = text.search(new RegExp(`${label}\\s*:?\\s*`, 'i'))
  if (at < 0) return null
  const match = GUID.exec(text.slice(at, at + label.length + 60))
  return match ? match[0].toLowerCase() : null
}

/** "An error has occurred - Operation ID (for customer support): … - Url: …" → "An error has occurred". */
function plainSentence(text: string): string {
  const cut = text.search(/\s+-\s+(Operation ID|Activity ID|Url)\b/i)
  return (cut >= 0 ? text.slice(0, cut) : text).trim().slice(0, 500)
}

export function readIntuneError(body: unknown): IntuneErrorFacts {
  const error = isObject(body) && isObject(body.error) ? body.error : null
  const outerCode = error ? stringField(error, 'code') : null
  let code: string | null = outerCode
  let message: string | null = error ? stringField(error, 'message') : null
  let requestId: string | null = null
  if (error) {
    const inner = isObject(error.innerError)
      ? error.innerError
      : isObject(error.innererror)
        ? error.innererror
        : null
    if (inner) requestId = stringField(inner, 'request-id', 'requestId')
  }
  // Every message seen while unwrapping: the IDs and the scope phrase may sit at any level.
  const seen: string[] = message ? [message] : []
  for (let depth = 0; depth < MAX_NESTING && message; depth++) {
    const nested = parseObject(message)
    if (!nested) break
    const nestedCode = stringField(nested, 'ErrorCode', 'errorCode', 'code')
    if (nestedCode) code = nestedCode
    const nestedMessage = stringField(nested, 'Message', 'message')
    if (!nestedMessage) break
    message = nestedMessage
    seen.push(message)
  }
  const all = seen.join('\n')
  const operationId = idAfter(all, 'Operation ID \\(for customer support\\)') ?? idAfter(all, 'Operation ID')
  return {
    outerCode: outerCode?.slice(0, 100) ?? null,
    code: code?.slice(0, 100) ?? null,
    message: message ? plainSentence(message) : null,
    activityId: idAfter(all, 'Activity ID'),
    operationId: operationId === ZERO_GUID ? null : operationId,
    requestId: requestId && GUID.test(requestId) ? requestId.slice(0, 64) : null,
    scopeTagDenied: all.toLowerCase().includes(SCOPE_TAG_DENIAL.toLowerCase()),
  }
}

/** Multi Admin Approval (domain §9): 403 `ApprovalRequired` with an `x-msft-approval-code` header. */
export function approvalCodeOf(
  status: number,
  facts: IntuneErrorFacts,
  header: string | null,
): string | null {
  if (status !== 403) return null
  const code = header?.trim() ?? ''
  const flagged = facts.outerCode === 'ApprovalRequired' || facts.code === 'ApprovalRequired'
  if (!flagged && code === '') return null
  // The code is an opaque handle for re-sending after approval; keep it short and printable.
  return /^[\x21-\x7e]{1,200}$/.test(code) ? code : flagged ? '' : null
}
