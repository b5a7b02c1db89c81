// Electron host wiring for passcode-desk:// links (electron/main/deep-links.ts), over a stand-in
// `app`: what waits before core starts, and how the app registers itself for the scheme.
import { describe, expect, it } from 'vitest'
import { createLinkDelivery, registerProtocolClient } from '../../../../electron/main/deep-links'

describe('deep-link delivery', () => {
  it('keeps links that arrive before core started (a few, newest last) and delivers them in order', () => {
    const delivery = createLinkDelivery()
    for (let i = 1; i <= 7; i++) delivery.offer(`passcode-desk://device?serial=S${i}`)
    const got: string[] = []
    delivery.attach({ offer: (url) => got.push(url) })
    expect(got).toEqual([3, 4, 5, 6, 7].map((i) => `passcode-desk://device?serial=S${i}`))
    delivery.offer('passcode-desk://device?serial=S8')
    expect(got.at(-1)).toBe('passcode-desk://device?serial=S8')
  })
})

describe('protocol registration', () => {
  const fakeApp = (isPackaged: boolean) => {
    const calls: unknown[][] = []
    return {
      calls,
      app: {
        isPackaged,
        isDefaultProtocolClient: () => false,
        setAsDefaultProtocolClient: (...args: unknown[]) => (calls.push(args), true),
      },
    }
  }

  it('a packaged app registers itself by name only', () => {
    const { app, calls } = fakeApp(true)
    expect(registerProtocolClient(app as never, { execPath: '/x', argv: ['/x'] })).toBe(true)
    expect(calls).toEqual([['passcode-desk']])
  })

  it('`electron .` in development passes the app path after the Electron binary', () => {
    const { app, calls } = fakeApp(false)
    registerProtocolClient(app as never, {
      execPath: '/e/electron',
      argv: ['/e/electron', '.'],
      defaultApp: true,
    })
    expect(calls).toEqual([['passcode-desk', '/e/electron', [process.cwd()]]])
  })
})
