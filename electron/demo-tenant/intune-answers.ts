/**
 * Chosen devices answer like real Intune (domain §9), so the app's reading of Intune's failure
 * shapes is proven over HTTP, not only against fixtures. A device's `answersLike` trait (set by its
 * scenario, or by `devices.updateTraits(id, { answersLike })`) decides; GET by id and every action
 * on it go through `answerLikeIntune` before the normal handling:
 *
 * | trait | scenario | answer |
 * |---|---|---|
 * | `nestedUnknownError` | nestedUnknownError (iPhone de Victor) | 403 `UnknownError` whose message is JSON `{ErrorCode:"Forbidden", Message:"<v3 JSON>"}`, the v3 Message carrying an Activity ID distinct from the request-id (two levels; AzureAD/microsoft-authentication-library-for-js issue 7007) |
 * | `scopeTagDenied` | scopeTagsChanged (hprice_AndroidForWork_…) | 404 `ResourceNotFound` "Resource does not contain a tag allowed by the current role" for every agent — the device stays listed (its tags changed after the list was read; microsoft/Intune-PowerShell-SDK issue 119) |
 * | `throttledFractional` | throttledFractional (iPhone de Lucas) | the 1st, 3rd, 5th… request on the device answers 429 `TooManyRequests` with `Retry-After: 2.128` × timeScale, three decimals (Graph's throttling sample) |
 *
 * Multi Admin Approval is the `requiresApproval` trait (scenario approvalRequired), handled with the
 * agent policies in `intune-policies.ts`.
 */
import { randomUUID } from 'node:crypto'
import { fail, type GraphRequest } from './graph-query'
import { intuneV3Message } from './intune-policies'
import type { IntuneAnswer } from './types'

/** Microsoft's throttling sample (learn.microsoft.com/graph/throttling): `Retry-After: 2.128`. */
const SAMPLE_RETRY_AFTER_S = 2.128

export class IntuneAnswers {
  /** Requests seen per throttled device index (odd ones are refused). */
  private readonly seen = new Map<number, number>()

  constructor(private readonly timeScale: number) {}

  /** Throws the Graph failure the trait calls for; returns when the request may proceed. */
  check(index: number, answer: IntuneAnswer | undefined, req: GraphRequest): void {
    if (answer === 'nestedUnknownError') {
      // Two levels: Graph's message is JSON (ErrorCode + Message) whose Message is Intune's v3 JSON.
      const inner = intuneV3Message('An error has occurred', req, randomUUID())
      const message = JSON.stringify({
        ErrorCode: 'Forbidden',
        Message: inner,
        Target: null,
        Details: null,
        InnerError: null,
        InstanceAnnotations: [],
      })
      fail(403, 'UnknownError', message, req)
    }
    if (answer === 'scopeTagDenied') {
      fail(
        404,
        'ResourceNotFound',
        intuneV3Message('Resource does not contain a tag allowed by the current role.', req),
        req,
      )
    }
    if (answer === 'throttledFractional') {
      const n = (this.seen.get(index) ?? 0) + 1
      this.seen.set(index, n)
      if (n % 2 === 1) {
        fail(429, 'TooManyRequests', 'Too many requests. Retry after the delay in Retry-After.', req, {
          'retry-after': this.retryAfter(),
        })
      }
    }
  }

  /** Fractional seconds with three decimals, never 0 (a 0 would not show the parsing). */
  retryAfter(): string {
    return Math.max(0.001, Math.round(SAMPLE_RETRY_AFTER_S * this.timeScale * 1000) / 1000).toFixed(3)
  }
}
