// The browser host's static server and bind address, for real (127.0.0.1:0, temp folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/core/csp'
import { startBrowserHost } from '../../../electron/browser-host/server'
import { rawGet, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

describe('browser host: static files', () => {
  it('serves index.html with the shared CSP (plus its own WebSocket) and the security headers', async () => {
    const res = await rawGet(h.host.port, '/')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Passcode Desk</title>')
    const csp = res.headers['content-security-policy'] as string
    expect(csp).toBe(contentSecurityPolicy(h.host.port))
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain(`ws://127.0.0.1:${h.host.port}`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect((await rawGet(h.host.port, '/assets/app.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    )
  })

  it('refuses path traversal in every spelling', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2fsecret.txt',
    ]) {
      const res = await rawGet(h.host.port, path)
      expect([400, 403, 404], path).toContain(res.status)
      expect(res.body, path).not.toContain('OUTSIDE-THE-ROOT')
    }
    expect((await rawGet(h.host.port, '/index.html%00.js')).status).toBe(400)
  })

  it('refuses a foreign Host header (DNS rebinding) on plain HTTP too', async () => {
    const res = await rawGet(h.host.port, '/', 'evil.example')
    expect(res.status).toBe(421)
    expect(res.body).not.toContain('<title>')
  })

  it('answers 404 for a missing file', async () => {
    expect((await rawGet(h.host.port, '/missing.js')).status).toBe(404)
  })
})

describe('browser host: bind address', () => {
  it('cannot bind anything but loopback', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.10']) {
      await expect(
        startBrowserHost({
          router: h.core.router,
          events: h.core.events,
          log: h.core.log,
          staticDir: h.staticDir,
          host,
        }),
        host,
      ).rejects.toThrow(/127\.0\.0\.1 only/)
    }
  })

  it('listens on 127.0.0.1 and puts the secret in the URL fragment only', () => {
    expect(h.host.url).toBe(`http://127.0.0.1:${h.host.port}/#k=${h.host.secret}`)
    expect(h.host.secret.length).toBeGreaterThanOrEqual(32)
  })
})
