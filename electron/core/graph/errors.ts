import { CodedError, type ErrorCode } from '@shared/errors'

/** Graph's error body: `{ "error": { "code", "message", "innerError": { "request-id", … } } }`. */
export function graphErrorCode(body: unknown): string | null {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error
    if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string') {
      return (error as { code: string }).code.slice(0, 100)
    }
  }
  return null
}

/** Maps a final (non-retried or retries exhausted) HTTP status to the app's code. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'AUTH_REQUIRED'
  if (status === 403) return 'GRAPH_FORBIDDEN'
  if (status === 404) return 'GRAPH_NOT_FOUND'
  if (status === 429) return 'GRAPH_THROTTLED'
  if (status >= 500) return 'GRAPH_UNAVAILABLE'
  return 'GRAPH_ERROR'
}

export interface GraphErrorFacts {
  readonly status: number
  readonly graphCode: string | null
  readonly requestId: string | null
  readonly clientRequestId: string
  readonly attempts: number
}

/** The detail carries what support needs to find the request at Microsoft; never a token or body. */
export function graphError(
  code: ErrorCode,
  message: string,
  facts: Partial<GraphErrorFacts>,
  cause?: unknown,
): CodedError {
  const detail: Record<string, string | number | null> = {}
  if (facts.status !== undefined) detail.status = facts.status
  if (facts.graphCode) detail.graphCode = facts.graphCode
  if (facts.requestId) detail.requestId = facts.requestId
  if (facts.clientRequestId) detail.clientRequestId = facts.clientRequestId
  if (facts.attempts !== undefined) detail.attempts = facts.attempts
  return new CodedError(code, message, detail, cause === undefined ? undefined : { cause })
}
