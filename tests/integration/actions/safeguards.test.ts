import { afterEach, describe, expect, it } from 'vitest'
import { demoPasscode, newKey, startHarness, type Harness } from './harness'

/**
 * The refusals and the "exactly one POST" guarantees (DESIGN §4, domain §2.4, §4.5), counted at the demo
 * tenant's request log — the only witness that cannot be fooled by the app's own bookkeeping.
 */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('actions:issue safeguards', () => {
  it('refuses an ineligible device when called directly, whatever the caller believes, without a POST', async () => {
    h = await startHarness()
    for (const scenario of [
      'windowsLaptop',
      'macos',
      'iosUserEnrollment',
      'wipePending',
      'deviceAdministrator7NotSupported',
    ] as const) {
      const result = await h.callResult('actions:issue', h.issueInput(scenario))
      expect(result.error?.code, scenario).toBe('NOT_ELIGIBLE')
      expect(result.error?.detail).toMatchObject({ verdict: 'ineligible' })
    }
    expect((await h.callResult('actions:issue', h.issueInput('windowsLaptop'))).error?.detail).toMatchObject({
      reasons: 'windowsUnsupported',
    })
    expect(h.resetPosts()).toBe(0)
    expect((await h.call('history:list', { filters: {} })).total).toBe(0)
  })

  it('refuses the Read Only Operator (PERMISSION_DENIED) and missing policy fields', async () => {
    h = await startHarness()
    h.signIn(h.demo.agents.find((a) => a.role === 'readOnlyOperator')!.upn)
    expect((await h.callResult('actions:issue', h.issueInput('workProfileSucceeds'))).error?.code).toBe(
      'PERMISSION_DENIED',
    )
    expect(await h.call('actions:availability', {})).toMatchObject({
      available: false,
      reason: 'PERMISSION_DENIED',
    })
    h.signIn(h.demo.agents[0]!.upn)
    const noTicket = await h.callResult(
      'actions:issue',
      h.issueInput('workProfileSucceeds', { ticketReference: '  ' }),
    )
    expect(noTicket.error).toMatchObject({ code: 'POLICY_FIELDS_MISSING', detail: { ticket: true } })
    const noCheck = await h.callResult(
      'actions:issue',
      h.issueInput('workProfileSucceeds', { verification: { checks: ['mfaPrompt'] } }),
    )
    expect(noCheck.error).toMatchObject({ code: 'POLICY_FIELDS_MISSING', detail: { checks: 'employeeId' } })
    // The script step (what will happen to the device) is part of the record: refused without it.
    const noScript = await h.callResult(
      'actions:issue',
      h.issueInput('workProfileSucceeds', {
        verification: { checks: ['employeeId', 'managerCallback'], scriptRead: false },
      }),
    )
    expect(noScript.error).toMatchObject({ code: 'POLICY_FIELDS_MISSING', detail: { script: true } })
    const noPrecondition = await h.callResult(
      'actions:issue',
      h.issueInput('workProfileSucceeds', { preconditionsConfirmed: [] }),
    )
    expect(noPrecondition.error?.code).toBe('POLICY_FIELDS_MISSING')
    expect(String((noPrecondition.error?.detail as { preconditions: string }).preconditions)).toContain(
      'workProfileResetTokenActivated',
    )
    h.settings = { ...h.settings, policy: { ticketRequired: false, requiredChecks: [] } }
    const relaxed = await h.call(
      'actions:issue',
      h.issueInput('workProfileSucceeds', {
        ticketReference: undefined,
        verification: { checks: [], scriptRead: true },
      }),
    )
    expect(relaxed.ticketReference).toBeNull()
    expect(relaxed.verification.scriptRead).toBe(true)
    expect(h.resetPosts()).toBe(1)
  })

  it('double click, retried request and a second window send one POST; a repeat within 15 min needs confirmation', async () => {
    h = await startHarness()
    const input = h.issueInput('fullyManagedSucceeds')
    const [a, b] = await Promise.all([h.call('actions:issue', input), h.call('actions:issue', input)])
    expect(a.id).toBe(b.id)
    // The same request retried later (e.g. after a lost answer) is answered from the database.
    expect((await h.call('actions:issue', input)).id).toBe(a.id)
    expect(h.resetPosts()).toBe(1)

    // A second window racing with another key: one wins the lock, the other is told it is in progress.
    const deviceId = h.demo.scenarioDevice('dedicatedSucceeds')
    const race = await Promise.all([
      h.callResult('actions:issue', h.issueInput('dedicatedSucceeds')),
      h.callResult('actions:issue', h.issueInput('dedicatedSucceeds')),
    ])
    expect(race.filter((r) => r.ok)).toHaveLength(1)
    expect(race.find((r) => !r.ok)?.error?.code).toBe('ACTION_IN_PROGRESS')
    expect(h.resetPosts()).toBe(1)

    // Same device again within 15 minutes: explicit confirmation, then exactly one more POST.
    const again = await h.callResult('actions:issue', { ...h.issueInput('dedicatedSucceeds'), deviceId })
    expect(again.error?.code).toBe('CONFIRMATION_REQUIRED')
    expect(h.resetPosts()).toBe(0)
    const confirmed = await h.call('actions:issue', {
      ...h.issueInput('dedicatedSucceeds'),
      confirmRepeat: true,
    })
    expect(confirmed.state).toBe('pending')
    expect(h.resetPosts()).toBe(1)
    // A key reused for another device is a client bug, refused.
    expect((await h.callResult('actions:issue', { ...input, deviceId })).error?.code).toBe('CONFLICT')
  })

  it('an action done by someone else on the device minutes ago also needs confirmation', async () => {
    h = await startHarness()
    const deviceId = h.demo.scenarioDevice('aospSucceeds')
    const colleague = h.demo.agents.filter((a) => a.role === 'helpDeskOperator')[1]!
    await fetch(`${h.demo.graphUrl}/beta/deviceManagement/managedDevices/${deviceId}/resetPasscode`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.demo.issueAccessToken(colleague.upn)}` },
    })
    h.resetPosts()
    expect((await h.callResult('actions:issue', h.issueInput('aospSucceeds'))).error?.code).toBe(
      'CONFIRMATION_REQUIRED',
    )
    expect(h.resetPosts()).toBe(0)
  })

  it('a 5xx on the POST is checked against deviceActionResults, never re-sent', async () => {
    h = await startHarness()
    // Intune answered 503/504 without registering it: checked, reported not sent, no second POST.
    h.postFault = 'unavailable'
    const refused = await h.call('actions:issue', h.issueInput('workProfileSucceeds'))
    expect(refused).toMatchObject({ state: 'notSent', failureCode: 'GRAPH_UNAVAILABLE' })
    expect(h.resetPosts()).toBe(1)

    // Intune registered it but the answer was lost at a gateway (504): found, tracked, not re-sent.
    h.postFault = 'lostAnswer'
    const lost = await h.call('actions:issue', h.issueInput('dedicatedSucceeds'))
    h.postFault = null
    expect(['pending', 'active', 'done']).toContain(lost.state)
    expect((await h.waitForState(lost.id, ['done'])).hasPasscode).toBe(true)
    const { transitions } = await h.call('actions:get', { actionId: lost.id })
    expect(transitions.map((t) => t.detail)).toContain('registered despite POST error')
    expect(h.resetPosts()).toBe(1)
  })

  it('resumes polling of unfinished actions after a restart and gives up with still pending', async () => {
    h = await startHarness()
    const sent = await h.call('actions:issue', h.issueInput('workProfileSucceeds'))
    // Restart before the first poll can run: the new core finds it pending in SQLite and resumes.
    await h.restart()
    const done = await h.waitForState(sent.id, ['done'])
    expect(done.hasPasscode).toBe(true)
    const passcode = demoPasscode(h.demo, sent.deviceId)!
    expect((await h.call('actions:revealPasscode', { actionId: sent.id })).passcode).toBe(passcode)

    await h.restart({ pollInitialMs: 20, pollMaxMs: 50, giveUpMs: 400, verifyWindowMs: 300 })
    const stale = await h.call('actions:issue', h.issueInput('staleNeverChecksIn'))
    const still = await h.waitForState(stale.id, ['stillPending'], 3_000)
    expect(still.completedAt).toBeNull()
    // Checking again keeps it honest: back to pending, then still pending again.
    expect((await h.call('actions:recheck', { actionId: stale.id })).state).toBe('pending')
    await h.waitForState(stale.id, ['stillPending'], 3_000)
    expect(h.resetPosts()).toBe(2)
    const disk = h.diskText()
    expect(disk.includes(passcode)).toBe(false)
  })

  it('a crash between the POST and its answer: the next start finds the action in Intune, no second POST', async () => {
    h = await startHarness()
    h.postFault = 'crashAfterSend'
    void h.callResult('actions:issue', h.issueInput('fullyManagedSucceeds'))
    await expect.poll(() => h!.demo.requestLog().filter((r) => r.method === 'POST').length).toBe(1)
    h.postFault = null
    const [row] = (await h.call('history:list', { filters: {} })).rows
    expect(row!.state).toBe('sending')
    await h.restart()
    const done = await h.waitForState(row!.id, ['done'])
    expect(done.hasPasscode).toBe(true)
    expect(h.resetPosts()).toBe(1)
  })

  it('offline or signed out: refused with the reason, history still readable', async () => {
    h = await startHarness()
    const sent = await h.call('actions:issue', h.issueInput('iosRemovalSucceeds'))
    await h.waitForState(sent.id, ['done'])
    h.resetPosts()
    await h.setOffline(true)
    expect((await h.callResult('actions:issue', h.issueInput('workProfileSucceeds'))).error?.code).toBe(
      'OFFLINE',
    )
    expect(await h.call('actions:availability', { deviceId: sent.deviceId })).toMatchObject({
      available: false,
      reason: 'OFFLINE',
    })
    expect((await h.call('history:list', { filters: {} })).total).toBe(1)
    expect((await h.call('actions:listForDevice', { deviceId: sent.deviceId })).map((a) => a.id)).toEqual([
      sent.id,
    ])
    expect((await h.callResult('history:team', {})).error?.code).toBe('OFFLINE')
    await h.setOffline(false)
    h.signIn(null)
    expect((await h.callResult('actions:issue', h.issueInput('workProfileSucceeds'))).error?.code).toBe(
      'AUTH_REQUIRED',
    )
    expect(await h.call('actions:availability', {})).toMatchObject({
      available: false,
      reason: 'AUTH_REQUIRED',
    })
    expect((await h.call('history:list', { filters: {} })).total).toBe(1)
    expect(h.resetPosts()).toBe(0)
    void newKey
  })
})
