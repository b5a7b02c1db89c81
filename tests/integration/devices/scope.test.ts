import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceCacheModule, type DeviceCacheModule } from '../../support/device-cache-module'
import { demoSessions } from '../../support/demo-session'
import { silentLogger } from '../../../electron/core/log'
import { createRouter, type Handlers } from '../../../electron/core/router'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

/**
 * devices:refresh against the demo tenant over real HTTP (domain §9): a scope-tag 404 keeps the row
 * and marks it "outside your Intune scope"; only a plain not-found deletes it.
 */
describe('devices:refresh and scope tags', () => {
  let demo: DemoTenant
  let dir: string
  let module: DeviceCacheModule
  let upn: string

  const call = (channel: string, input?: unknown) =>
    createRouter(module.handlers as unknown as Handlers, { validateOutput: true, log: silentLogger }).call(
      channel,
      input,
      { host: 'test', clientId: 't' },
    )

  beforeEach(async () => {
    demo = await startDemoTenant({ port: 0, devices: 60, seed: 7, timeScale: 0.01, historyActions: 0 })
    dir = mkdtempSync(join(tmpdir(), 'pd-scope-'))
    upn = demo.agents[0]!.upn
    module = createDeviceCacheModule({ sessions: demoSessions(demo, dir, () => upn) })
    await module.sync.start().done
  })

  afterEach(async () => {
    module.dispose()
    await demo.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const samuel = () => demo.agents.find((a) => a.displayName === 'Samuel Okafor')!.upn

  it('keeps and marks a device refused for scope tags, clears the mark once it is visible again', async () => {
    const id = demo.scenarioDevice('outsideSamuelScope')
    upn = samuel()
    const refused = await call('devices:refresh', { id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'GRAPH_OUT_OF_SCOPE' } })

    const detail = await call('devices:get', { id })
    expect(detail).toMatchObject({ ok: true, value: { id, outOfScope: { agentUpn: samuel() } } })
    const scope = (detail as { value: { outOfScope: Record<string, unknown> } }).value.outOfScope
    expect(scope.activityId).toMatch(/^[0-9a-f-]{36}$/)
    expect(scope.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const found = await call('devices:search', { query: 'Bastien' })
    expect(found).toMatchObject({ ok: true, value: { total: 1, rows: [{ id, outOfScope: true }] } })

    // The same device read by an agent whose role covers it: back in scope, mark gone.
    upn = demo.agents[0]!.upn
    expect(await call('devices:refresh', { id })).toMatchObject({ ok: true, value: { id } })
    const after = (await call('devices:get', { id })) as { ok: true; value: Record<string, unknown> }
    expect(after.value.outOfScope).toBeUndefined()
    const again = await call('devices:search', { query: 'Bastien' })
    expect(
      (again as { value: { rows: Record<string, unknown>[] } }).value.rows[0]!.outOfScope,
    ).toBeUndefined()
  })

  it('deletes the row only on a plain not-found', async () => {
    const id = demo.scenarioDevice('iosRemovalSucceeds')
    demo.devices.removeDevice(id)
    expect(await call('devices:refresh', { id })).toMatchObject({
      ok: false,
      error: { code: 'GRAPH_NOT_FOUND' },
    })
    expect(await call('devices:get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a sync by an agent with a narrower scope does not list the tagged device', async () => {
    upn = samuel()
    // A full sweep: an incremental pass only adds changed devices (removals wait for the sweep).
    const result = await module.sync.start({ mode: 'full' }).done
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 59 })
    expect(await call('devices:get', { id: demo.scenarioDevice('outsideSamuelScope') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('normalises a quirky single-device GET at the boundary (strings for booleans, "null", sentinel dates)', async () => {
    const id = demo.scenarioDevice('iosRemovalSucceeds')
    demo.devices.updateDevice(id, {
      isSupervised: 'True',
      phoneNumber: 'null',
      lastSyncDateTime: '0001-01-01T00:00:00Z',
    })
    const refreshed = await call('devices:refresh', { id })
    expect(refreshed).toMatchObject({
      ok: true,
      value: { management: { isSupervised: true, lastSyncDateTime: null }, user: { phoneNumber: null } },
    })
  })
})
