import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { probeGraph, reportingFetch } from '../../../../../electron/core/connectivity/probe'

/** A real loopback server: the probe's answer depends on what an HTTP peer actually does. */
let server: Server | null = null
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

describe('probeGraph', () => {
  it('takes any answer below 500 as reachable, without sending a token', async () => {
    let auth: string | undefined = 'unset'
    let path = ''
    const base = await serve((req, res) => {
      auth = req.headers.authorization
      path = req.url ?? ''
      res.writeHead(401).end()
    })
    expect(await probeGraph(base)).toBeNull()
    expect(auth).toBeUndefined()
    expect(path).toBe('/v1.0/')
  })

  it('says GRAPH_UNAVAILABLE on 5xx, OFFLINE when refused, TIMEOUT when silent', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/v1.0/' && req.headers['x-hang'] === undefined) res.writeHead(503).end()
    })
    expect(await probeGraph(base)).toBe('GRAPH_UNAVAILABLE')
    expect(await probeGraph('http://127.0.0.1:1')).toBe('OFFLINE')
    const silent = await (async () => {
      server!.removeAllListeners('request')
      server!.on('request', () => {}) // never answers
      return probeGraph(base, fetch, 300)
    })()
    expect(silent).toBe('TIMEOUT')
  })
})

describe('reportingFetch', () => {
  it('notes each attempt as it happens, but not the caller’s own abort', async () => {
    const base = await serve((_req, res) => res.writeHead(200).end('{}'))
    const notes: unknown[] = []
    const f = reportingFetch((o) => notes.push(o))
    await f(`${base}/x`)
    await expect(f('http://127.0.0.1:1/x')).rejects.toThrow()
    const controller = new AbortController()
    controller.abort()
    await expect(f(`${base}/x`, { signal: controller.signal })).rejects.toThrow()
    expect(notes).toEqual([null, 'OFFLINE'])
  })
})
