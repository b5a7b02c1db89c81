import type { ConnectionCheck, ConnectionTestResult } from '@shared/api/schemas/profiles'
import { CodedError, type ErrorCode } from '@shared/errors'
import type { TenantEndpoints } from '../auth/endpoints'
import { fetchEffectivePermissions, RESET_PASSCODE_PERMISSION } from '../auth/permissions'
import type { Session } from '../auth/session'

const TIMEOUT_MS = 10_000

interface EntraError {
  readonly error?: string
  readonly error_codes?: readonly number[]
}

async function getJson(
  doFetch: typeof fetch,
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown }> {
  const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  return { status: response.status, body }
}

const failed = (step: ConnectionCheck['step'], code: ErrorCode, detail?: string): ConnectionCheck =>
  detail === undefined ? { step, status: 'failed', code } : { step, status: 'failed', code, detail }

function entraCode(body: unknown): { code: ErrorCode; detail: string } | null {
  const codes = (body as EntraError | null)?.error_codes ?? []
  if (codes.includes(90002)) return { code: 'AUTH_UNKNOWN_TENANT', detail: 'AADSTS90002' }
  if (codes.includes(700016)) return { code: 'AUTH_APP_NOT_CONSENTED', detail: 'AADSTS700016' }
  if (codes.includes(65001)) return { code: 'AUTH_APP_NOT_CONSENTED', detail: 'AADSTS65001' }
  return null
}

/**
 * "Test connection" (domain §4, §5). Without a token: the tenant's OpenID discovery document (an
 * unknown tenant answers AADSTS90002), then a deliberately invalid refresh-token request to the
 * token endpoint, which Entra ID answers with AADSTS700016 when the application (client) ID is not
 * registered in that tenant and with another error otherwise — no credential is sent. With the
 * profile's signed-in agent: Graph `/me` and the effective Intune permissions.
 */
export async function testConnection(
  endpoints: TenantEndpoints,
  session: Session | null,
  doFetch: typeof fetch = fetch,
): Promise<ConnectionTestResult> {
  const checks: ConnectionCheck[] = []
  const base = endpoints.authority.replace(/\/+$/, '')
  let tokenEndpoint: string | null = null

  try {
    const { status, body } = await getJson(doFetch, `${base}/v2.0/.well-known/openid-configuration`)
    const known = entraCode(body)
    const endpoint = (body as { token_endpoint?: unknown } | null)?.token_endpoint
    if (known) checks.push(failed('discovery', known.code, known.detail))
    else if (status !== 200 || typeof endpoint !== 'string')
      checks.push(failed('discovery', 'AUTH_UNKNOWN_TENANT', `HTTP ${status}`))
    else {
      tokenEndpoint = endpoint
      checks.push({ step: 'discovery', status: 'ok' })
    }
  } catch {
    checks.push(failed('discovery', 'OFFLINE'))
  }

  if (tokenEndpoint) {
    try {
      const { body } = await getJson(doFetch, tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: 'connection-test',
          client_id: endpoints.clientId,
          scope: 'openid',
        }).toString(),
      })
      const known = entraCode(body)
      checks.push(
        known ? failed('application', known.code, known.detail) : { step: 'application', status: 'ok' },
      )
    } catch {
      checks.push(failed('application', 'OFFLINE'))
    }
  } else {
    checks.push({ step: 'application', status: 'skipped' })
  }

  const agent = session?.agent() ?? null
  if (!session || !agent) {
    checks.push(
      { step: 'signIn', status: 'skipped' },
      { step: 'graph', status: 'skipped' },
      { step: 'permissions', status: 'skipped' },
    )
    return { ok: checks.every((c) => c.status !== 'failed'), checks }
  }

  let token: string | null = null
  try {
    token = await session.getAccessToken()
    checks.push({ step: 'signIn', status: 'ok' })
  } catch (error) {
    checks.push(failed('signIn', error instanceof CodedError ? error.code : 'AUTH_FAILED'))
  }
  if (!token) {
    checks.push({ step: 'graph', status: 'skipped' }, { step: 'permissions', status: 'skipped' })
    return { ok: false, checks }
  }

  try {
    const { status } = await getJson(doFetch, `${endpoints.graphBaseUrl}/v1.0/me`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    })
    if (status === 200) checks.push({ step: 'graph', status: 'ok' })
    else
      checks.push(
        failed(
          'graph',
          status === 401 ? 'AUTH_REQUIRED' : status === 403 ? 'GRAPH_FORBIDDEN' : 'GRAPH_ERROR',
          `HTTP ${status}`,
        ),
      )
  } catch {
    checks.push(failed('graph', 'OFFLINE'))
  }

  try {
    const permissions = await fetchEffectivePermissions(endpoints.graphBaseUrl, token, doFetch)
    checks.push(
      permissions.has(RESET_PASSCODE_PERMISSION)
        ? { step: 'permissions', status: 'ok' }
        : failed('permissions', 'PERMISSION_DENIED', RESET_PASSCODE_PERMISSION),
    )
  } catch (error) {
    // 403 here usually means DeviceManagementRBAC.Read.All was not granted (README).
    checks.push(failed('permissions', error instanceof CodedError ? error.code : 'GRAPH_ERROR'))
  }
  return { ok: checks.every((c) => c.status !== 'failed'), checks }
}
