// Electron host wiring (stand-ins for Electron objects): checks that the handlers are installed and
// decide correctly. It does not drive a real window.
import { describe, expect, it } from 'vitest'
import type { App, Session, Shell, WebContents } from 'electron'
import {
  createOpenExternal,
  installAppWideGuards,
  installSessionGuards,
  installWebContentsGuards,
  isAllowedExternalUrl,
  isAllowedSignInUrl,
  isAppUrl,
} from '../../../../electron/main/security'
import { FakeEvent, FakeSession, FakeShell, FakeWebContents, flush } from './fakes'

describe('URL policies', () => {
  it('recognises only our own app origin', () => {
    expect(isAppUrl('app://passcode-desk/index.html')).toBe(true)
    expect(isAppUrl('app://passcode-desk/#/settings')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('app://user:pw@passcode-desk/index.html')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('https://passcode-desk/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('allows external https only on the allowlist, default port, without credentials', () => {
    expect(isAllowedExternalUrl('https://learn.microsoft.com/en-us/intune/')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.microsoft.com/en-us/mem/intune/')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.microsoft.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://intune.microsoft.com/#home')).toBe(true)
    expect(isAllowedExternalUrl('https://login.microsoftonline.us/x')).toBe(true)
    expect(isAllowedExternalUrl('http://learn.microsoft.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://learn.microsoft.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://evil.example/?u=https://learn.microsoft.com')).toBe(false)
    expect(isAllowedExternalUrl('https://learn.microsoft.com@evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user@learn.microsoft.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://learn.microsoft.com:8443/')).toBe(false)
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('ms-settings:')).toBe(false)
    expect(isAllowedExternalUrl('smb://server/share')).toBe(false)
  })

  it('lets core open the sign-in page on a cloud login host or the demo tenant on loopback, nothing else', () => {
    expect(
      isAllowedSignInUrl('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1'),
    ).toBe(true)
    expect(isAllowedSignInUrl('https://login.partner.microsoftonline.cn/t/oauth2/v2.0/authorize')).toBe(true)
    expect(isAllowedSignInUrl('http://127.0.0.1:49152/demo/oauth2/v2.0/authorize?state=s')).toBe(true)
    expect(isAllowedSignInUrl('http://localhost:3000/authorize')).toBe(true)
    expect(isAllowedSignInUrl('http://login.microsoftonline.com/x')).toBe(false)
    expect(isAllowedSignInUrl('http://192.168.1.10/authorize')).toBe(false)
    expect(isAllowedSignInUrl('http://127.0.0.1.evil.example/')).toBe(false)
    expect(isAllowedSignInUrl('http://a@127.0.0.1/')).toBe(false)
    expect(isAllowedSignInUrl('https://evil.example/authorize')).toBe(false)
    expect(isAllowedSignInUrl('file:///etc/passwd')).toBe(false)
  })
})

describe('openExternal', () => {
  it('passes allowed URLs to shell.openExternal and rejects the rest without calling it', async () => {
    const shell = new FakeShell()
    const open = createOpenExternal(shell as unknown as Shell)
    await open('https://learn.microsoft.com/intune')
    await expect(open('https://evil.example/')).rejects.toThrow(/not on the list/)
    await expect(open('http://127.0.0.1:1234/')).rejects.toThrow()
    expect(shell.opened).toEqual(['https://learn.microsoft.com/intune'])
  })

  it('uses the sign-in policy when given one', async () => {
    const shell = new FakeShell()
    const open = createOpenExternal(shell as unknown as Shell, isAllowedSignInUrl)
    await open('http://127.0.0.1:1234/authorize')
    await expect(open('https://evil.example/')).rejects.toThrow()
    expect(shell.opened).toEqual(['http://127.0.0.1:1234/authorize'])
  })
})

describe('web contents guards', () => {
  const setup = () => {
    const contents = new FakeWebContents()
    const shell = new FakeShell()
    installWebContentsGuards(
      contents as unknown as WebContents,
      createOpenExternal(shell as unknown as Shell),
    )
    return { contents, shell }
  }

  it('prevents navigation away from the app origin and opens allow-listed links externally instead', async () => {
    const { contents, shell } = setup()
    expect(contents.fire('will-navigate', 'app://passcode-desk/index.html#/devices').defaultPrevented).toBe(
      false,
    )
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(contents.fire('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true)
    expect(contents.fire('will-frame-navigate', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(contents.fire('will-redirect', 'http://127.0.0.1:9/').defaultPrevented).toBe(true)
    expect(contents.fire('will-navigate', 'https://learn.microsoft.com/intune').defaultPrevented).toBe(true)
    await flush()
    expect(shell.opened).toEqual(['https://learn.microsoft.com/intune'])
  })

  it('denies every new window; only allow-listed https goes to the system browser', async () => {
    const { contents, shell } = setup()
    expect(contents.windowOpenHandler).not.toBeNull()
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'app://passcode-desk/index.html' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'https://portal.azure.com/' })).toEqual({ action: 'deny' })
    await flush()
    expect(shell.opened).toEqual(['https://portal.azure.com/'])
  })

  it('prevents attaching a webview', () => {
    const { contents } = setup()
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })

  it('guards every web contents the app ever creates', () => {
    const app = new (class {
      listeners = new Map<string, (...args: unknown[]) => void>()
      on(name: string, fn: (...args: unknown[]) => void) {
        this.listeners.set(name, fn)
        return this
      }
    })()
    installAppWideGuards(app as unknown as App, createOpenExternal(new FakeShell() as unknown as Shell))
    const contents = new FakeWebContents()
    app.listeners.get('web-contents-created')!({}, contents)
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })
})

describe('session guards', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession()
    installSessionGuards(session as unknown as Session)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      let granted: boolean | undefined
      session.permissionRequestHandler!({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
      expect(session.permissionCheckHandler!({}, permission), permission).toBe(false)
    }
    expect(session.devicePermissionHandler!({})).toBe(false)
  })

  it('lets only our own page write to the clipboard (copy the temporary passcode)', () => {
    const session = new FakeSession()
    installSessionGuards(session as unknown as Session)
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined
      session.permissionRequestHandler!({}, permission, (g) => (granted = g), { requestingUrl })
      return granted
    }
    expect(ask('clipboard-sanitized-write', 'app://passcode-desk/index.html')).toBe(true)
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(ask('clipboard-read', 'app://passcode-desk/index.html')).toBe(false)
    expect(session.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://passcode-desk')).toBe(true)
    expect(session.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(
      false,
    )
    expect(session.permissionCheckHandler!({}, 'clipboard-read', 'app://passcode-desk')).toBe(false)
  })
})
