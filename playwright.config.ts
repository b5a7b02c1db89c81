import { defineConfig } from '@playwright/test'

// Playwright never downloads browsers here: it drives Debian's Chromium (see toolchain notes).
const executablePath = process.env.PASSCODE_DESK_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test has its own host and data folder (fixtures.ts), so two run side by side on CI's 2 cores:
  // most of a journey is waiting (polling, timers), not CPU. PD_E2E_WORKERS overrides. Tests, not files,
  // are shared out: no journey depends on another, and a file of two long journeys (one per language)
  // otherwise keeps one worker busy while the other has run out of files.
  fullyParallel: true,
  workers: Number(process.env.PD_E2E_WORKERS ?? 2),
  // No second chance: a journey that fails once is a bug to find. The one known flake (devices.spec.ts,
  // the search box focused after Settings → Devices) was the app's: a Devices click while Settings was
  // still loading mounted nothing (usePageFocus now handles that duplicated navigation).
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
})
