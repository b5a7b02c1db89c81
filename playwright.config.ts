import { defineConfig } from '@playwright/test'

// Playwright never downloads browsers here: it drives Debian's Chromium (see toolchain notes).
const executablePath = process.env.PASSCODE_DESK_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test has its own host and data folder (fixtures.ts), so several run side by side. Tests, not
  // files, are shared out: no journey depends on another, and a file of two long journeys (one per
  // language) otherwise keeps one worker busy while the others have run out of files.
  // Four workers on CI's 2 cores: a journey mostly waits (polling, timers, the demo tenant), so two
  // workers left the cores idle. Measured on this 2-core machine, all 68 passing: 2 workers 16.2 min
  // (a fresh clone, before axe ran in the page: tests/e2e/axe.ts); 4 workers 11.1 min with it (sum of
  // test times 2,559 s, i.e. 3.8 running at once, each ~30 % slower than alone).
  // PD_E2E_WORKERS overrides.
  fullyParallel: true,
  workers: Number(process.env.PD_E2E_WORKERS ?? 4),
  // On CI a failed journey runs once more and is reported as "flaky", never hidden. The focus flake
  // (devices.spec.ts, search box after Settings → Devices) was the app's and is fixed (usePageFocus);
  // kept at 1 because a second one showed once on a loaded machine and is not found yet: real-tenant.spec.ts,
  // the out-of-scope walkthrough opened by address answered NOT_FOUND (passed when run again); at 4
  // workers, real-tenant.spec.ts's unknown-actionState journey once waited over 10 s for the device page
  // after a row click (passed on retry).
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
