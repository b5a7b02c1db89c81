import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node'
import { describe, expect, it } from 'vitest'
import { aadstsNumber, toAuthError } from '../../../../../electron/core/auth/errors'
import { CodedError } from '../../../../../shared/errors'

const server = (error: string, no: number, description = `AADSTS${no}: something`) =>
  new ServerError(error, 'corr', `Error(s): ${no} - Description: ${description}`, undefined, String(no))

describe('MSAL error mapping', () => {
  it('maps Entra error numbers to localized codes', () => {
    expect(toAuthError(server('invalid_request', 90002), false).code).toBe('AUTH_UNKNOWN_TENANT')
    expect(toAuthError(server('invalid_grant', 65001), false).code).toBe('AUTH_APP_NOT_CONSENTED')
    expect(toAuthError(server('unauthorized_client', 700016), false).code).toBe('AUTH_APP_NOT_CONSENTED')
    expect(toAuthError(server('unauthorized_client', 700016), false).detail).toEqual({ aadsts: '700016' })
  })

  it('asks for a new sign-in when silent renewal fails', () => {
    expect(toAuthError(new InteractionRequiredAuthError('interaction_required', 'corr'), true).code).toBe(
      'AUTH_REQUIRED',
    )
    expect(toAuthError(server('invalid_grant', 50173), true).code).toBe('AUTH_REQUIRED')
    // Interactive: invalid_grant is a failed sign-in, not a loop back to sign-in.
    expect(toAuthError(server('invalid_grant', 50173), false).code).toBe('AUTH_FAILED')
  })

  it('recognises cancellation and network failures', () => {
    expect(toAuthError(new ServerError('access_denied', 'c', 'cancelled'), false).code).toBe('AUTH_CANCELLED')
    expect(toAuthError(new AuthError('network_error', 'Network request failed'), true).code).toBe('OFFLINE')
  })

  it('keeps server descriptions out of the message', () => {
    const coded = toAuthError(server('invalid_grant', 50173, 'AADSTS50173: user alice@contoso.com'), false)
    expect(coded.message).not.toContain('alice')
  })

  it('passes CodedErrors through and finds AADSTS numbers in text', () => {
    const original = new CodedError('AUTH_WRONG_TENANT', 'x')
    expect(toAuthError(original, false)).toBe(original)
    expect(aadstsNumber(new Error('AADSTS700016: Application not found'))).toBe('700016')
    expect(aadstsNumber(new Error('no number'))).toBeNull()
  })
})
