/**
 * Where a cold start of the Devices view spends its time (DESIGN §5, browser host, real
 * Chromium): for each new tab opening the launch link of a host whose cache is synced, the page's
 * own clock (performance.now, from navigation start) at DOMContentLoaded, each script, style and
 * font loaded, the bridge opening, every bridge call sent and answered (by channel), and the
 * first device row in the page. Serial waits show as a call sent only after another's answer.
 *
 * `npm run build`, then:
 *   npx playwright test -c tests/bench/playwright.config.ts cold-start
 * PD_BENCH_DEVICES (default 20000); PD_BENCH_PW_DATA=<dir> keeps the synced cache between runs.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { test, expect } from '../e2e/fixtures'
import { openSyncedDevices } from './pw-synced-devices'

const DEVICES = process.env.PD_BENCH_DEVICES ?? '20000'
const DATA = process.env.PD_BENCH_PW_DATA ?? `/tmp/pd-bench-cold-start-${DEVICES}`
mkdirSync(DATA, { recursive: true })

test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: DEVICES, PASSCODE_DESK_DATA_DIR: DATA } })

interface Trace {
  events: { at: number; what: string }[]
}
declare global {
  interface Window {
    __pdTrace: Trace
  }
}

test('cold start phases', async ({ browser, page, appUrl }) => {
  await openSyncedDevices(page, appUrl)

  const runs: { total: number; events: { at: number; what: string }[] }[] = []
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext()
    const tab = await context.newPage()
    await tab.addInitScript(() => {
      const trace: Trace = { events: [] }
      window.__pdTrace = trace
      const note = (what: string) => trace.events.push({ at: performance.now(), what })
      const channels = new Map<number, string>()
      const send = WebSocket.prototype.send
      const watched = new WeakSet<WebSocket>()
      WebSocket.prototype.send = function (data) {
        if (typeof data === 'string') {
          const call = JSON.parse(data) as { t?: string; id?: number; channel?: string }
          if (call.t === 'call' && call.id != null) {
            channels.set(call.id, call.channel ?? '?')
            note(`send ${call.channel}`)
          }
          if (!watched.has(this)) {
            watched.add(this)
            this.addEventListener('message', (event: MessageEvent) => {
              const message = JSON.parse(String(event.data)) as { t?: string; id?: number }
              if (message.t === 'result' && message.id != null)
                note(`answer ${channels.get(message.id) ?? '?'}`)
            })
          }
        }
        return send.call(this, data)
      }
      const Original = window.WebSocket
      window.WebSocket = class extends Original {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args)
          note('bridge connecting')
          this.addEventListener('open', () => note('bridge open'))
        }
      }
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="device-row"]')) {
          note('first device row')
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
      document.addEventListener('DOMContentLoaded', () => note('DOMContentLoaded'))
    })
    const t0 = Date.now()
    await tab.goto(appUrl)
    await expect(tab.getByTestId('device-row').first()).toBeVisible({ timeout: 30_000 })
    const total = Date.now() - t0
    const events = await tab.evaluate(() => {
      const loaded = performance
        .getEntriesByType('resource')
        .map((r) => r as PerformanceResourceTiming)
        .map((r) => ({
          at: r.responseEnd,
          what: `loaded ${r.initiatorType} ${r.name.split('/').pop()} (${Math.round(r.responseEnd - r.startTime)} ms)`,
        }))
      return [...window.__pdTrace.events, ...loaded].sort((a, b) => a.at - b.at)
    })
    runs.push({ total, events })
    await context.close()
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  const median = runs.map((r) => r.total).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!
  const middle = runs.find((r) => r.total === median)!
  const timeline = middle.events.map((e) => `${e.at.toFixed(0).padStart(6)} ms  ${e.what}`).join('\n')
  const line = `${DEVICES} devices, load ${load}: launch link to first device row median ${median} ms (${runs.map((r) => r.total).join(', ')})`
  process.stdout.write(`\n${line}\nmedian run, page clock:\n${timeline}\n`)
  test.info().annotations.push({ type: 'figures', description: line })
  expect(middle.events.some((e) => e.what === 'first device row')).toBe(true)
})
