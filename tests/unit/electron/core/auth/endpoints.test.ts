import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildMsalConfiguration,
  isLoopbackUrl,
  type TenantEndpoints,
} from '../../../../../electron/core/auth/endpoints'
import { endpointsForProfile } from '../../../../../electron/core/auth/profile-endpoints'
import { silentLogger } from '../../../../../electron/core/log'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
const endpoints = (authority: string): TenantEndpoints => ({
  authority,
  graphBaseUrl: 'https://graph.microsoft.com',
  tenantId: TENANT,
  clientId: CLIENT,
  qualifyScopes: false,
})

let server: Server | null = null
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

describe('MSAL configuration per profile', () => {
  it('uses the standard configuration for a real cloud (MSAL discovers the endpoints itself)', async () => {
    const config = await buildMsalConfiguration(
      endpointsForProfile({ id: 'p', name: 'C', tenantId: TENANT, clientId: CLIENT, cloud: 'usGovDod' }),
      undefined,
      silentLogger,
    )
    expect(config.auth).toEqual({ clientId: CLIENT, authority: `https://login.microsoftonline.us/${TENANT}` })
  })

  it('refuses http outside loopback', async () => {
    await expect(
      buildMsalConfiguration(endpoints(`http://login.example.com/${TENANT}`), undefined, silentLogger),
    ).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
    })
    expect(isLoopbackUrl('http://127.0.0.1:1/x')).toBe(true)
    expect(isLoopbackUrl('http://127.0.0.1.example.com/x')).toBe(false)
  })

  it('gives MSAL an https name for a loopback authority, with the tenant’s own metadata and endpoints', async () => {
    let base = ''
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
        res.end(
          JSON.stringify({
            issuer: `${base}/${TENANT}/v2.0`,
            token_endpoint: `${base}/${TENANT}/oauth2/v2.0/token`,
          }),
        )
      } else {
        res.statusCode = 404
        res.end('{}')
      }
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    base = `http://127.0.0.1:${port}`
    const config = await buildMsalConfiguration(endpoints(`${base}/${TENANT}`), undefined, silentLogger)
    expect(config.auth.authority).toBe(`https://127.0.0.1:${port}/${TENANT}`)
    expect(config.auth.knownAuthorities).toEqual([`127.0.0.1:${port}`])
    expect(JSON.parse(config.auth.authorityMetadata!)).toMatchObject({
      token_endpoint: `${base}/${TENANT}/oauth2/v2.0/token`,
    })
    // No discovery endpoint here: MSAL gets a one-host description instead.
    expect(JSON.parse(config.auth.cloudDiscoveryMetadata!).metadata[0].aliases).toEqual([`127.0.0.1:${port}`])
  })

  it('reports an unreachable loopback tenant as OFFLINE', async () => {
    await expect(
      buildMsalConfiguration(endpoints(`http://127.0.0.1:1/${TENANT}`), undefined, silentLogger),
    ).rejects.toMatchObject({
      code: 'OFFLINE',
    })
  })
})
