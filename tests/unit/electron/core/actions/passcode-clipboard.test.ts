import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createPasscodeClipboard,
  type HostClipboard,
} from '../../../../../electron/core/actions/passcode-clipboard'

/** The OS clipboard as a host exposes it: one text slot. */
function board(initial = 'INC-1'): HostClipboard & { text: string } {
  const b = {
    text: initial,
    readText: async () => b.text,
    writeText: async (t: string) => void (b.text = t),
    clear: () => void (b.text = ''),
  }
  return b
}

describe('passcode clipboard (Electron host)', () => {
  afterEach(() => vi.useRealTimers())

  it('copies, and clears on hide when the clipboard still holds the passcode', async () => {
    const b = board()
    const clip = createPasscodeClipboard(b)
    await clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    expect(b.text).toBe('k7p2mx9q')
    expect(await clip.release('a1')).toBe('cleared')
    expect(b.text).toBe('')
    // Nothing is cleared twice.
    b.text = 'later copy'
    expect(await clip.release('a1')).toBe('notCopied')
    expect(b.text).toBe('later copy')
  })

  it('leaves the clipboard alone when the agent copied something else since', async () => {
    const b = board()
    const clip = createPasscodeClipboard(b)
    await clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    b.text = 'INC-20931'
    expect(await clip.release('a1')).toBe('changed')
    expect(b.text).toBe('INC-20931')
  })

  it('clears by itself when the 60 s countdown ends, even if nobody hides it', async () => {
    vi.useFakeTimers({ now: 0 })
    const b = board()
    const clip = createPasscodeClipboard(b, { now: () => Date.now() })
    await clip.copy('a1', 'k7p2mx9q', 60_000)
    vi.advanceTimersByTime(59_999)
    expect(b.text).toBe('k7p2mx9q')
    await vi.advanceTimersByTimeAsync(1)
    expect(b.text).toBe('')
    // The renderer's own hide, arriving just after, learns what happened, once.
    expect(await clip.release('a1')).toBe('cleared')
    expect(await clip.release('a1')).toBe('notCopied')
  })

  it('never copied → notCopied; shutdown clears whatever is still held', async () => {
    const b = board()
    const clip = createPasscodeClipboard(b)
    expect(await clip.release('zz')).toBe('notCopied')
    await clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    await clip.releaseAll()
    expect(b.text).toBe('')
  })

  it('a clipboard that cannot be read is reported, not thrown, and cleared to be safe', async () => {
    const errors: unknown[] = []
    const b = board()
    const clip = createPasscodeClipboard(
      {
        ...b,
        readText: async () => {
          throw new Error('clipboard busy')
        },
        writeText: b.writeText,
      },
      { onError: (e) => errors.push(e) },
    )
    await clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    expect(await clip.release('a1')).toBe('cleared')
    expect(b.text).toBe('')
    expect(errors).toHaveLength(1)
  })
})
