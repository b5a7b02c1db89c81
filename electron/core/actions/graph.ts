import { randomUUID } from 'node:crypto'
import { CodedError, type ErrorCode } from '@shared/errors'
import type { Session } from '../auth/session'

/**
 * The Graph calls the passcode action and the team history need (domain §2.3, §2.4, §3). Narrow on
 * purpose so that tests and the issue-5 Graph client can both stand behind it.
 */
export interface PasscodeGraph {
  /** `GET /beta/deviceManagement/managedDevices/{id}` — beta, the only version that names Android modes (domain §2.2). */
  getDevice(deviceId: string): Promise<Record<string, unknown>>
  /** `GET …/managedDevices/{id}?$select=deviceActionResults` (domain §2.3). */
  getActionResults(deviceId: string): Promise<unknown[]>
  /**
   * `POST …/managedDevices/{id}/resetPasscode` (204). Never retried here: a POST is not idempotent
   * (domain §4.5). Throws `PostError`; `uncertain` says whether Intune may have received it anyway.
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
  constructor(code: ErrorCode, message: string, uncertain: boolean, options?: { cause?: unknown }) {
    super(code, message, undefined, options)
    this.uncertain = uncertain
  }
}

export interface FetchGraphOptions {
  readonly fetch?: typeof fetch
  /** Per request (default 30 s). */
  readonly timeoutMs?: number
  /** GET retries on 429/503/504 and network errors (default 2). */
  readonly getRetries?: number
  /** Caps a Retry-After wait (default 10 s) so the UI never hangs on one call. */
  readonly maxRetryDelayMs?: number
}

const PAGE_LIMIT = 50

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'AUTH_REQUIRED'
  if (status === 403) return 'GRAPH_FORBIDDEN'
  if (status === 404) return 'GRAPH_NOT_FOUND'
  if (status === 429) return 'GRAPH_THROTTLED'
  if (status >= 500) return 'GRAPH_UNAVAILABLE'
  return 'GRAPH_ERROR'
}

/** Connection refused / DNS failure: the request never left, so it is certainly not registered. */
function neverSent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(cause?.code ?? '')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A minimal fetch-based implementation over a Session (token, Graph root). */
export function createFetchPasscodeGraph(session: Session, options: FetchGraphOptions = {}): PasscodeGraph {
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 30_000
  const retries = options.getRetries ?? 2
  const maxDelay = options.maxRetryDelayMs ?? 10_000
  const root = session.profile.graphBaseUrl.replace(/\/+$/, '')

  async function request(method: 'GET' | 'POST', url: string, clientRequestId: string): Promise<Response> {
    const token = await session.getAccessToken()
    return doFetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'client-request-id': clientRequestId,
        'return-client-request-id': 'true',
      },
      signal: AbortSignal.timeout(timeoutMs),
    })
  }

  async function getJson(url: string): Promise<Record<string, unknown>> {
    let attempt = 0
    for (;;) {
      let response: Response
      try {
        response = await request('GET', url, randomUUID())
      } catch (error) {
        if (error instanceof CodedError) throw error
        if (attempt++ < retries) {
          await sleep(200 * attempt)
          continue
        }
        const timedOut = (error as { name?: string } | null)?.name === 'TimeoutError'
        throw new CodedError(timedOut ? 'TIMEOUT' : 'OFFLINE', 'Graph is not reachable', undefined, {
          cause: error,
        })
      }
      if (response.ok) {
        try {
          return (await response.json()) as Record<string, unknown>
        } catch (error) {
          throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph sent a body that is not JSON', undefined, {
            cause: error,
          })
        }
      }
      await response.body?.cancel().catch(() => {})
      if ([429, 503, 504].includes(response.status) && attempt++ < retries) {
        const after = Number(response.headers.get('retry-after'))
        await sleep(Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : 500 * attempt, maxDelay))
        continue
      }
      throw new CodedError(statusCode(response.status), `Graph answered ${response.status}`, {
        status: response.status,
      })
    }
  }

  async function allPages(url: string): Promise<unknown[]> {
    const out: unknown[] = []
    let next: string | null = url
    for (let page = 0; next && page < PAGE_LIMIT; page++) {
      const body = await getJson(next)
      if (!Array.isArray(body.value)) throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph list without value')
      out.push(...(body.value as unknown[]))
      const link = body['@odata.nextLink']
      next = typeof link === 'string' ? link : null
    }
    return out
  }

  const deviceUrl = (id: string) => `${root}/beta/deviceManagement/managedDevices/${encodeURIComponent(id)}`

  return {
    getDevice: (id) => getJson(deviceUrl(id)),
    async getActionResults(id) {
      const body = await getJson(`${deviceUrl(id)}?$select=deviceActionResults`)
      return Array.isArray(body.deviceActionResults) ? (body.deviceActionResults as unknown[]) : []
    },
    async resetPasscode(id, clientRequestId) {
      let response: Response
      try {
        response = await request('POST', `${deviceUrl(id)}/resetPasscode`, clientRequestId)
      } catch (error) {
        if (error instanceof CodedError)
          throw new PostError(error.code, error.message, false, { cause: error })
        const timedOut = (error as { name?: string } | null)?.name === 'TimeoutError'
        throw new PostError(
          timedOut ? 'TIMEOUT' : 'OFFLINE',
          'resetPasscode POST failed',
          !neverSent(error),
          {
            cause: error,
          },
        )
      }
      await response.body?.cancel().catch(() => {})
      if (response.ok) return { graphRequestId: response.headers.get('request-id') }
      // 5xx (and 504 in particular) may hide an action Intune registered (domain §4.5).
      throw new PostError(
        statusCode(response.status),
        `resetPasscode answered ${response.status}`,
        response.status >= 500,
      )
    },
    remoteActionAudits: () => allPages(`${root}/beta/deviceManagement/remoteActionAudits`),
    auditEvents: (from, to) =>
      allPages(
        `${root}/v1.0/deviceManagement/auditEvents?$filter=${encodeURIComponent(
          `activityDateTime ge ${from} and activityDateTime le ${to}`,
        )}`,
      ),
  }
}
