import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createPasscodeClipboard,
  type HostClipboard,
} from '../../../../../electron/core/actions/passcode-clipboard'

/** The OS clipboard as a host exposes it: one text slot. */
function board(initial = 'INC-1'): HostClipboard & { text: string } {
  const b = {
    text: initial,
    readText: () => b.text,
    writeText: (t: string) => void (b.text = t),
    clear: () => void (b.text = ''),
  }
  return b
}

describe('passcode clipboard (Electron host)', () => {
  afterEach(() => vi.useRealTimers())

  it('copies, and clears on hide when the clipboard still holds the passcode', () => {
    const b = board()
    const clip = createPasscodeClipboard(b)
    clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    expect(b.text).toBe('k7p2mx9q')
    expect(clip.release('a1')).toBe('cleared')
    expect(b.text).toBe('')
    // Nothing is cleared twice.
    b.text = 'later copy'
    expect(clip.release('a1')).toBe('notCopied')
    expect(b.text).toBe('later copy')
  })

  it('leaves the clipboard alone when the agent copied something else since', () => {
    const b = board()
    const clip = createPasscodeClipboard(b)
    clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    b.text = 'INC-20931'
    expect(clip.release('a1')).toBe('changed')
    expect(b.text).toBe('INC-20931')
  })

  it('clears by itself when the 60 s countdown ends, even if nobody hides it', () => {
    vi.useFakeTimers({ now: 0 })
    const b = board()
    const clip = createPasscodeClipboard(b, { now: () => Date.now() })
    clip.copy('a1', 'k7p2mx9q', 60_000)
    vi.advanceTimersByTime(59_999)
    expect(b.text).toBe('k7p2mx9q')
    vi.advanceTimersByTime(1)
    expect(b.text).toBe('')
    // The renderer's own hide, arriving just after, learns what happened, once.
    expect(clip.release('a1')).toBe('cleared')
    expect(clip.release('a1')).toBe('notCopied')
  })

  it('never copied → notCopied; shutdown clears whatever is still held', () => {
    const b = board()
    const clip = createPasscodeClipboard(b)
    expect(clip.release('zz')).toBe('notCopied')
    clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    clip.releaseAll()
    expect(b.text).toBe('')
  })

  it('a clipboard that cannot be read is reported, not thrown, and cleared to be safe', () => {
    const errors: unknown[] = []
    const b = board()
    const clip = createPasscodeClipboard(
      {
        ...b,
        readText: () => {
          throw new Error('clipboard busy')
        },
        writeText: b.writeText,
      },
      { onError: (e) => errors.push(e) },
    )
    clip.copy('a1', 'k7p2mx9q', Date.now() + 60_000)
    expect(clip.release('a1')).toBe('cleared')
    expect(b.text).toBe('')
    expect(errors).toHaveLength(1)
  })
})
