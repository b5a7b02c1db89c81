import { describe, expect, it } from 'vitest'
import {
  decide,
  IntuneRateLimiter,
  INTUNE_WRITE_LIMIT,
  normaliseFaults,
  NO_FAULTS,
} from '../../../electron/demo-tenant/faults'

describe('fault decisions', () => {
  it('are reproducible and follow the fractions', () => {
    const f = normaliseFaults(NO_FAULTS, {
      throttleFraction: 0.2,
      unavailableFraction: 0.1,
      dropConnectionFraction: 0.05,
    })
    const a = Array.from({ length: 2000 }, (_, n) => decide(f, 3, n).kind)
    expect(Array.from({ length: 2000 }, (_, n) => decide(f, 3, n).kind)).toEqual(a)
    const share = (k: string) => a.filter((x) => x === k).length / a.length
    expect(share('throttle')).toBeGreaterThan(0.15)
    expect(share('throttle')).toBeLessThan(0.25)
    expect(share('unavailable')).toBeGreaterThan(0.06)
    expect(share('drop')).toBeGreaterThan(0.02)
    expect(normaliseFaults(NO_FAULTS, { throttleFraction: 7 }).throttleFraction).toBe(1)
  })

  it('Intune limits: 200 writes per 20 s window, then 429 with the seconds left', () => {
    const limiter = new IntuneRateLimiter()
    const t0 = 1_000_000
    for (let i = 0; i < INTUNE_WRITE_LIMIT; i++) expect(limiter.take(true, t0 + i)).toBe(0)
    expect(limiter.take(true, t0 + 5_000)).toBe(15)
    expect(limiter.take(false, t0 + 5_000)).toBe(0) // reads still allowed
    expect(limiter.take(true, t0 + 20_000)).toBe(0) // new window
  })
})
