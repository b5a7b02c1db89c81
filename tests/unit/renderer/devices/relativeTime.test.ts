import { describe, expect, it } from 'vitest'
import { formatRelativeTime, formatShortDuration } from '@renderer/composables/useRelativeTime'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const ago = (ms: number) => new Date(NOW - ms).toISOString()
const MIN = 60_000
const DAY = 86_400_000

describe('formatRelativeTime', () => {
  it('says "3 days ago" in English and "il y a 3 jours" in French', () => {
    expect(formatRelativeTime(ago(3 * DAY), NOW, 'en')).toBe('3 days ago')
    expect(formatRelativeTime(ago(3 * DAY), NOW, 'fr')).toBe('il y a 3 jours')
  })

  it('counts minutes and hours, rounding down', () => {
    expect(formatRelativeTime(ago(5 * MIN + 59_000), NOW, 'en')).toBe('5 minutes ago')
    expect(formatRelativeTime(ago(5 * MIN), NOW, 'fr')).toBe('il y a 5 minutes')
    expect(formatRelativeTime(ago(2 * 60 * MIN + 10 * MIN), NOW, 'fr')).toBe('il y a 2 heures')
  })

  it('uses the natural words for one day and for just now', () => {
    expect(formatRelativeTime(ago(DAY + MIN), NOW, 'en')).toBe('yesterday')
    expect(formatRelativeTime(ago(DAY + MIN), NOW, 'fr')).toBe('hier')
    expect(formatRelativeTime(ago(20_000), NOW, 'en')).toBe('now')
    expect(formatRelativeTime(ago(20_000), NOW, 'fr')).toBe('maintenant')
    expect(formatRelativeTime(ago(20_000), NOW, 'fr', undefined, 'à l’instant')).toBe('à l’instant')
  })

  it('reads a device clock a few seconds ahead as now, not as the future', () => {
    expect(formatRelativeTime(new Date(NOW + 30_000).toISOString(), NOW, 'en')).toBe('now')
    expect(formatRelativeTime(new Date(NOW + 10 * MIN).toISOString(), NOW, 'en')).toBe('in 10 minutes')
  })

  it('moves to months and years for old check-ins', () => {
    expect(formatRelativeTime(ago(65 * DAY), NOW, 'en')).toBe('2 months ago')
    expect(formatRelativeTime(ago(800 * DAY), NOW, 'fr')).toBe('il y a 2 ans')
  })

  it('returns null for a missing or unreadable date', () => {
    expect(formatRelativeTime(null, NOW, 'en')).toBeNull()
    expect(formatRelativeTime('', NOW, 'en')).toBeNull()
    expect(formatRelativeTime('not a date', NOW, 'fr')).toBeNull()
  })
})

describe('formatShortDuration', () => {
  it('gives seconds under a minute, then minutes rounded up, then hours', () => {
    expect(formatShortDuration(45, 'en')).toBe('45 sec')
    expect(formatShortDuration(61, 'en')).toBe('2 min')
    expect(formatShortDuration(3900, 'en')).toBe('1 hr 5 min')
    expect(formatShortDuration(45, 'fr')).toMatch(/^45\s?s$/)
  })
})
