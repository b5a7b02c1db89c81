import type { AuthStatus, PermissionReason } from '@shared/api/schemas/auth'
import { CodedError } from '@shared/errors'
import { RESET_PASSCODE_PERMISSION } from './permissions'
import type { ProfileAuth } from './profile-auth'
import type { ActiveProfile } from './session'

/**
 * `auth:status` for the active profile: who is signed in, whether sign-in must be done again, and
 * whether their Intune role can reset passcodes (domain §1.4) — asked of Graph only when signed in.
 */
export async function authStatusOf(
  profile: ActiveProfile,
  auth: ProfileAuth | null,
  permissions: () => Promise<ReadonlySet<string>>,
): Promise<AuthStatus> {
  const agent = auth?.agent() ?? null
  let state: AuthStatus['state'] = 'signedOut'
  if (auth?.signInInProgress) state = 'signingIn'
  else if (agent) state = auth?.reauthRequired ? 'reauthRequired' : 'signedIn'
  let canResetPasscode = false
  let permissionReason: PermissionReason | null = 'signedOut'
  let missingPermission: string | null = null
  if (state === 'signedIn' || (state === 'signingIn' && agent && !auth?.reauthRequired)) {
    try {
      canResetPasscode = (await permissions()).has(RESET_PASSCODE_PERMISSION)
      permissionReason = canResetPasscode ? null : 'missingPermission'
      missingPermission = canResetPasscode ? null : RESET_PASSCODE_PERMISSION
    } catch (error) {
      if (error instanceof CodedError && error.code === 'AUTH_REQUIRED') {
        state = 'reauthRequired'
        permissionReason = 'signedOut'
      } else {
        permissionReason = 'permissionsUnavailable'
      }
    }
  }
  return {
    profileId: profile.id,
    profileName: profile.name,
    profileKind: profile.kind,
    state,
    agent: agent ? { upn: agent.upn, displayName: agent.displayName, tenantId: agent.tenantId } : null,
    cachePersistence: auth?.persistence ?? 'memory',
    canResetPasscode,
    permissionReason,
    missingPermission,
  }
}
