import { describe, expect, it } from 'vitest'
import { defaultDataDir, systemLocale } from '../../../../electron/core/config'

describe('systemLocale', () => {
  it('reads the POSIX locale variables in priority order', () => {
    expect(systemLocale({ LANG: 'fr_FR.UTF-8' })).toBe('fr-FR')
    expect(systemLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en-GB')
    expect(systemLocale({ LANG: 'fr_CA@euro' })).toBe('fr-CA')
  })

  it('falls back to ICU for C and POSIX, which name no language', () => {
    const icu = Intl.DateTimeFormat().resolvedOptions().locale
    expect(systemLocale({ LANG: 'C.UTF-8' })).toBe(icu)
    expect(systemLocale({ LANG: 'POSIX' })).toBe(icu)
    expect(systemLocale({})).toBe(icu)
  })
})

describe('defaultDataDir', () => {
  it('honours PASSCODE_DESK_DATA_DIR, then follows Electron userData per platform', () => {
    expect(defaultDataDir({ PASSCODE_DESK_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Passcode Desk')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe(
      '/home/a/.config/Passcode Desk',
    )
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Passcode Desk$/)
  })
})
