/**
 * Main-thread work per keystroke in the Devices view (DESIGN §5), browser host, real Chromium: the
 * agent types the same names as keystroke.pw.ts while Chromium traces the page (CDP Tracing,
 * devtools.timeline); the time inside the renderer main thread's tasks, divided by the keys typed,
 * and what it went to. Unlike latency this hardly depends on the machine's load. Same-run baseline:
 * the main thread's work per second while nobody types (timers, the status bar).
 *
 * `npm run build`, then:
 *   PD_BENCH_PW_DATA=<dir> npx playwright test -c tests/bench/playwright.config.ts keystroke-main-thread
 * PD_BENCH_DEVICES (default 200000); the folder is shared with keystroke.pw.ts (first run syncs);
 * PD_BENCH_TRACE=1 keeps the typing trace in test-results/bench.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { CDPSession, Page } from '@playwright/test'
import { test, expect } from '../e2e/fixtures'
import { KEYSTROKE_WORDS } from './pw-keystroke-words'
import { mainThreadWork, type TraceEvent } from './main-thread-trace'
import { openSyncedDevices } from './pw-synced-devices'

const DEVICES = process.env.PD_BENCH_DEVICES ?? '200000'
const DATA = process.env.PD_BENCH_PW_DATA ?? `/tmp/pd-bench-keystroke-${DEVICES}`
const IDLE_MS = 3_000
mkdirSync(DATA, { recursive: true })

test.use({ appEnv: { PASSCODE_DESK_DEMO_DEVICES: DEVICES, PASSCODE_DESK_DATA_DIR: DATA } })

async function traced(page: Page, work: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline'],
    },
  })
  await work()
  await cdp.send('Tracing.end')
  await done
  await cdp.detach()
  return events
}

test('main-thread work per keystroke', async ({ page, appUrl }) => {
  await openSyncedDevices(page, appUrl)
  const search = page.getByTestId('device-search')
  await search.fill('')
  await page.waitForTimeout(600)

  const idle = mainThreadWork(await traced(page, () => page.waitForTimeout(IDLE_MS)))

  let keys = 0
  const trace = await traced(page, async () => {
    for (const word of KEYSTROKE_WORDS) {
      await search.fill('')
      await page.waitForTimeout(400)
      await search.focus()
      await page.keyboard.type(word, { delay: 200 })
      keys += word.length
      await page.waitForTimeout(600)
    }
  })
  // PD_BENCH_TRACE=1 keeps the trace (open it in chrome://tracing or the DevTools Performance panel).
  if (process.env.PD_BENCH_TRACE)
    writeFileSync(test.info().outputPath('typing-trace.json'), JSON.stringify({ traceEvents: trace }))
  const typing = mainThreadWork(trace)
  const perKey = typing.totalMs / keys
  const split = typing.byName
    .slice(0, 10)
    .map(([name, ms]) => `${name} ${(ms / keys).toFixed(1)}`)
    .join(', ')
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  const line = `${DEVICES} devices, load ${load}: main thread ${perKey.toFixed(1)} ms per keystroke (${keys} keys, clearing the box between words included; ${split}); idle ${((idle.totalMs / IDLE_MS) * 1000).toFixed(1)} ms per s`
  process.stdout.write(`\n${line}\n`)
  test.info().annotations.push({ type: 'figures', description: line })
  expect(typing.tasks).toBeGreaterThan(keys)
})
