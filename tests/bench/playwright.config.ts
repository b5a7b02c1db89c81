import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

/** Browser benchmarks (`*.pw.ts` in tests/bench): same Chromium and options as the E2E tests. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /\.pw\.ts$/,
  outputDir: '../../test-results/bench',
  timeout: 15 * 60_000,
  // One at a time: a benchmark measures this machine, not two benchmarks sharing it, and a file's
  // later test (keystroke.pw.ts's cold start) reads the cache its first test synced.
  workers: 1,
  fullyParallel: false,
  // Playwright's trace snapshots the whole DOM in the page around each action: work on the main
  // thread the app does not do (about a third of what keystroke-main-thread.pw.ts counted).
  use: { ...base.use, trace: 'off' },
})
