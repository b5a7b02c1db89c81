import { describe, expect, it } from 'vitest'
import { createReachability } from '../../../../../electron/core/connectivity/model'

describe('createReachability', () => {
  const clock = () => {
    let t = Date.parse('2026-12-01T14:00:00Z')
    return { now: () => t, advance: (ms: number) => (t += ms) }
  }

  it('starts unknown and optimistic, then follows the latest Graph outcome', () => {
    const c = clock()
    const r = createReachability({ now: c.now })
    expect(r.status()).toEqual({ intune: 'unknown', since: null, checkedAt: null, failure: null })
    expect(r.online()).toBe(true)
    r.note('OFFLINE')
    expect(r.status()).toMatchObject({
      intune: 'unreachable',
      failure: 'OFFLINE',
      since: '2026-12-01T14:00:00.000Z',
    })
    expect(r.online()).toBe(false)
    c.advance(60_000)
    r.note(null)
    expect(r.status()).toMatchObject({
      intune: 'reachable',
      failure: null,
      since: '2026-12-01T14:01:00.000Z',
    })
  })

  it('counts any answer from Graph as reachable, and ignores cancellations', () => {
    const r = createReachability()
    for (const code of ['GRAPH_FORBIDDEN', 'GRAPH_NOT_FOUND', 'AUTH_REQUIRED', 'GRAPH_THROTTLED'] as const) {
      r.note('TIMEOUT')
      r.note(code)
      expect(r.status().intune, code).toBe('reachable')
    }
    r.note('GRAPH_UNAVAILABLE')
    r.note('CANCELLED')
    expect(r.status()).toMatchObject({ intune: 'unreachable', failure: 'GRAPH_UNAVAILABLE' })
  })

  it('keeps "unreachable since" while the reason changes, and tells listeners only on change', () => {
    const c = clock()
    const r = createReachability({ now: c.now })
    const seen: string[] = []
    r.onChange((s) => seen.push(`${s.intune}:${s.failure}:${s.since}`))
    r.note('OFFLINE')
    c.advance(5_000)
    r.note('OFFLINE') // same state: no push, but checkedAt moves
    expect(r.status().checkedAt).toBe('2026-12-01T14:00:05.000Z')
    r.note('TIMEOUT')
    expect(seen).toEqual([
      'unreachable:OFFLINE:2026-12-01T14:00:00.000Z',
      'unreachable:TIMEOUT:2026-12-01T14:00:00.000Z',
    ])
    r.reset()
    expect(r.status().intune).toBe('unknown')
    expect(seen).toHaveLength(3)
  })
})
