import { describe, expect, it } from 'vitest'
import { bucketRange } from '../../../../../electron/core/readiness/buckets'

describe('readiness time buckets', () => {
  // Wednesday 2 Dec 2026, 00:30 UTC = 01:30 in Paris (UTC+1).
  const NOW = Date.parse('2026-12-02T00:30:00Z')

  it('30 days: one bucket per local day, today last, 30 in all', () => {
    const r = bucketRange(NOW, 30, 60)
    expect(r.bucket).toBe('day')
    expect(r.starts).toHaveLength(30)
    expect(r.starts.at(-1)).toBe('2026-12-02')
    expect(r.starts[0]).toBe('2026-11-03')
    // Local midnight in Paris is 23:00 UTC the day before.
    expect(r.fromIso).toBe('2026-11-02T23:00:00.000Z')
  })

  it('the same instant is still 1 December in New York (UTC-5)', () => {
    const r = bucketRange(NOW, 30, -300)
    expect(r.starts.at(-1)).toBe('2026-12-01')
    expect(r.fromIso).toBe('2026-11-02T05:00:00.000Z')
  })

  it('90 days: Monday-first weeks, the first one whole', () => {
    const r = bucketRange(NOW, 90, 60)
    expect(r.bucket).toBe('week')
    expect(r.starts.at(-1)).toBe('2026-11-30') // the Monday of 2 Dec 2026
    for (const start of r.starts) expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1)
    // 89 days before 2 Dec is 4 Sep 2026 (a Friday): its week starts Monday 31 Aug.
    expect(r.starts[0]).toBe('2026-08-31')
    expect(r.starts).toHaveLength(14)
  })

  it('365 days: calendar months, the current one last', () => {
    const r = bucketRange(NOW, 365, 60)
    expect(r.bucket).toBe('month')
    expect(r.starts[0]).toBe('2025-12-01')
    expect(r.starts.at(-1)).toBe('2026-12-01')
    expect(r.starts).toHaveLength(13)
  })

  it('gives each bucket its UTC bounds, end to end with no gap', () => {
    const r = bucketRange(NOW, 90, 60)
    expect(r.bounds[0]).toEqual(['2026-08-30T23:00:00.000Z', '2026-09-06T23:00:00.000Z'])
    for (let i = 1; i < r.bounds.length; i++) expect(r.bounds[i]![0]).toBe(r.bounds[i - 1]![1])
    expect(r.bounds.at(-1)![1]).toBe('2026-12-06T23:00:00.000Z')
    expect(r.fromIso).toBe(r.bounds[0]![0])
  })
})
