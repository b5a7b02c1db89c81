// Update policy (electron/main/updates.ts) over a stand-in for electron-updater's AppUpdater: when
// checks run at all, which feed they use, and what Settings → About is told. The real updater
// (download, sha512 and signature checks, install) needs the Electron runtime and a packaged app.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import {
  CHECK_INTERVAL_MS,
  createUpdateController,
  planUpdates,
  type Updater,
} from '../../../../electron/main/updates'

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false
  autoInstallOnAppQuit = false
  feed: unknown = null
  checks = 0
  installed = false
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feed = options
  }
  checkForUpdates() {
    this.checks++
    return Promise.resolve(null)
  }
  quitAndInstall() {
    this.installed = true
  }
}
const silent = { warn() {} }
const flush = () => new Promise((r) => setImmediate(r))
const fakeTimers = () => {
  const set: { fn: () => void; ms: number }[] = []
  return {
    set,
    timers: {
      setInterval: ((fn: () => void, ms: number) => (set.push({ fn, ms }), set.length)) as never,
      clearInterval: (() => {}) as never,
    },
  }
}

describe('update plan', () => {
  it('no managed feed or a development build: no check ever, and why', () => {
    expect(planUpdates(undefined, true)).toEqual({ enabled: false, reason: 'noFeed' })
    expect(planUpdates('https://updates.contoso.example/pd', false)).toEqual({
      enabled: false,
      reason: 'notPackaged',
    })
    expect(planUpdates('https://updates.contoso.example/pd', true)).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: 'https://updates.contoso.example/pd/' },
    })
  })

  it('disabled: the updater is never even loaded', async () => {
    let loaded = false
    const controller = createUpdateController(
      { enabled: false, reason: 'noFeed' },
      async () => {
        loaded = true
        return new FakeUpdater()
      },
      silent,
    )
    await flush()
    expect(loaded).toBe(false)
    expect(controller.status()).toEqual({ state: 'disabled', reason: 'noFeed' })
    expect(controller.install()).toBe(false)
  })

  it('enabled: generic feed, check at start and every four hours, download, then restart to update', async () => {
    const updater = new FakeUpdater()
    const { set, timers } = fakeTimers()
    const seen: string[] = []
    const controller = createUpdateController(
      planUpdates('https://updates.contoso.example/pd/', true),
      async () => updater,
      silent,
      timers,
    )
    controller.onChange((s) => seen.push(s.state))
    await flush()
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://updates.contoso.example/pd/' })
    expect(updater.autoDownload).toBe(true)
    expect(updater.checks).toBe(1)
    expect(set.map((t) => t.ms)).toEqual([CHECK_INTERVAL_MS])
    expect(controller.install()).toBe(false) // nothing downloaded yet
    updater.emit('update-available', { version: '0.2.0' })
    expect(controller.status()).toEqual({ state: 'available', version: '0.2.0' })
    updater.emit('update-downloaded', { version: '0.2.0' })
    set[0]!.fn()
    expect(updater.checks).toBe(1) // no new check once one is waiting to install
    expect(controller.install()).toBe(true)
    expect(updater.installed).toBe(true)
    expect(seen).toEqual(['available', 'downloaded'])
  })

  it('a failed check or a missing updater is an error state, never a crash', async () => {
    const failing = new FakeUpdater()
    failing.checkForUpdates = () => Promise.reject(new Error('offline'))
    const controller = createUpdateController(
      planUpdates('https://u.example/', true),
      async () => failing,
      silent,
      fakeTimers().timers,
    )
    await flush()
    await flush()
    expect(controller.status()).toEqual({ state: 'error' })
    const missing = createUpdateController(
      planUpdates('https://u.example/', true),
      () => Promise.reject(new Error('no module')),
      silent,
    )
    await flush()
    expect(missing.status()).toEqual({ state: 'error' })
  })
})
