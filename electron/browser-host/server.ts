import { randomBytes, randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { BRIDGE_PATH, BRIDGE_PROTOCOL, type BridgeServerMessage } from '@shared/api/bridge'
import { err } from '@shared/api/result'
import type { EventBus } from '../core/events'
import type { Logger } from '../core/log'
import type { Router } from '../core/router'
import { contentSecurityPolicy, SECURITY_HEADERS } from '../core/csp'
import { assertLoopbackHost, hasValidSecret, isAllowedHostHeader, isAllowedOrigin } from './security'

export interface BrowserHostOptions {
  readonly router: Router
  readonly events: EventBus
  readonly log: Logger
  /** Built renderer (out/renderer). */
  readonly staticDir: string
  readonly port?: number
  readonly host?: string
  /** Tests may fix it; otherwise 32 random bytes per launch. */
  readonly secret?: string
}

export interface BrowserHost {
  readonly port: number
  readonly secret: string
  /** `http://127.0.0.1:PORT/#k=SECRET`: the one URL that opens a working app. */
  readonly url: string
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/** Largest message a renderer may send over the bridge; the router applies its own, finer limits. */
const MAX_MESSAGE_BYTES = 512 * 1024

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bindHost = options.host ?? '127.0.0.1'
  assertLoopbackHost(bindHost)
  const secret = options.secret ?? randomBytes(32).toString('base64url')
  const { router, events, log } = options
  const root = normalize(options.staticDir)
  let port = 0

  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
    res.end(message)
  }

  const serveStatic = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHostHeader(req.headers.host, port)) return refuse(res, 421, 'Misdirected request')
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    } catch {
      return refuse(res, 400, 'Bad request')
    }
    if (pathname.includes('\0')) return refuse(res, 400, 'Bad request')
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
    const file = normalize(join(root, relative))
    if (file !== root && !file.startsWith(root + sep)) return refuse(res, 403, 'Forbidden')
    try {
      const info = await stat(file)
      if (!info.isFile()) return refuse(res, 404, 'Not found')
      const body = await readFile(file)
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy(port),
        'Cache-Control': relative === 'index.html' ? 'no-store' : 'public, max-age=3600',
        ...SECURITY_HEADERS,
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      refuse(res, 404, 'Not found')
    }
  }

  const server: Server = createServer((req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      log.error('browser-host.static', { error })
      if (!res.headersSent) refuse(res, 500, 'Internal error')
    })
  })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  })
  const sockets = new Set<WebSocket>()

  server.on('upgrade', (req, socket, head) => {
    const deny = (status: number, reason: string) => {
      log.warn('browser-host.refused', { reason })
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    const path = (req.url ?? '').split('?')[0]
    if (path !== BRIDGE_PATH) return deny(404, 'Not Found')
    if (!isAllowedHostHeader(req.headers.host, port)) return deny(421, 'Misdirected Request')
    if (!isAllowedOrigin(req.headers.origin, port)) return deny(403, 'Forbidden')
    if (!hasValidSecret(req.headers['sec-websocket-protocol'], secret)) return deny(401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws)
    const clientId = randomUUID()
    const send = (message: BridgeServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
    }
    ws.on('message', (data, isBinary) => {
      if (isBinary)
        return send({ t: 'result', id: null, result: err('INVALID_INPUT', 'Binary frames are not accepted') })
      let message: unknown
      try {
        message = JSON.parse(data.toString())
      } catch {
        return send({ t: 'result', id: null, result: err('INVALID_INPUT', 'Malformed message') })
      }
      const call = message as { t?: unknown; id?: unknown; channel?: unknown; input?: unknown }
      if (!call || typeof call !== 'object' || call.t !== 'call' || !Number.isSafeInteger(call.id)) {
        return send({ t: 'result', id: null, result: err('INVALID_INPUT', 'Malformed message') })
      }
      const id = call.id as number
      router
        .call(call.channel, call.input, { host: 'browser', clientId })
        .then((result) => send({ t: 'result', id, result }))
        .catch((error: unknown) => {
          log.error('browser-host.call', { error })
          send({ t: 'result', id, result: err('INTERNAL', 'Unexpected error in Passcode Desk') })
        })
    })
    ws.on('close', () => sockets.delete(ws))
    ws.on('error', () => sockets.delete(ws))
  })

  const unsubscribe = events.subscribe((event, payload) => {
    const text = JSON.stringify({ t: 'event', event, payload } satisfies BridgeServerMessage)
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/#k=${secret}`,
    async close() {
      unsubscribe()
      for (const ws of sockets) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
