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
  // On CI a failed journey runs once more and is reported as "flaky", never hidden. The focus flake
  // (devices.spec.ts, search box after Settings → Devices) was the app's and is fixed (usePageFocus);
  // kept at 1 because a second one showed once on a loaded machine and is not found yet: real-tenant.spec.ts,
  // the out-of-scope walkthrough opened by address answered NOT_FOUND (passed when run again).
  retries: process.env.CI ? 1 : 0,
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
