/** A real browser host over a real core (temp data dir) and a temp static folder, on 127.0.0.1:0. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import {
  BRIDGE_PATH,
  BRIDGE_PROTOCOL,
  SECRET_PROTOCOL_PREFIX,
  type BridgeServerMessage,
} from '@shared/api/bridge'
import { createCore, type Core } from '../../../electron/core'
import { createLogger } from '../../../electron/core/log'
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server'

export interface Harness {
  readonly core: Core
  readonly host: BrowserHost
  readonly base: string
  readonly staticDir: string
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const base = mkdtempSync(join(tmpdir(), 'pd-browser-host-'))
  const staticDir = join(base, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Passcode Desk</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(base, 'secret.txt'), 'OUTSIDE-THE-ROOT')
  const log = createLogger({})
  const core = await createCore({
    dataDir: join(base, 'data'),
    host: { kind: 'browser', locale: () => 'en-GB' },
    logger: log,
  })
  const host = await startBrowserHost({ router: core.router, events: core.events, log, staticDir, port: 0 })
  return {
    core,
    host,
    base,
    staticDir,
    async close() {
      await host.close()
      await core.dispose()
      rmSync(base, { recursive: true, force: true })
    },
  }
}

export interface ConnectOptions {
  readonly secret?: string | null
  readonly origin?: string | null
  readonly hostHeader?: string
  readonly path?: string
}

/** Resolves with the open socket, or rejects with the HTTP status the server refused with. */
export function connect(h: Harness, options: ConnectOptions = {}): Promise<WebSocket> {
  const port = h.host.port
  const secret = options.secret === undefined ? h.host.secret : options.secret
  const protocols =
    secret === null ? [BRIDGE_PROTOCOL] : [BRIDGE_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${secret}`]
  const headers: Record<string, string> = {}
  if (options.hostHeader) headers.Host = options.hostHeader
  const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin
  const ws = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? BRIDGE_PATH}`, protocols, {
    headers,
    ...(origin === null ? {} : { origin }),
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode }))
      ws.terminate()
    })
    ws.once('error', (error) => reject(error))
  })
}

/** Collects every server message; `next(pred)` waits for the first matching one. */
export function messages(ws: WebSocket) {
  const received: BridgeServerMessage[] = []
  const waiters: Array<{
    pred: (m: BridgeServerMessage) => boolean
    resolve: (m: BridgeServerMessage) => void
  }> = []
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as BridgeServerMessage
    received.push(message)
    for (const w of [...waiters]) {
      if (w.pred(message)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(message)
      }
    }
  })
  return {
    received,
    next(pred: (m: BridgeServerMessage) => boolean, timeoutMs = 5000): Promise<BridgeServerMessage> {
      const found = received.find(pred)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs)
        waiters.push({
          pred,
          resolve: (m) => {
            clearTimeout(timer)
            resolve(m)
          },
        })
      })
    },
  }
}

/** A raw HTTP GET that sends the path exactly as given (no client-side normalization). */
export function rawGet(
  port: number,
  path: string,
  hostHeader = `127.0.0.1:${port}`,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', headers: { Host: hostHeader } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}
