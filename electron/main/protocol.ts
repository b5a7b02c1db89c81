/**
 * The renderer is served from `app://passcode-desk/`, never `file://` (DESIGN §4; Electron security
 * checklist item 18, https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols).
 * A custom standard scheme gives the page a real origin, so the CSP's `'self'` means only our files.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, normalize, relative } from 'node:path'
import type { Protocol } from 'electron'
import { contentSecurityPolicy, SECURITY_HEADERS } from '../core/csp'

export const APP_SCHEME = 'app'
export const APP_HOST = 'passcode-desk'
/** How Chromium serializes the origin of a standard custom scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_START_URL = `${APP_ORIGIN}/index.html`

/**
 * Must run before `app` is ready: schemes can only be made privileged at startup. `corsEnabled` is
 * deliberately absent: it would let other origins read app:// responses without any
 * Access-Control check (electron/electron#52908); our own module scripts are same-origin.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

export function mimeTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function refuse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  })
}

/**
 * Maps a request URL to a file under `rootDir`, or null when it must be refused: another scheme or
 * host, an undecodable path, a NUL byte, or anything that resolves outside the root (`..`, encoded
 * `%2e%2e`, `%2f`, backslashes on Windows, absolute paths).
 */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port)
    return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^[/\\]+/, '')
  const root = normalize(rootDir)
  const file = normalize(join(root, wanted))
  const rel = relative(root, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}

/** The `protocol.handle('app', …)` handler: a plain function of Request → Response, testable in Node. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const csp = contentSecurityPolicy()
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed')
    const file = resolveAppFile(request.url, rootDir)
    if (!file) return refuse(403, 'Forbidden')
    try {
      const info = await stat(file)
      if (!info.isFile()) return refuse(404, 'Not found')
      const body = request.method === 'HEAD' ? null : await readFile(file)
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeOf(file),
          'Content-Security-Policy': csp,
          'Cache-Control': 'no-cache',
          ...SECURITY_HEADERS,
        },
      })
    } catch {
      return refuse(404, 'Not found')
    }
  }
}

export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir))
}
