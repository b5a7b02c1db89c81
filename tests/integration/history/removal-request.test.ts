import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../actions/harness'

/**
 * `history:removalRequest` through the real router against the demo tenant: who asked for the wipe
 * pending on a device and when, read from Intune's remote action audits (domain §3.2).
 */
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('history:removalRequest', () => {
  it('names the agent and the time of the pending wipe', async () => {
    const { request } = await h.call('history:removalRequest', {
      deviceId: h.demo.scenarioDevice('wipePending'),
    })
    expect(request).toMatchObject({ action: 'wipe', state: 'pending' })
    expect(request!.requestedBy).toMatch(/^priya\.shah@/)
    expect(Date.parse(request!.requestedAt)).toBeLessThan(Date.now())
  })

  it('answers null for a device with no wipe, retire or delete waiting', async () => {
    const { request } = await h.call('history:removalRequest', {
      deviceId: h.demo.scenarioDevice('iosRemovalSucceeds'),
    })
    expect(request).toBeNull()
  })
})
