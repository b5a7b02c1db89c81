// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))
const { usePasscodeClipboardStore } = await import('@renderer/stores/passcodeClipboard')

/** The browser's clipboard and permission answers (the Web API boundary of the browser host). */
function browserClipboard(readPermission: PermissionState | 'unknown') {
  const board = { text: 'earlier copy', writes: [] as string[], readDenied: false }
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: vi.fn(async (text: string) => {
        if (!document.hasFocus()) throw new DOMException('Document is not focused.', 'NotAllowedError')
        board.writes.push(text)
        board.text = text
      }),
      readText: vi.fn(async () => {
        if (board.readDenied) throw new DOMException('Read permission denied.', 'NotAllowedError')
        return board.text
      }),
    },
  })
  Object.defineProperty(navigator, 'permissions', {
    configurable: true,
    value: {
      query: vi.fn(async () => {
        if (readPermission === 'unknown') throw new TypeError("'clipboard-read' is not a valid enum value")
        return { state: readPermission }
      }),
    },
  })
  return board
}

describe('passcode clipboard store', () => {
  let focused = true
  beforeEach(() => {
    focused = true
    vi.spyOn(document, 'hasFocus').mockImplementation(() => focused)
    setActivePinia(createPinia())
  })
  afterEach(() => vi.restoreAllMocks())

  describe('browser host (navigator.clipboard)', () => {
    beforeEach(() => {
      client.current = createFakeClient({ transport: 'browser' })
    })

    it('read permission granted: clears only when the clipboard still holds the passcode', async () => {
      const board = browserClipboard('granted')
      const store = usePasscodeClipboardStore()
      expect(await store.copy('a1', 'k7p2mx9q')).toBe(true)
      expect(board.text).toBe('k7p2mx9q')
      expect(store.notice).toBe('copied')
      await store.release('a1')
      expect(board.text).toBe('')
      expect(store.notice).toBe('cleared')

      await store.copy('a1', 'k7p2mx9q')
      board.text = 'INC-20931'
      await store.release('a1')
      expect(board.text).toBe('INC-20931')
      expect(store.notice).toBe('changed')
      expect(client.current.call).not.toHaveBeenCalled()
    })

    it('read not granted (prompt, denied, or unknown to the browser): empties it unchecked and says so', async () => {
      for (const permission of ['prompt', 'denied', 'unknown'] as const) {
        const board = browserClipboard(permission)
        const store = usePasscodeClipboardStore()
        await store.copy('a1', 'k7p2mx9q')
        await store.release('a1')
        expect(board.text, permission).toBe('')
        expect(store.notice, permission).toBe('clearedUnchecked')
        // Never asked for the read permission (no prompt as the passcode hides).
        expect(navigator.clipboard.readText).not.toHaveBeenCalled()
      }
    })

    it('granted but the read fails: clears unchecked rather than leave the passcode', async () => {
      const board = browserClipboard('granted')
      board.readDenied = true
      const store = usePasscodeClipboardStore()
      await store.copy('a1', 'k7p2mx9q')
      await store.release('a1')
      expect(board.text).toBe('')
      expect(store.notice).toBe('clearedUnchecked')
    })

    it('window in the background at hide time: waits for the agent to come back, then clears', async () => {
      const board = browserClipboard('granted')
      const store = usePasscodeClipboardStore()
      await store.copy('a1', 'k7p2mx9q')
      focused = false
      await store.release('a1')
      expect(store.notice).toBe('pendingFocus')
      expect(board.text).toBe('k7p2mx9q')
      focused = true
      window.dispatchEvent(new Event('focus'))
      await vi.waitFor(() => expect(store.notice).toBe('cleared'))
      expect(board.text).toBe('')
    })

    it('a refused copy says so; release of another action or of nothing does nothing', async () => {
      const board = browserClipboard('granted')
      const store = usePasscodeClipboardStore()
      focused = false
      expect(await store.copy('a1', 'k7p2mx9q')).toBe(false)
      expect(store.notice).toBe('copyFailed')
      focused = true
      await store.copy('a1', 'k7p2mx9q')
      await store.release('other')
      expect(board.text).toBe('k7p2mx9q')
      expect(store.notice).toBe('copied')
    })
  })

  describe('Electron host (core copies with the main-process clipboard)', () => {
    beforeEach(() => {
      client.current = createFakeClient({ transport: 'electron' })
      client.current.call.mockResolvedValue({ ok: true, value: { copied: true } })
    })

    it('copies through core without the value, and reports what core did at hide time', async () => {
      const board = browserClipboard('granted')
      const store = usePasscodeClipboardStore()
      await store.copy('a1', 'k7p2mx9q')
      expect(client.current.call).toHaveBeenCalledWith('actions:copyPasscode', { actionId: 'a1' })
      expect(JSON.stringify(client.current.call.mock.calls)).not.toContain('k7p2mx9q')
      expect(board.writes).toEqual([])
      await store.release('a1', 'cleared')
      expect(store.notice).toBe('cleared')
      await store.copy('a1', 'k7p2mx9q')
      await store.release('a1', 'changed')
      expect(store.notice).toBe('changed')
    })

    it('core refusing the copy (hidden already) is a refused copy', async () => {
      client.current.call.mockResolvedValue({ ok: false, error: { code: 'PASSCODE_EXPIRED', message: 'x' } })
      const store = usePasscodeClipboardStore()
      expect(await store.copy('a1', 'k7p2mx9q')).toBe(false)
      expect(store.notice).toBe('copyFailed')
    })
  })
})
