import { describe, expect, it } from 'vitest'
import { GRAPH_SCOPES, grantedGraphScopes } from '../../../electron/demo-tenant/identity'
import { signJwt, verifyJwt } from '../../../electron/demo-tenant/jwt'

describe('scopes and tokens', () => {
  it('grants Graph scopes by short name or any resource URI; .default means all; OIDC scopes are not Graph scopes', () => {
    expect(grantedGraphScopes(['openid', 'profile', 'offline_access', 'User.Read'])).toEqual(['User.Read'])
    expect(
      grantedGraphScopes([
        'https://graph.microsoft.com/DeviceManagementApps.Read.All',
        'http://127.0.0.1:4000/User.Read',
      ]),
    ).toEqual(['DeviceManagementApps.Read.All', 'User.Read'])
    expect(grantedGraphScopes(['https://graph.microsoft.com/.default']).sort()).toEqual(
      [...GRAPH_SCOPES].sort(),
    )
  })

  it('verifies HS256 signatures with the issuing secret only', () => {
    const a = Buffer.alloc(32, 1)
    const b = Buffer.alloc(32, 2)
    const token = signJwt({ tid: 't', exp: 1 }, a, 'k')
    expect(verifyJwt(token, a)).toEqual({ tid: 't', exp: 1 })
    expect(verifyJwt(token, b)).toBeUndefined()
    const [h, , sig] = token.split('.')
    expect(verifyJwt(`${h}.${Buffer.from('{"tid":"x"}').toString('base64url')}.${sig}`, a)).toBeUndefined()
  })
})
