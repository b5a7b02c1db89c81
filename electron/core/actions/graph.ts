import { CodedError, type ErrorCode } from '@shared/errors'
import type { Session } from '../auth/session'
import type { GraphClient } from '../graph/client'
import { normalizeManagedDevice, singleDeviceOf } from '../graph/normalize'
import { createSessionGraphClient, sessionAccess, type SessionGraphDeps } from '../graph/session-client'

/**
 * The Graph calls the passcode action and the team history need (domain §2.3, §2.4, §3). Narrow on
 * purpose so that tests and the sync's Graph client can both stand behind it.
 */
export interface PasscodeGraph {
  /** `GET /beta/deviceManagement/managedDevices/{id}` — beta, the only version that names Android modes (domain §2.2). */
  getDevice(deviceId: string): Promise<Record<string, unknown>>
  /** `GET …/managedDevices/{id}?$select=deviceActionResults` (domain §2.3). */
  getActionResults(deviceId: string): Promise<unknown[]>
  /**
   * `POST …/managedDevices/{id}/resetPasscode` (204). Never retried after a failure that may have
   * reached Intune: a POST is not idempotent (domain §4.5); only a 429 is (the client, graph/retry.ts). Throws `PostError`; `uncertain` says whether Intune may have received it anyway.
   */
  resetPasscode(deviceId: string, clientRequestId: string): Promise<{ graphRequestId: string | null }>
  /** `GET /beta/deviceManagement/remoteActionAudits` (domain §3.2), all pages. */
  remoteActionAudits(): Promise<unknown[]>
  /** `GET /v1.0/deviceManagement/auditEvents` in a date range (domain §3.1), all pages. */
  auditEvents(from: string, to: string): Promise<unknown[]>
}

/** A failed POST. `uncertain`: timeout, dropped connection or 5xx — Intune may have registered it. */
export class PostError extends CodedError {
  readonly uncertain: boolean
  constructor(
    code: ErrorCode,
    message: string,
    uncertain: boolean,
    options?: { cause?: unknown; detail?: CodedError['detail'] },
  ) {
    super(code, message, options?.detail, options)
    this.uncertain = uncertain
  }
}

/** Pages followed at most for one team-history read (1000 entries each, domain §2.6). */
const PAGE_LIMIT = 50

/** Connection refused / DNS failure: the request never left, so it is certainly not registered. */
function neverSent(error: CodedError): boolean {
  const cause = (error as { cause?: { cause?: { code?: string }; code?: string } }).cause
  const code = cause?.cause?.code ?? cause?.code ?? ''
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)
}

/** Whether Intune may have registered a POST that failed this way (domain §4.5: timeouts and 5xx). */
export function isUncertain(error: CodedError): boolean {
  if (error.code === 'TIMEOUT' || error.code === 'GRAPH_UNAVAILABLE') return true
  if (error.code === 'OFFLINE') return !neverSent(error)
  return false
}

/** The passcode calls over the shared Graph client (electron/core/graph). */
export function createPasscodeGraph(client: GraphClient): PasscodeGraph {
  const deviceUrl = (id: string) => `/beta/deviceManagement/managedDevices/${encodeURIComponent(id)}`
  const asObject = (body: unknown): Record<string, unknown> => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph sent no object')
    }
    return body as Record<string, unknown>
  }

  async function allPages(path: string): Promise<unknown[]> {
    const out: unknown[] = []
    let next: string | null = path
    for (let page = 0; next && page < PAGE_LIMIT; page++) {
      const body = asObject((await client.get(next)).body)
      if (!Array.isArray(body.value)) throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph list without value')
      out.push(...(body.value as unknown[]))
      const link = body['@odata.nextLink']
      next = typeof link === 'string' ? link : null
    }
    return out
  }

  return {
    // The single-device GET, unwrapped from `value` and normalised (domain §9); deviceActionResults
    // is read from it, never from a list (often empty there).
    getDevice: async (id) =>
      asObject(normalizeManagedDevice(singleDeviceOf((await client.get(deviceUrl(id))).body))),
    async getActionResults(id) {
      const body = asObject(
        normalizeManagedDevice(
          singleDeviceOf((await client.get(`${deviceUrl(id)}?$select=deviceActionResults`)).body),
        ),
      )
      return Array.isArray(body.deviceActionResults) ? (body.deviceActionResults as unknown[]) : []
    },
    async resetPasscode(id, clientRequestId) {
      try {
        const response = await client.post(`${deviceUrl(id)}/resetPasscode`, {
          clientRequestId,
          retry: false,
        })
        return { graphRequestId: response.requestId }
      } catch (error) {
        if (!(error instanceof CodedError))
          throw new PostError('INTERNAL', 'resetPasscode failed', true, { cause: error })
        throw new PostError(error.code, error.message, isUncertain(error), {
          cause: error,
          detail: error.detail,
        })
      }
    },
    remoteActionAudits: () => allPages('/beta/deviceManagement/remoteActionAudits'),
    auditEvents: (from, to) =>
      allPages(
        `/v1.0/deviceManagement/auditEvents?$filter=${encodeURIComponent(
          `activityDateTime ge ${from} and activityDateTime le ${to}`,
        )}`,
      ),
  }
}

/** The passcode calls over the session's Graph, tuned for an agent on the phone (graph/session-client.ts). */
export function createSessionPasscodeGraph(session: Session, deps: SessionGraphDeps = {}): PasscodeGraph {
  return createPasscodeGraph(createSessionGraphClient(sessionAccess(session), 'action', deps))
}
