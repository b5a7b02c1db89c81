import { describe, expect, it } from 'vitest'
import { decide, normaliseFaults, NO_FAULTS } from '../../../electron/demo-tenant/faults'

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

  it('keeps fractional Retry-After seconds to the millisecond', () => {
    expect(normaliseFaults(NO_FAULTS, { retryAfterSeconds: 2.1284 }).retryAfterSeconds).toBe(2.128)
    expect(normaliseFaults(NO_FAULTS, { omitRetryAfter: true }).omitRetryAfter).toBe(true)
  })
})
