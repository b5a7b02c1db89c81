import { describe, expect, it } from 'vitest'
import {
  budgetsFromEnv,
  IntuneBudgetLimiter,
  INTUNE_DEVICE_BUDGETS,
} from '../../../electron/demo-tenant/rate-limits'

const T0 = 1_000_000

describe('Intune budgets as sliding windows (domain §2.7)', () => {
  it('admits 2,000 requests per app in any 20 s, then answers the wait until the oldest leaves', () => {
    const limiter = new IntuneBudgetLimiter()
    for (let i = 0; i < 2000; i++) expect(limiter.take('app-a', false, T0 + i)).toBe(0)
    // Full: the first admission (T0) leaves the window at T0 + 20 s.
    expect(limiter.take('app-a', false, T0 + 5_000)).toBe(15)
    expect(limiter.take('app-a', false, T0 + 19_999.5)).toBe(0.001)
    // Sliding, not fixed: at T0 + 20 s exactly one slot (T0's) is free, the next one 1 ms later.
    expect(limiter.take('app-a', false, T0 + 20_000)).toBe(0)
    expect(limiter.take('app-a', false, T0 + 20_000)).toBe(0.001)
    expect(limiter.take('app-a', false, T0 + 20_001)).toBe(0)
  })

  it('refused requests do not count: a client that waits as told gets in', () => {
    const limiter = new IntuneBudgetLimiter({ ...INTUNE_DEVICE_BUDGETS, appAny: 2 })
    expect(limiter.take('a', false, T0)).toBe(0)
    expect(limiter.take('a', false, T0 + 100)).toBe(0)
    for (let i = 0; i < 50; i++) expect(limiter.take('a', false, T0 + 200 + i)).toBeGreaterThan(0)
    const wait = limiter.take('a', false, T0 + 1000)
    expect(wait).toBe(19)
    expect(limiter.take('a', false, T0 + 1000 + wait * 1000)).toBe(0)
  })

  it('counts writes in their own 200 / 20 s window and in the any window', () => {
    const limiter = new IntuneBudgetLimiter()
    for (let i = 0; i < 200; i++) expect(limiter.take('app-a', true, T0 + i)).toBe(0)
    expect(limiter.take('app-a', true, T0 + 1_000)).toBe(19)
    expect(limiter.take('app-a', false, T0 + 1_000)).toBe(0) // reads still have room
    for (let i = 0; i < 1799; i++) expect(limiter.take('app-a', false, T0 + 2_000)).toBe(0)
    expect(limiter.take('app-a', false, T0 + 2_000)).toBe(18) // 200 writes + 1,800 reads
  })

  it('keeps one window per app id, and a tenant window over all apps (4,000 / 20 s)', () => {
    const limiter = new IntuneBudgetLimiter()
    for (let i = 0; i < 2000; i++) expect(limiter.take('app-a', false, T0)).toBe(0)
    expect(limiter.take('app-a', false, T0)).toBeGreaterThan(0)
    for (let i = 0; i < 2000; i++) expect(limiter.take('app-b', false, T0)).toBe(0)
    // app-c has its own room but the tenant as a whole is at 4,000.
    expect(limiter.take('app-c', false, T0 + 10)).toBeCloseTo(19.99, 3)
    expect(limiter.take('app-c', false, T0 + 20_000)).toBe(0)
  })

  it('scales budgets from the environment for a smaller benchmark, never above Intune’s', () => {
    expect(budgetsFromEnv({ PASSCODE_DESK_DEMO_RATE_SCALE: '0.1' })).toMatchObject({
      appAny: 200,
      appWrites: 20,
    })
    expect(budgetsFromEnv({ PASSCODE_DESK_DEMO_RATE_SCALE: '5' })).toEqual(INTUNE_DEVICE_BUDGETS)
    expect(budgetsFromEnv({})).toEqual(INTUNE_DEVICE_BUDGETS)
  })
})
