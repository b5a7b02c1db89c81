// Electron host wiring: the app:// protocol handler is a plain Request → Response function, so it is
// exercised here with real Requests over a temp directory (not through a real Electron protocol).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../../electron/core/csp'
import {
  APP_START_URL,
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
  resolveAppFile,
} from '../../../../electron/main/protocol'

let base: string
let root: string
let handler: (request: Request) => Promise<Response>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pd-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(join(base, 'secret.txt'), 'outside the root')
  handler = createAppProtocolHandler(root)
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// protocol', () => {
  it('serves the start page with the shared CSP and security headers', async () => {
    const res = await get(APP_START_URL)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(await res.text()).toContain('<title>x</title>')
  })

  it('sends the right MIME type per file', async () => {
    expect((await get('app://passcode-desk/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    )
    expect((await get('app://passcode-desk/assets/app.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
    expect((await get('app://passcode-desk/assets/logo.svg')).headers.get('content-type')).toBe(
      'image/svg+xml',
    )
    expect((await get('app://passcode-desk/')).headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('refuses path traversal in every spelling', async () => {
    for (const url of [
      'app://passcode-desk/../secret.txt',
      'app://passcode-desk/%2e%2e/secret.txt',
      'app://passcode-desk/assets/%2E%2E/%2E%2E/secret.txt',
      'app://passcode-desk/..%2fsecret.txt',
      'app://passcode-desk/..%5csecret.txt',
      'app://passcode-desk/%2fetc%2fpasswd',
      'app://passcode-desk/assets%00.js',
      'app://passcode-desk/%E0%A4%A',
    ]) {
      const res = await get(url)
      expect([403, 404], url).toContain(res.status)
      expect(await res.text(), url).not.toContain('outside the root')
    }
    expect(resolveAppFile('app://passcode-desk/..%2fsecret.txt', root)).toBeNull()
  })

  it('refuses any host other than passcode-desk, other schemes, ports and credentials', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://passcode-desk.evil/index.html',
      'app://passcode-desk:8080/index.html',
      'app://u:p@passcode-desk/index.html',
      'file:///index.html',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull()
    }
    expect((await get('app://evil/index.html')).status).toBe(403)
  })

  it('answers 404 for a missing file or a directory, 405 for a POST', async () => {
    expect((await get('app://passcode-desk/nope.js')).status).toBe(404)
    expect((await get('app://passcode-desk/assets')).status).toBe(404)
    expect((await get('app://passcode-desk/index.html', 'POST')).status).toBe(405)
  })

  it('registers app:// as a privileged standard, secure, fetch-capable scheme and handles it', () => {
    let registered: unknown
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => (registered = schemes) })
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    let handled: string | undefined
    installAppProtocol({ handle: (scheme) => void (handled = scheme) }, root)
    expect(handled).toBe('app')
  })
})
