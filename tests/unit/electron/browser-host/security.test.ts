// The browser host's pure security checks (the integration tests drive them through a real server).
import { describe, expect, it } from 'vitest'
import { BRIDGE_PROTOCOL, SECRET_PROTOCOL_PREFIX } from '@shared/api/bridge'
import {
  assertLoopbackHost,
  hasValidSecret,
  isAllowedHostHeader,
  isAllowedOrigin,
} from '../../../../electron/browser-host/security'

const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I'

describe('browser host security checks', () => {
  it('binds loopback 127.0.0.1 only', () => {
    expect(() => assertLoopbackHost('127.0.0.1')).not.toThrow()
    for (const host of ['0.0.0.0', '::', '::1', 'localhost', '10.0.0.1', ''])
      expect(() => assertLoopbackHost(host), host).toThrow()
  })

  it('accepts only our own Host header, with our port', () => {
    expect(isAllowedHostHeader('127.0.0.1:5000', 5000)).toBe(true)
    expect(isAllowedHostHeader('localhost:5000', 5000)).toBe(true)
    for (const h of [
      '127.0.0.1:5001',
      'evil.example:5000',
      'evil.example',
      '127.0.0.1',
      undefined,
      '127.0.0.1:5000.evil.example',
    ]) {
      expect(isAllowedHostHeader(h, 5000), String(h)).toBe(false)
    }
  })

  it('accepts only our own http Origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true)
    expect(isAllowedOrigin('http://localhost:5000', 5000)).toBe(true)
    for (const o of [
      'https://127.0.0.1:5000',
      'http://127.0.0.1:5001',
      'http://evil.example',
      'null',
      undefined,
    ]) {
      expect(isAllowedOrigin(o, 5000), String(o)).toBe(false)
    }
  })

  it('needs both the bridge protocol and the exact secret', () => {
    const good = `${BRIDGE_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${secret}`
    expect(hasValidSecret(good, secret)).toBe(true)
    expect(hasValidSecret(`${SECRET_PROTOCOL_PREFIX}${secret}`, secret)).toBe(false)
    expect(hasValidSecret(BRIDGE_PROTOCOL, secret)).toBe(false)
    expect(hasValidSecret(`${BRIDGE_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${secret.slice(1)}`, secret)).toBe(
      false,
    )
    expect(hasValidSecret(`${BRIDGE_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${secret}x`, secret)).toBe(false)
    expect(
      hasValidSecret(`${BRIDGE_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${secret.toUpperCase()}`, secret),
    ).toBe(false)
    expect(hasValidSecret(undefined, secret)).toBe(false)
    expect(hasValidSecret('', secret)).toBe(false)
  })
})
