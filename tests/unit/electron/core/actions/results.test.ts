import { describe, expect, it } from 'vitest'
import { isNewerThan, latestResetResult, startedWithin } from '../../../../../electron/core/actions/results'

const reset = (over: Record<string, unknown>) => ({
  '@odata.type': '#microsoft.graph.resetPasscodeActionResult',
  actionName: 'resetPasscode',
  actionState: 'pending',
  startDateTime: '2026-11-26T10:00:00Z',
  lastUpdatedDateTime: '2026-11-26T10:00:00Z',
  ...over,
})

describe('latestResetResult', () => {
  it('finds the reset result by @odata.type or by name, in any case, and ignores other actions', () => {
    const results = [
      {
        actionName: 'remoteLock',
        actionState: 'done',
        startDateTime: '2026-11-26T12:00:00Z',
        unlockPin: '123456',
      },
      {
        actionName: 'ResetPasscode',
        actionState: 'Done',
        startDateTime: '2026-11-26T09:00:00Z',
        passcode: 'abc',
      },
    ]
    const r = latestResetResult(results)
    expect(r).toMatchObject({ state: 'done', passcode: 'abc', startDateTime: '2026-11-26T09:00:00Z' })
  })

  it('keeps the newest when several are present and maps notSupported and unknown states', () => {
    const r = latestResetResult([
      reset({ actionState: 'done', startDateTime: '2026-11-26T09:00:00Z' }),
      reset({ actionState: 'notSupported', startDateTime: '2026-11-26T11:00:00Z', errorCode: 7 }),
    ])
    expect(r).toMatchObject({ state: 'notSupported', errorCode: 7 })
    // An actionState outside the enum (e.g. the proposed awaitingAdminAction, domain §9) is "unknown
    // state", kept as sent; a missing one is still pending.
    expect(latestResetResult([reset({ actionState: 'awaitingAdminAction' })])).toMatchObject({
      state: 'unknownState',
      unknownState: 'awaitingAdminAction',
    })
    expect(latestResetResult([reset({ actionState: 'constructor' })])?.state).toBe('unknownState')
    expect(latestResetResult([reset({ actionState: undefined })])?.state).toBe('pending')
  })

  it('returns null for junk', () => {
    expect(latestResetResult([null, 3, 'x', [], { actionName: 'wipe' }])).toBeNull()
  })
})

describe('isNewerThan / startedWithin', () => {
  it('recognises our result only when it started after the baseline', () => {
    const r = latestResetResult([reset({ startDateTime: '2026-11-26T10:00:00Z' })])
    expect(isNewerThan(r, '2026-11-26T09:59:59Z')).toBe(true)
    expect(isNewerThan(r, '2026-11-26T10:00:00Z')).toBe(false)
    expect(isNewerThan(r, null)).toBe(true)
    expect(isNewerThan(null, null)).toBe(false)
  })

  it('tells whether an action started inside the repeat window', () => {
    const r = latestResetResult([reset({ startDateTime: '2026-11-26T10:00:00Z' })])
    const t = Date.parse('2026-11-26T10:10:00Z')
    expect(startedWithin(r, t, 15 * 60_000)).toBe(true)
    expect(startedWithin(r, t, 5 * 60_000)).toBe(false)
  })
})
