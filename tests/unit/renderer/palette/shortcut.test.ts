import { describe, expect, it } from 'vitest'
import { isMacPlatform, isPaletteShortcut, shortcutLabel } from '@renderer/components/palette/shortcut'

const key = (init: Partial<KeyboardEvent>) =>
  ({
    key: 'k',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    repeat: false,
    ...init,
  }) as KeyboardEvent

describe('palette shortcut', () => {
  it('is Ctrl+K on Windows and Linux, ⌘K on macOS', () => {
    expect(isPaletteShortcut(key({ ctrlKey: true }), false)).toBe(true)
    expect(isPaletteShortcut(key({ key: 'K', ctrlKey: true }), false)).toBe(true)
    expect(isPaletteShortcut(key({ metaKey: true }), false)).toBe(false)
    expect(isPaletteShortcut(key({ metaKey: true }), true)).toBe(true)
    // On macOS Ctrl+K is the text fields' "delete to end of line": left alone.
    expect(isPaletteShortcut(key({ ctrlKey: true }), true)).toBe(false)
    expect(isPaletteShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(isPaletteShortcut(key({ ctrlKey: true, repeat: true }), false)).toBe(false)
    expect(isPaletteShortcut(key({ key: 'j', ctrlKey: true }), false)).toBe(false)
  })

  it('reads the platform and labels the shortcut for it', () => {
    expect(isMacPlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true)
    expect(isMacPlatform({ platform: 'Win32', userAgent: '' })).toBe(false)
    expect(isMacPlatform({ platform: '', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })).toBe(
      true,
    )
    expect(shortcutLabel(true)).toBe('⌘K')
    expect(shortcutLabel(false)).toBe('Ctrl+K')
  })
})
