import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node'
import { CodedError, type ErrorCode } from '@shared/errors'

/**
 * Entra ID error numbers (AADSTS…) that get their own localized message
 * (learn.microsoft.com/entra/identity-platform/reference-error-codes):
 * - 90002: tenant not found ("Tenant '…' not found");
 * - 65001: the user or administrator has not consented to the application;
 * - 700016: application not found in the directory (wrong client ID or wrong tenant);
 * - 50020 / 500011 / 700003: wrong tenant, resource or device object for this account.
 */
const AADSTS_CODES: Readonly<Record<string, ErrorCode>> = {
  '90002': 'AUTH_UNKNOWN_TENANT',
  '65001': 'AUTH_APP_NOT_CONSENTED',
  '700016': 'AUTH_APP_NOT_CONSENTED',
  '50020': 'AUTH_WRONG_TENANT',
}

/** The first AADSTS number in an MSAL error (error_codes[0] or the description text). */
export function aadstsNumber(error: unknown): string | null {
  if (error instanceof ServerError || error instanceof InteractionRequiredAuthError) {
    const no = (error as { errorNo?: unknown }).errorNo
    if (typeof no === 'number' || (typeof no === 'string' && /^\d+$/.test(no))) return String(no)
  }
  if (error instanceof Error) {
    const match = /AADSTS(\d{4,7})/.exec(error.message)
    if (match) return match[1]!
  }
  return null
}

/**
 * Turns anything MSAL throws into a CodedError that may cross to the renderer: a code, a short
 * message without the server's description (it can quote identifiers), and the AADSTS number.
 * `silent` = the error came from acquireTokenSilent: then "the agent must sign in again" is the
 * expected outcome for an expired or revoked refresh token (invalid_grant).
 */
export function toAuthError(error: unknown, silent: boolean): CodedError {
  if (error instanceof CodedError) return error
  const aadsts = aadstsNumber(error)
  const detail = aadsts ? { aadsts } : undefined
  const known = aadsts ? AADSTS_CODES[aadsts] : undefined
  if (known) return new CodedError(known, `Sign-in refused by Entra ID (AADSTS${aadsts})`, detail)
  if (error instanceof InteractionRequiredAuthError) {
    return new CodedError('AUTH_REQUIRED', 'The agent must sign in again', detail, { cause: error })
  }
  if (error instanceof AuthError) {
    const code = error.errorCode
    if (
      silent &&
      (code === 'invalid_grant' || code === 'no_tokens_found' || code === 'no_account_in_silent_request')
    ) {
      return new CodedError('AUTH_REQUIRED', 'The agent must sign in again', detail)
    }
    if (code === 'access_denied' || code === 'user_cancelled' || code === 'cancelled') {
      return new CodedError('AUTH_CANCELLED', 'Sign-in was cancelled', detail)
    }
    if (code === 'network_error' || code === 'endpoints_resolution_error' || code === 'openid_config_error') {
      return new CodedError('OFFLINE', 'The sign-in service could not be reached', detail)
    }
    return new CodedError('AUTH_FAILED', `Sign-in failed (${code.slice(0, 60)})`, detail)
  }
  return new CodedError('AUTH_FAILED', 'Sign-in failed', detail)
}
