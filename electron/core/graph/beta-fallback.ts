import { CodedError, type ErrorCode } from '@shared/errors'

/**
 * When a beta read is refused, which refusals send it to v1.0 (domain §2.2: beta alone names the
 * Android modes, so v1.0 is a degraded read — some verdicts become undetermined). One table for
 * every reader, so the rule cannot drift between them.
 */
export type BetaRead = 'sync' | 'refresh'

interface Refusal {
  readonly code: ErrorCode
  /** When set, only this HTTP status of that code. */
  readonly status?: number
}

export const BETA_FALLBACK: Readonly<Record<BetaRead, readonly Refusal[]>> = {
  // The device list: Graph refuses a beta $select it does not know with 400, a tenant without beta
  // answers 404.
  sync: [{ code: 'GRAPH_ERROR', status: 400 }, { code: 'GRAPH_NOT_FOUND' }],
  // One device: a 404 there means the device is gone (or out of scope, domain §9), never "no beta".
  refresh: [{ code: 'GRAPH_ERROR', status: 400 }],
}

/** Whether this error from a beta read means: read it again through v1.0. */
export function fallsBackToV1(read: BetaRead, error: unknown): boolean {
  if (!(error instanceof CodedError)) return false
  return BETA_FALLBACK[read].some(
    (r) => r.code === error.code && (r.status === undefined || error.detail?.status === r.status),
  )
}
