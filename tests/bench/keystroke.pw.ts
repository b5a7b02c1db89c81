/**
 * Keystroke to answer in the page (DESIGN §5), browser host, real Chromium, 200,000 demo devices.
 * The agent types names at ~5 keys/s; for each key, the time from its keydown to the first frame
 * painted after an answer to a search sent after that key (the answer that shows this key's text or
 * a later one). Same-run baseline: the bridge round trip of those searches (WebSocket send to
 * message), the floor any pacing can reach.
 *
 * `npm run build`, then:
 *   npx playwright test -c tests/bench/playwright.config.ts
 * PD_BENCH_DEVICES (default 200000); PD_BENCH_PW_DATA=<dir> keeps the synced cache between runs
 * (the first run syncs from the demo tenant through the UI).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { test, expect } from '../e2e/fixtures'
import { KEYSTROKE_WORDS } from './pw-keystroke-words'
import { openSyncedDevices } from './pw-synced-devices'

const DEVICES = process.env.PD_BENCH_DEVICES ?? '200000'
const DATA = process.env.PD_BENCH_PW_DATA ?? `/tmp/pd-bench-keystroke-${DEVICES}`
const WORDS = KEYSTROKE_WORDS
mkdirSync(DATA, { recursive: true })

test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: DEVICES, PASSCODE_DESK_DATA_DIR: DATA } })

declare global {
  interface Window {
    __pdBench: {
      keys: number[]
      sends: Map<number, number>
      answers: { sent: number; received: number; painted: number }[]
    }
  }
}

test('keystroke to answer in the page', async ({ page, appUrl }) => {
  await page.addInitScript(() => {
    const bench: Window['__pdBench'] = { keys: [], sends: new Map(), answers: [] }
    window.__pdBench = bench
    document.addEventListener('keydown', () => bench.keys.push(performance.now()), { capture: true })
    const send = WebSocket.prototype.send
    const watched = new WeakSet<WebSocket>()
    WebSocket.prototype.send = function (data) {
      if (typeof data === 'string') {
        const call = JSON.parse(data) as {
          t?: string
          id?: number
          channel?: string
          input?: { offset?: number }
        }
        if (call.t === 'call' && call.channel === 'devices:search' && call.input?.offset === 0)
          bench.sends.set(call.id!, performance.now())
        if (!watched.has(this))
          this.addEventListener('message', (event: MessageEvent) => {
            const message = JSON.parse(String(event.data)) as { t?: string; id?: number }
            const sent =
              message.t === 'result' && message.id != null ? bench.sends.get(message.id) : undefined
            if (sent === undefined) return
            const received = performance.now()
            requestAnimationFrame(() => bench.answers.push({ sent, received, painted: performance.now() }))
          })
        watched.add(this)
      }
      return send.call(this, data)
    }
  })
  await openSyncedDevices(page, appUrl)
  const search = page.getByTestId('device-search')
  const latencies: number[] = []
  const trips: number[] = []
  for (const word of WORDS) {
    await search.fill('')
    await page.waitForTimeout(400)
    await page.evaluate(() => {
      window.__pdBench.keys = []
      window.__pdBench.answers = []
    })
    await search.focus()
    await page.keyboard.type(word, { delay: 200 })
    await page.waitForTimeout(600)
    const { keys, answers } = await page.evaluate(() => ({
      keys: window.__pdBench.keys,
      answers: window.__pdBench.answers,
    }))
    for (const key of keys) {
      const answer = answers.filter((a) => a.sent >= key).sort((a, b) => a.painted - b.painted)[0]
      if (answer) latencies.push(answer.painted - key)
    }
    for (const a of answers) trips.push(a.received - a.sent)
  }
  const pct = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1)
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  const line = `${DEVICES} devices, load ${load}: keystroke to painted answer (${latencies.length} keys) p50 ${pct(latencies, 50)} / p95 ${pct(latencies, 95)} ms; bridge round trip (${trips.length} searches) p50 ${pct(trips, 50)} / p95 ${pct(trips, 95)} ms`
  process.stdout.write(`\n${line}\n`)
  test.info().annotations.push({ type: 'figures', description: line })
  expect(latencies.length).toBeGreaterThan(WORDS.join('').length * 0.9)
})

/**
 * Cold start: a new tab opens the launch link of a host whose cache is synced; until the first
 * device row is painted. Same-run baseline: the same page's DOMContentLoaded (fetching and parsing
 * the HTML and the initial script, before the app runs). Runs after the test above (its cache).
 */
test('cold start to a usable Devices view', async ({ browser, appUrl }) => {
  const starts: number[] = []
  const parsed: number[] = []
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const t0 = Date.now()
    await page.goto(appUrl)
    await expect(page.getByTestId('device-row').first()).toBeVisible({ timeout: 30_000 })
    starts.push(Date.now() - t0)
    parsed.push(
      await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
        return nav!.domContentLoadedEventEnd
      }),
    )
    await context.close()
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!.toFixed(0)
  const worst = (list: number[]) => Math.max(...list).toFixed(0)
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  const line = `${DEVICES} devices, load ${load}: launch link to first device row median ${median(starts)} / max ${worst(starts)} ms; DOMContentLoaded median ${median(parsed)} / max ${worst(parsed)} ms`
  process.stdout.write(`\n${line}\n`)
  test.info().annotations.push({ type: 'figures', description: line })
})
