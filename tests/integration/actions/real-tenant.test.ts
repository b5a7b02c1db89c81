import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './harness'

/**
 * actions:issue against what real Intune sends (domain §9), over real HTTP to the demo tenant:
 * a scope-tag 404 on the live re-read, Multi Admin Approval on the POST, an unknown actionState.
 */
describe('actions:issue with real-tenant answers', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  const samuel = () => h.demo.agents.find((a) => a.displayName === 'Samuel Okafor')!.upn
  const marks = () => {
    const db = new Database(join(h.dir, 'profiles', 'demo', 'cache.db'), { readonly: true })
    try {
      return db.prepare('SELECT device_id, agent_upn, activity_id FROM device_scope_denials').all() as {
        device_id: string
        agent_upn: string
        activity_id: string | null
      }[]
    } finally {
      db.close()
    }
  }

  it('a device outside the agent’s scope tags is refused with GRAPH_OUT_OF_SCOPE, marked, and never POSTed', async () => {
    h.signIn(samuel())
    const input = h.issueInput('outsideSamuelScope')
    const result = await h.callResult('actions:issue', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'GRAPH_OUT_OF_SCOPE' } })
    const detail = result.error!.detail as Record<string, unknown>
    expect(detail.status).toBe(404)
    expect(detail.graphCode).toBe('ResourceNotFound')
    expect(detail.activityId).toMatch(/^[0-9a-f-]{36}$/)
    expect(h.resetPosts()).toBe(0)
    expect(marks()).toEqual([
      { device_id: input.deviceId, agent_upn: samuel(), activity_id: detail.activityId },
    ])
    // Élodie's role covers the device: the same walkthrough goes through for her.
    h.signIn(h.demo.agents[0]!.upn)
    const ok = await h.call('actions:issue', { ...input, idempotencyKey: `${String(input.idempotencyKey)}b` })
    expect(ok.state).toBe('pending')
  })

  it('a plain 404 on the live re-read stays GRAPH_NOT_FOUND and marks nothing', async () => {
    const input = h.issueInput('iosRemovalSucceeds')
    h.demo.devices.removeDevice(String(input.deviceId))
    const result = await h.callResult('actions:issue', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'GRAPH_NOT_FOUND' } })
    expect(marks()).toEqual([])
  })

  it('403 ApprovalRequired records the action as awaiting approval, with one POST and no retry', async () => {
    const action = await h.call('actions:issue', h.issueInput('approvalRequired'))
    expect(action.state).toBe('awaitingApproval')
    expect(action.graphRequestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(h.resetPosts()).toBe(1)
    const { transitions } = await h.call('actions:get', { actionId: action.id })
    expect(transitions.at(-1)).toMatchObject({ state: 'awaitingApproval' })
    expect(transitions.at(-1)!.detail).toMatch(/^approval code [0-9a-f-]{36}$/)
    // Not polled, not re-sent: nothing reached the device.
    await new Promise((r) => setTimeout(r, 300))
    expect(h.resetPosts()).toBe(0)
    expect((await h.call('actions:get', { actionId: action.id })).action.state).toBe('awaitingApproval')
  })

  it('the demo tenant can require approval for an agent on any device', async () => {
    h.demo.setAgentPolicy(h.demo.agents[0]!.upn, { requiresApproval: true })
    const action = await h.call('actions:issue', h.issueInput('iosRemovalSucceeds'))
    expect(action.state).toBe('awaitingApproval')
  })

  it('an unknown actionState is "unknownState", kept polling, never done', async () => {
    const action = await h.call('actions:issue', h.issueInput('unknownActionState'))
    const seen = await h.waitForState(action.id, ['unknownState'])
    expect(seen.completedAt).toBeNull()
    const { transitions } = await h.call('actions:get', { actionId: action.id })
    expect(transitions.map((t) => t.detail)).toContain('actionState awaitingAdminAction')
    // Still watched: once Intune reports a known state, the action moves on.
    h.demo.devices.updateTraits(action.deviceId, { reportsActionState: undefined })
    const done = await h.waitForState(action.id, ['done'])
    expect(done.state).toBe('done')
  })
})
