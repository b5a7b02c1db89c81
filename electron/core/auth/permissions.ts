import { CodedError } from '@shared/errors'

/** The Intune RBAC action behind "Reset passcode" / "Remove passcode" (domain §1.4). */
export const RESET_PASSCODE_PERMISSION = 'Microsoft.Intune_RemoteTasks_ResetPasscode'

/**
 * `GET /v1.0/deviceManagement/getEffectivePermissions(scope='AllResources')`: "Retrieves the
 * effective permissions of the currently authenticated user" (learn.microsoft.com/graph/api/
 * intune-rbac-devicemanagement-geteffectivepermissions; needs DeviceManagementRBAC.Read.All).
 * The answer is a collection of rolePermission, each with resourceActions
 * `{ allowedResourceActions[], notAllowedResourceActions[] }` (intune-rbac-rolepermission).
 */
export function effectivePermissionsUrl(graphBaseUrl: string): string {
  return `${graphBaseUrl}/v1.0/deviceManagement/getEffectivePermissions(scope='AllResources')`
}

interface ResourceAction {
  allowedResourceActions?: unknown
  notAllowedResourceActions?: unknown
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * Intune actions whose names callers test with `permissions().has(…)`. Wildcard grants (`*`,
 * `Microsoft.Intune_RemoteTasks_*`) are expanded against this list so `has` stays a plain lookup.
 */
export const KNOWN_INTUNE_ACTIONS = [
  RESET_PASSCODE_PERMISSION,
  'Microsoft.Intune_RemoteTasks_RemoteLock',
  'Microsoft.Intune_ManagedDevices_Read',
  'Microsoft.Intune_Organization_Read',
  'Microsoft.Intune_Audit_Read',
] as const

/**
 * Flattens the rolePermission collection into the set of allowed actions; an action listed as not
 * allowed anywhere is removed, even when a wildcard grants it.
 */
export function parseEffectivePermissions(body: unknown): Set<string> {
  const value = (body as { value?: unknown } | null)?.value
  if (!Array.isArray(value))
    throw new CodedError('GRAPH_BAD_RESPONSE', 'getEffectivePermissions: no value array')
  const allowed = new Set<string>()
  const denied = new Set<string>()
  for (const permission of value) {
    const actions = (permission as { resourceActions?: unknown } | null)?.resourceActions
    if (!Array.isArray(actions)) continue
    for (const action of actions as ResourceAction[]) {
      for (const a of strings(action?.allowedResourceActions)) allowed.add(a)
      for (const d of strings(action?.notAllowedResourceActions)) denied.add(d)
    }
  }
  const wildcards = [...allowed].filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1))
  for (const known of KNOWN_INTUNE_ACTIONS) {
    if (wildcards.some((prefix) => known.startsWith(prefix))) allowed.add(known)
  }
  for (const d of denied) allowed.delete(d)
  return allowed
}

export async function fetchEffectivePermissions(
  graphBaseUrl: string,
  accessToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Set<string>> {
  let response: Response
  try {
    response = await fetchImpl(effectivePermissionsUrl(graphBaseUrl), {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    })
  } catch (error) {
    throw new CodedError('OFFLINE', 'Microsoft Graph could not be reached', undefined, { cause: error })
  }
  if (response.status === 401) throw new CodedError('AUTH_REQUIRED', 'Graph refused the access token')
  if (response.status === 403)
    throw new CodedError('GRAPH_FORBIDDEN', 'Not allowed to read effective permissions')
  if (!response.ok) throw new CodedError('GRAPH_ERROR', `getEffectivePermissions answered ${response.status}`)
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new CodedError('GRAPH_BAD_RESPONSE', 'getEffectivePermissions: invalid JSON')
  }
  return parseEffectivePermissions(body)
}
