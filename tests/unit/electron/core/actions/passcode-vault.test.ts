import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPasscodeVault } from '../../../../../electron/core/actions/passcode-vault'

describe('passcode vault', () => {
  afterEach(() => vi.useRealTimers())

  it('forgets a passcode 60 s after the first reveal, and revealing again does not extend it', () => {
    vi.useFakeTimers({ now: 0 })
    const vault = createPasscodeVault({ now: () => Date.now() })
    vault.hold('a', 'k7p2mx9q')
    const first = vault.reveal('a')!
    expect(first).toEqual({ passcode: 'k7p2mx9q', expiresAt: 60_000 })
    vi.advanceTimersByTime(30_000)
    expect(vault.reveal('a')!.expiresAt).toBe(60_000)
    vi.advanceTimersByTime(30_001)
    expect(vault.has('a')).toBe(false)
    expect(vault.reveal('a')).toBeUndefined()
  })

  it('drops a passcode nobody revealed after the unrevealed hold time', () => {
    vi.useFakeTimers({ now: 0 })
    const vault = createPasscodeVault({ unrevealedMs: 1_000 })
    vault.hold('a', 'secret-1')
    vi.advanceTimersByTime(999)
    expect(vault.has('a')).toBe(true)
    vi.advanceTimersByTime(2)
    expect(vault.has('a')).toBe(false)
  })

  it('forgets on request and on clear, and is not serialisable', () => {
    const vault = createPasscodeVault()
    vault.hold('a', 'secret-1')
    vault.hold('b', 'secret-2')
    expect(JSON.stringify(vault)).not.toContain('secret')
    expect(vault.forget('a')).toBe(true)
    expect(vault.forget('a')).toBe(false)
    vault.clear()
    expect(vault.has('b')).toBe(false)
  })
})
