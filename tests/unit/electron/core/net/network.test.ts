// Core's network adapters over REAL local HTTP servers on 127.0.0.1: MSAL's network client over a
// given fetch (the Electron host's net.fetch), and the Node hosts' fetch through HTTPS_PROXY.
// The "proxy" answers requests itself, so nothing ever leaves 127.0.0.1.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { AuthError } from '@azure/msal-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchNetworkClient } from '../../../../../electron/core/net/msal-network'
import { createNodeFetch, proxyFromEnvironment } from '../../../../../electron/core/net/node-fetch'

function listen(handler: (req: IncomingMessage, body: string) => [number, string]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const [status, text] = handler(req, body)
      if (status === 0) return // never answer (timeout test)
      res.writeHead(status, { 'content-type': 'application/json', 'x-test': 'yes' }).end(text)
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`

let target: Server
let proxy: Server
const proxied: string[] = []
beforeAll(async () => {
  target = await listen((req, body) => {
    if (req.url === '/slow') return [0, '']
    if (req.url === '/not-json') return [200, '<html>']
    return [
      200,
      JSON.stringify({ method: req.method, url: req.url, body, ua: req.headers['x-client'] ?? null }),
    ]
  })
  proxy = await listen((req) => {
    proxied.push(`${req.method} ${req.url}`)
    return [200, JSON.stringify({ viaProxy: true, url: req.url })]
  })
  // A tunnelling proxy (CONNECT, what undici uses): whatever host is asked for, the tunnel leads to
  // the local target server, so nothing leaves 127.0.0.1.
  proxy.on('connect', (req: IncomingMessage, client: Socket) => {
    proxied.push(`CONNECT ${req.url}`)
    const upstream = connect((target.address() as AddressInfo).port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(client)
      client.pipe(upstream)
    })
  })
})
afterAll(() => {
  target.close()
  proxy.close()
})

describe('MSAL network client over the host fetch', () => {
  it('sends GET and POST through the given fetch, with headers and body, returning JSON, status and headers', async () => {
    const seen: string[] = []
    const recording = ((input: string, init?: RequestInit) => {
      seen.push(`${init?.method} ${input}`)
      return fetch(input, init)
    }) as typeof fetch
    const client = createFetchNetworkClient(recording)
    const got = await client.sendGetRequestAsync<{ method: string; ua: string }>(`${urlOf(target)}/get`, {
      headers: { 'x-client': 'msal' },
    })
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({ method: 'GET', ua: 'msal' })
    expect(got.headers['x-test']).toBe('yes')
    const posted = await client.sendPostRequestAsync<{ method: string; body: string }>(
      `${urlOf(target)}/token`,
      {
        body: 'grant_type=refresh_token',
      },
    )
    expect(posted.body).toMatchObject({ method: 'POST', body: 'grant_type=refresh_token' })
    expect(seen).toEqual([`GET ${urlOf(target)}/get`, `POST ${urlOf(target)}/token`])
  })

  it('reports a timeout, a refused connection and a non-JSON body as MSAL errors', async () => {
    const client = createFetchNetworkClient(fetch)
    await expect(client.sendGetRequestAsync(`${urlOf(target)}/slow`, {}, 100)).rejects.toMatchObject({
      errorCode: 'network_error',
      errorMessage: 'Request timeout',
    })
    const closed = await listen(() => [200, '{}'])
    const gone = urlOf(closed)
    closed.close()
    await expect(client.sendGetRequestAsync(`${gone}/x`)).rejects.toBeInstanceOf(AuthError)
    await expect(client.sendGetRequestAsync(`${urlOf(target)}/not-json`)).rejects.toMatchObject({
      errorCode: 'token_parsing_error',
    })
  })
})

describe('Node hosts: fetch through HTTPS_PROXY', () => {
  it('uses Node’s fetch when no proxy variable is set', () => {
    expect(proxyFromEnvironment({})).toBeNull()
    expect(createNodeFetch({})).toBe(globalThis.fetch)
    expect(proxyFromEnvironment({ https_proxy: 'http://p:1' })).toBe('http://p:1')
  })

  it('sends requests for other hosts to the proxy, and loopback directly', async () => {
    const viaProxy = createNodeFetch({ HTTP_PROXY: urlOf(proxy), HTTPS_PROXY: urlOf(proxy) })
    // The target name is never resolved or contacted: the proxy on 127.0.0.1 answers it.
    const far = await viaProxy('http://graph.example.invalid/v1.0/me')
    expect(await far.json()).toMatchObject({ method: 'GET', url: '/v1.0/me' })
    expect(proxied).toEqual(['CONNECT graph.example.invalid:80'])
    const near = await viaProxy(`${urlOf(target)}/direct`)
    expect(await near.json()).toMatchObject({ url: '/direct' })
    expect(proxied).toHaveLength(1)
  })
})
