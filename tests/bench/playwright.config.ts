import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

/** Browser benchmarks (`*.pw.ts` in tests/bench): same Chromium and options as the E2E tests. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /\.pw\.ts$/,
  outputDir: '../../test-results/bench',
  timeout: 15 * 60_000,
})
