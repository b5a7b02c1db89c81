// Electron host wiring: the adapters handed to core, over stand-ins for safeStorage / Notification / shell.
import { describe, expect, it } from 'vitest'
import type { Shell } from 'electron'
import {
  createElectronCapabilities,
  createHostClipboard,
  createNotifier,
  createSecretStorage,
  outputValidation,
} from '../../../../electron/main/capabilities'
import { FakeShell } from './fakes'

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'

function fakeSafeStorage(available: boolean, backend: Backend) {
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (plain: string) => Buffer.from(`enc:${plain}`),
    decryptStringAsync: async (buf: Buffer) => ({
      result: buf.toString().replace(/^enc:/, ''),
      shouldReEncrypt: false,
    }),
  }
}

describe('secret storage (safeStorage async API)', () => {
  it('is available on Windows/macOS when safeStorage says so, and round-trips', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const storage = createSecretStorage(fakeSafeStorage(true, 'unknown'), platform)
      expect(await storage.isAvailable()).toBe(true)
      expect(await storage.decrypt(await storage.encrypt('cache'))).toBe('cache')
    }
  })

  it('treats Linux basic_text (hard-coded password) as unavailable', async () => {
    expect(await createSecretStorage(fakeSafeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false)
    expect(await createSecretStorage(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(
      true,
    )
    expect(await createSecretStorage(fakeSafeStorage(false, 'kwallet6'), 'linux').isAvailable()).toBe(false)
  })
})

describe('notifications', () => {
  it('shows a notification where supported and does nothing elsewhere', () => {
    const shown: Array<{ title: string; body: string }> = []
    class N {
      static supported = true
      static isSupported() {
        return N.supported
      }
      constructor(readonly options: { title: string; body: string }) {}
      show() {
        shown.push(this.options)
      }
    }
    const notify = createNotifier(N)
    notify('Done', 'Passcode reset completed')
    N.supported = false
    notify('Again', 'ignored')
    expect(shown).toEqual([{ title: 'Done', body: 'Passcode reset completed' }])
  })
})

/** Stand-in for Electron's main-process clipboard: one text slot, as the OS keeps it. */
function fakeClipboard() {
  const board = { text: 'earlier copy', clears: 0 }
  return Object.assign(board, {
    readText: async () => board.text,
    writeText: async (text: string) => void (board.text = text),
    clear: () => {
      board.text = ''
      board.clears++
    },
  })
}

describe('clipboard (main-process clipboard)', () => {
  it('reads, writes and clears the system clipboard for core', async () => {
    const board = fakeClipboard()
    const clipboard = createHostClipboard(board)
    expect(await clipboard.readText()).toBe('earlier copy')
    await clipboard.writeText('k7p2mx9q')
    expect(board.text).toBe('k7p2mx9q')
    clipboard.clear()
    expect(board).toMatchObject({ text: '', clears: 1 })
  })
})

describe('host capabilities for core', () => {
  it('gives core an opener that allows the sign-in hosts and loopback but not arbitrary URLs', async () => {
    const shell = new FakeShell()
    const caps = createElectronCapabilities({
      safeStorage: fakeSafeStorage(true, 'unknown'),
      shell: shell as unknown as Shell,
      Notification: class {
        static isSupported = () => false
        show() {}
      },
      clipboard: fakeClipboard(),
      locale: () => 'fr-CA',
      versions: { electron: '45.5.0', chrome: '142.0' },
    })
    expect(caps.kind).toBe('electron')
    expect(caps.clipboard).toBeDefined()
    expect(caps.locale!()).toBe('fr-CA')
    await caps.openExternal!('https://login.microsoftonline.com/common/oauth2/v2.0/authorize')
    await caps.openExternal!('http://127.0.0.1:50000/authorize')
    await expect(caps.openExternal!('https://evil.example/')).rejects.toThrow()
    await expect(caps.openExternal!('file:///etc/passwd')).rejects.toThrow()
    expect(shell.opened).toHaveLength(2)
  })
})

describe('output validation in the Electron host', () => {
  it('is on in development, off in the packaged app (app.isPackaged, not NODE_ENV), on again on request', () => {
    expect(outputValidation(false, {})).toBe(true)
    expect(outputValidation(true, {})).toBe(false)
    expect(outputValidation(true, { NODE_ENV: 'development' })).toBe(false)
    expect(outputValidation(true, { PASSCODE_DESK_VALIDATE_OUTPUT: '1' })).toBe(true)
  })

  it('hands the host’s fetch (Electron net.fetch) to core', () => {
    const netFetch = (async () => new Response('{}')) as unknown as typeof fetch
    const caps = createElectronCapabilities({
      safeStorage: fakeSafeStorage(true, 'unknown'),
      shell: new FakeShell() as unknown as Shell,
      Notification: class {
        static isSupported = () => false
        show() {}
      },
      fetch: netFetch,
      clipboard: fakeClipboard(),
      locale: () => 'en-US',
      versions: { electron: '45', chrome: '140' },
    })
    expect(caps.fetch).toBe(netFetch)
  })
})
