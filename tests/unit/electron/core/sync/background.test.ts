import { describe, expect, it } from 'vitest'
import { settings as settingsSchema } from '../../../../../shared/api/schemas/settings'
import { silentLogger } from '../../../../../electron/core/log'
import { startBackgroundSync } from '../../../../../electron/core/sync/background'

function harness(options: { minutes: number; signedIn?: boolean }) {
  let clock = 0
  let starts = 0
  let running = false
  const background = startBackgroundSync({
    engine: {
      running: () => running,
      start: () => {
        starts++
        return { runId: String(starts), startedAt: '', done: new Promise(() => {}) }
      },
    },
    everyMinutes: () => options.minutes,
    canRun: () => options.signedIn ?? true,
    log: silentLogger,
    now: () => clock,
    tickMs: 3_600_000,
  })
  return {
    background,
    advance: (minutes: number) => (clock += minutes * 60_000),
    starts: () => starts,
    setRunning: (value: boolean) => (running = value),
  }
}

describe('background sync passes', () => {
  it('starts a pass once the interval has passed, and not again before the next one', () => {
    const h = harness({ minutes: 15 })
    try {
      h.advance(14)
      expect(h.background.tick()).toBe(false)
      h.advance(1)
      expect(h.background.tick()).toBe(true)
      h.advance(5)
      expect(h.background.tick()).toBe(false)
      h.advance(10)
      expect(h.background.tick()).toBe(true)
      expect(h.starts()).toBe(2)
    } finally {
      h.background.stop()
    }
  })

  it('never overlaps a running sync, never runs signed out, and 0 turns it off', () => {
    const busy = harness({ minutes: 1 })
    busy.setRunning(true)
    busy.advance(5)
    expect(busy.background.tick()).toBe(false)
    busy.background.stop()
    const signedOut = harness({ minutes: 1, signedIn: false })
    signedOut.advance(5)
    expect(signedOut.background.tick()).toBe(false)
    signedOut.background.stop()
    const off = harness({ minutes: 0 })
    off.advance(10_000)
    expect(off.background.tick()).toBe(false)
    off.background.stop()
    expect(busy.starts() + signedOut.starts() + off.starts()).toBe(0)
  })

  it('a settings file from before the sync settings keeps its choices and gets the defaults', () => {
    const old = { locale: 'fr', theme: 'dark', policy: { ticketRequired: false, requiredChecks: [] } }
    expect(settingsSchema.parse(old)).toEqual({
      ...old,
      sync: { throttleBudgetMinutes: 10, fullSweepHours: 24, backgroundMinutes: 15 },
      // …and the built-in ticket note (shared/ticket-note), added since.
      ticketNote: { fr: null, en: null },
    })
    expect(
      settingsSchema.safeParse({
        ...old,
        sync: { throttleBudgetMinutes: 0, fullSweepHours: 24, backgroundMinutes: 15 },
      }).success,
    ).toBe(false)
  })
})
