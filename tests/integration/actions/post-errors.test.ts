import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionPasscodeGraph, PostError } from '../../../electron/core/actions/graph'
import type { Session } from '../../../electron/core/auth/session'
import { freePort } from './harness'

/**
 * How a failed resetPasscode POST is classified, against real sockets on 127.0.0.1: refused before
 * sending = certainly not registered; cut after sending or 5xx = maybe registered (must be verified).
 */
let server: Server | null = null
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)))
  server = null
})

function session(graphBaseUrl: string): Session {
  return {
    profile: { id: 'p', name: 'p', kind: 'tenant', tenantId: 't', graphBaseUrl },
    profileDataDir: '/nonexistent',
    agent: () => null,
    getAccessToken: async () => 'token',
    permissions: async () => new Set(),
  }
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

async function postError(base: string): Promise<PostError> {
  const error = await createSessionPasscodeGraph(session(base))
    .resetPasscode('d1', 'req-1')
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(PostError)
  return error as PostError
}

describe('resetPasscode failures', () => {
  it('connection refused: OFFLINE and certainly not sent', async () => {
    const e = await postError(`http://127.0.0.1:${await freePort()}`)
    expect([e.code, e.uncertain]).toEqual(['OFFLINE', false])
  })

  it('socket cut after the request arrived: maybe registered', async () => {
    let posts = 0
    const base = await serve((req) => {
      posts++
      req.socket.destroy()
    })
    const e = await postError(base)
    expect([e.code, e.uncertain]).toEqual(['OFFLINE', true])
    expect(posts).toBe(1)
  })

  it('504 is uncertain and never retried; 403 and 429 are definite', async () => {
    const statuses = [504, 403, 429]
    let posts = 0
    const base = await serve((_req, res) => {
      // A Retry-After longer than the agent can wait (10 s): the 429 fails at once, definitely not done.
      res.writeHead(statuses[posts++]!, { 'content-type': 'application/json', 'retry-after': '30' }).end('{}')
    })
    expect(await postError(base)).toMatchObject({ code: 'GRAPH_UNAVAILABLE', uncertain: true })
    expect(await postError(base)).toMatchObject({ code: 'GRAPH_FORBIDDEN', uncertain: false })
    expect(await postError(base)).toMatchObject({ code: 'GRAPH_THROTTLED', uncertain: false })
    expect(posts).toBe(3)
  })

  it('a 429 with a short Retry-After is sent again after it (Graph did nothing the first time)', async () => {
    const statuses = [429, 204]
    const sentAt: number[] = []
    const base = await serve((_req, res) => {
      sentAt.push(Date.now())
      res.writeHead(statuses[sentAt.length - 1]!, { 'retry-after': '0.3' }).end()
    })
    await createSessionPasscodeGraph(session(base)).resetPasscode('d1', 'req-2')
    expect(sentAt).toHaveLength(2)
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(290)
  })
})
