import { CodedError } from '@shared/errors'
import { fetchEffectivePermissions } from './permissions'

/**
 * The signed-in agent's effective Intune permissions (domain §1.4), reused for a while: every
 * status and every issue asks, and Graph's answer changes only when an admin edits a role.
 * A refusal is remembered too (the same question would fail the same way), but not AUTH_REQUIRED
 * or OFFLINE: those pass with sign-in or the network.
 */
export interface PermissionsRequest {
  readonly upn: string
  readonly graphBaseUrl: string
  readonly token: () => Promise<string>
  /** False when the profile changed while Graph answered: its answer is not kept for the new one. */
  readonly stillActive: () => boolean
}

export interface PermissionsCache {
  load(request: PermissionsRequest): Promise<ReadonlySet<string>>
  clear(): void
}

interface Entry {
  readonly at: number
  readonly upn: string
  readonly value: ReadonlySet<string> | null
  readonly error: CodedError | null
}

export function createPermissionsCache(options: {
  readonly ttlMs: number
  readonly fetch?: typeof fetch
  readonly now?: () => number
}): PermissionsCache {
  const now = options.now ?? Date.now
  let entry: Entry | null = null
  return {
    async load(request) {
      const cached = entry
      if (cached && cached.upn === request.upn && now() - cached.at < options.ttlMs) {
        if (cached.value) return cached.value
        if (cached.error) throw cached.error
      }
      try {
        const token = await request.token()
        const value = await fetchEffectivePermissions(request.graphBaseUrl, token, options.fetch)
        if (request.stillActive()) entry = { at: now(), upn: request.upn, value, error: null }
        return value
      } catch (error) {
        const coded =
          error instanceof CodedError ? error : new CodedError('GRAPH_ERROR', 'Permissions could not be read')
        if (request.stillActive() && coded.code !== 'AUTH_REQUIRED' && coded.code !== 'OFFLINE') {
          entry = { at: now(), upn: request.upn, value: null, error: coded }
        }
        throw coded
      }
    },
    clear() {
      entry = null
    },
  }
}
