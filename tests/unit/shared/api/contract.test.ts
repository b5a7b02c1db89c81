import { describe, expect, it } from 'vitest'
import { CHANNELS, EVENTS, isChannel } from '@shared/api/channels'
import { contract, events } from '@shared/api/contract'
import { err, ok } from '@shared/api/result'

describe('shared API contract', () => {
  it('lists exactly the channels the contract defines', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort())
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
  })

  it('lists exactly the events the contract defines', () => {
    expect([...EVENTS].sort()).toEqual(Object.keys(events).sort())
  })

  it('names channels domain:verb', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })

  it('recognises channels only by exact name', () => {
    expect(isChannel('app:info')).toBe(true)
    expect(isChannel('app:info ')).toBe(false)
    expect(isChannel('__proto__')).toBe(false)
    expect(isChannel(42)).toBe(false)
  })

  it('builds both Result shapes', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
    expect(err('NOT_FOUND', 'gone')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })
    expect(err('NOT_FOUND', 'gone', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone', detail: { id: 'x' } },
    })
  })
})
