import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScenarioName } from '../../../electron/demo-tenant'
import { demoPasscode, startHarness, type Harness } from './harness'

/**
 * Every outcome through the real router against the demo tenant (domain §1.5, §2.4), then the scan: the
 * temporary passcode must appear nowhere on disk (SQLite file, WAL, logs), in the CSV export, in
 * events or in notifications.
 */
let h: Harness
const passcodes: string[] = []

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

function assertNoPasscodeLeaked(): void {
  const disk = h.diskText()
  // The scan reads what we think it reads: the ticket is on disk (database or WAL) and in the log.
  expect(disk).toContain('INC-4242')
  expect(disk).toContain('actions.state')
  expect(passcodes.every((p) => p.length >= 6)).toBe(true)
  const pushed = JSON.stringify(h.events) + JSON.stringify(h.notifications)
  for (const p of passcodes) {
    expect(disk.includes(p), `passcode on disk`).toBe(false)
    expect(pushed.includes(p), `passcode in events/notifications`).toBe(false)
  }
}

async function issue(scenario: ScenarioName) {
  const action = await h.call('actions:issue', h.issueInput(scenario))
  expect(h.resetPosts()).toBe(1)
  return action
}

describe('actions against the demo tenant', () => {
  it('Android work profile: done, temporary passcode revealed on request only, never persisted', async () => {
    const sent = await issue('workProfileSucceeds')
    expect(sent).toMatchObject({
      state: 'pending',
      action: 'resetPasscode',
      enrollment: 'androidWorkProfilePersonal',
    })
    expect(sent.sentAt).not.toBeNull()
    const done = await h.waitForState(sent.id, ['done'])
    expect(done).toMatchObject({
      hasPasscode: true,
      passcodeAvailable: true,
      outcome: 'temporaryWorkProfilePasscode',
    })
    const expected = demoPasscode(h.demo, sent.deviceId)!
    expect(expected).toBeTruthy()
    passcodes.push(expected)
    const shown = await h.call('actions:revealPasscode', { actionId: sent.id })
    expect(shown.passcode).toBe(expected)
    expect(Date.parse(shown.expiresAt) - Date.now()).toBeGreaterThan(55_000)
    // Hidden: core forgets it; a later reveal re-reads it live from Graph (Intune shows it 7 days).
    expect(await h.call('actions:hidePasscode', { actionId: sent.id })).toEqual({
      forgotten: true,
      clipboard: 'notCopied',
    })
    expect((await h.call('actions:revealPasscode', { actionId: sent.id })).passcode).toBe(expected)
    expect(h.resetPosts()).toBe(0)
    const { transitions } = await h.call('actions:get', { actionId: sent.id })
    expect(transitions.map((t) => t.state)).toEqual(expect.arrayContaining(['sending', 'pending', 'done']))
    expect(h.notifications.at(-1)?.title).toBe('Action terminée')
    assertNoPasscodeLeaked()
  })

  it('iPhone: removal done without a passcode', async () => {
    const sent = await issue('iosRemovalSucceeds')
    expect(sent.action).toBe('removePasscode')
    const done = await h.waitForState(sent.id, ['done'])
    expect(done.hasPasscode).toBe(false)
    const reveal = await h.callResult('actions:revealPasscode', { actionId: sent.id })
    expect(reveal.error?.code).toBe('PASSCODE_EXPIRED')
    expect(h.notifications.at(-1)?.body).toContain('Code retiré')
  })

  it.each([
    ['iosBadUnlockToken', 'failed'],
    ['workProfileTokenNotActivated', 'failed'],
    ['androidNoPasscodePolicy', 'failed'],
  ] as const)('%s ends %s with Intune’s error code', async (scenario, state) => {
    const sent = await issue(scenario)
    const final = await h.waitForState(sent.id, [state])
    expect(final.intuneErrorCode).not.toBeNull()
    expect(final.intuneErrorCode).not.toBe(0)
    expect(h.notifications.at(-1)?.title).toBe('Échec de l’action')
  })

  it('dedicated, fully managed and AOSP: done with a passcode', async () => {
    for (const scenario of ['dedicatedSucceeds', 'fullyManagedSucceeds', 'aospSucceeds'] as const) {
      const sent = await issue(scenario)
      const done = await h.waitForState(sent.id, ['done'])
      expect(done.hasPasscode).toBe(true)
      passcodes.push(demoPasscode(h.demo, sent.deviceId)!)
    }
    assertNoPasscodeLeaked()
  })

  it('notSupported from Intune even though the record looked eligible', async () => {
    // The demo tenant decides from hidden traits: a record that says "fully managed" on hardware
    // Intune cannot act on. The app must report Intune's answer, not its own belief.
    const deviceId = h.demo.scenarioDevice('corporateWorkProfileSucceeds')
    h.demo.devices.updateTraits(deviceId, { kind: 'windows' })
    const sent = await issue('corporateWorkProfileSucceeds')
    const final = await h.waitForState(sent.id, ['notSupported'])
    expect(final.hasPasscode).toBe(false)
    expect(h.notifications.at(-1)?.title).toBe('Action non prise en charge')
  })

  it('History lists them all offline-capable, and the CSV export holds no passcode', async () => {
    const page = await h.call('history:list', { filters: {} })
    expect(page.total).toBe(9)
    // The caller named at step 1 is part of the record (its own column, migration 0060).
    expect(page.rows.map((r) => r.callerName)).toEqual(Array(9).fill('Hélène Durand'))
    const failed = await h.call('history:list', { filters: { states: ['failed'] } })
    expect(failed.total).toBe(3)
    const ticket = await h.call('history:list', { filters: { ticket: 'inc-42', device: 'iphone' } })
    expect(ticket.rows.every((r) => r.action === 'removePasscode')).toBe(true)
    for (const locale of ['fr', 'en'] as const) {
      const { csv, rows, filename } = await h.call('history:export', { filters: {}, locale })
      expect(rows).toBe(9)
      expect(filename).toMatch(
        new RegExp(`^passcode-desk-histor(y|ique)-\\d{4}-\\d{2}-\\d{2}-${locale}\\.csv$`),
      )
      const check =
        locale === 'fr'
          ? 'Matricule vérifié, Rappel du responsable'
          : 'Employee ID confirmed, Manager called back'
      expect(csv).toContain(check)
      expect(csv).toContain('Hélène Durand')
      expect(csv).not.toContain('managerCallback')
      for (const p of passcodes) expect(csv.includes(p)).toBe(false)
    }
    assertNoPasscodeLeaked()
  })

  it('team view merges Intune’s audits with ours (source markers)', async () => {
    // Another agent resets a device from the portal (a direct Graph POST with their own token).
    const colleague = h.demo.agents.filter((a) => a.role === 'helpDeskOperator')[1]!
    const res = await fetch(
      `${h.demo.graphUrl}/beta/deviceManagement/managedDevices/${h.demo.scenarioDevice('aospUserlessSucceeds')}/resetPasscode`,
      { method: 'POST', headers: { authorization: `Bearer ${h.demo.issueAccessToken(colleague.upn)}` } },
    )
    expect(res.status).toBe(204)
    const team = await h.call('history:team', {})
    expect(team.unavailable).toEqual([])
    // The demo tenant's earlier failed requests on two scenario devices are in the audit log too
    // (electron/demo-tenant/earlier-audits.ts): Intune's record of a colleague's, never ours.
    const earlier = new Set([
      h.demo.scenarioDevice('iosBadUnlockToken'),
      h.demo.scenarioDevice('workProfileTokenNotActivated'),
    ])
    const seeded = team.entries.filter((e) => e.source === 'auditEvent' && e.state === 'Failure')
    expect(seeded.map((e) => e.deviceId).every((id) => id !== null && earlier.has(id))).toBe(true)
    expect(seeded).toHaveLength(3)
    expect(seeded.every((e) => !e.mine)).toBe(true)
    const theirs = team.entries.filter((e) => e.source !== 'local' && !seeded.includes(e))
    expect(theirs.length).toBeGreaterThanOrEqual(1)
    expect(theirs.every((e) => e.agentUpn === colleague.upn && !e.mine)).toBe(true)
    expect(theirs.map((e) => e.source)).toContain('remoteActionAudit')
    const local = team.entries.filter((e) => e.source === 'local')
    expect(local).toHaveLength(9)
    expect(local.every((e) => e.action === e.activity)).toBe(true)
    // Our own actions appear once: Intune's record of each is folded into the local row.
    expect(team.entries.filter((e) => e.source !== 'local' && e.mine)).toHaveLength(0)
  })
})
