import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPasscode, startHarness, TEST_TIMING, type Harness } from './harness'

/**
 * The passcode on the host's clipboard (Electron host path, DESIGN §4), through the real router
 * against the demo tenant: copied from core (the value never crosses back from the renderer),
 * emptied when hidden or when the countdown ends, left alone if the agent copied something else,
 * and never written to disk, logs or events.
 */
let h: Harness
const seen: string[] = []

beforeAll(async () => {
  h = await startHarness({ ...TEST_TIMING, revealMs: 400 })
})
afterAll(async () => {
  await h?.close()
})

async function doneWithPasscode() {
  const sent = await h.call('actions:issue', h.issueInput('workProfileSucceeds', { confirmRepeat: true }))
  await h.waitForState(sent.id, ['done'])
  const passcode = demoPasscode(h.demo, sent.deviceId)!
  expect(passcode.length).toBeGreaterThanOrEqual(6)
  seen.push(passcode)
  return { id: sent.id, passcode }
}

describe('passcode clipboard through core', () => {
  it('refuses to copy a passcode that is not on screen', async () => {
    const { id } = await doneWithPasscode()
    const refused = await h.callResult('actions:copyPasscode', { actionId: id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'PASSCODE_EXPIRED' } })
    expect(h.clipboard.writes).toEqual([])
  })

  it('copy → hide clears the clipboard; copy → other copy → hide leaves it', async () => {
    const { id, passcode } = await doneWithPasscode()
    h.clipboard.text = 'earlier copy'
    await h.call('actions:revealPasscode', { actionId: id })
    expect(await h.call('actions:copyPasscode', { actionId: id })).toEqual({ copied: true })
    expect(h.clipboard.text).toBe(passcode)
    expect(await h.call('actions:hidePasscode', { actionId: id })).toEqual({
      forgotten: true,
      clipboard: 'cleared',
    })
    expect(h.clipboard.text).toBe('')

    await h.call('actions:revealPasscode', { actionId: id })
    await h.call('actions:copyPasscode', { actionId: id })
    h.clipboard.text = 'INC-20931'
    expect(await h.call('actions:hidePasscode', { actionId: id })).toEqual({
      forgotten: true,
      clipboard: 'changed',
    })
    expect(h.clipboard.text).toBe('INC-20931')
    // Never copied this time: nothing to clear.
    await h.call('actions:revealPasscode', { actionId: id })
    expect((await h.call('actions:hidePasscode', { actionId: id })).clipboard).toBe('notCopied')
  })

  it('the countdown clears it by itself; the renderer hiding afterwards is told so', async () => {
    const { id, passcode } = await doneWithPasscode()
    await h.call('actions:revealPasscode', { actionId: id })
    await h.call('actions:copyPasscode', { actionId: id })
    expect(h.clipboard.text).toBe(passcode)
    await new Promise((r) => setTimeout(r, 600))
    expect(h.clipboard.text).toBe('')
    expect(await h.call('actions:hidePasscode', { actionId: id })).toEqual({
      forgotten: false,
      clipboard: 'cleared',
    })
  })

  it('closing the walkthrough (finish) clears it too, and nothing of it reached disk or events', async () => {
    const { id, passcode } = await doneWithPasscode()
    await h.call('actions:revealPasscode', { actionId: id })
    await h.call('actions:copyPasscode', { actionId: id })
    await h.call('actions:finish', { actionId: id, note: 'ok' })
    expect(h.clipboard.text).toBe('')
    expect(passcode).toBe(seen.at(-1))
    const disk = h.diskText()
    expect(disk).toContain('actions.passcode-copied')
    const pushed = JSON.stringify(h.events) + JSON.stringify(h.notifications)
    for (const p of seen) {
      expect(disk.includes(p), 'passcode on disk').toBe(false)
      expect(pushed.includes(p), 'passcode in events').toBe(false)
    }
  })
})
