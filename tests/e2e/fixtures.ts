import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

/**
 * E2E fixtures: each test gets its own BUILT browser host (`out/main/browser-host.js`; run
 * `npm run build` first — `npm test` does) on a random loopback port with a fresh data folder,
 * and fails if the page logs a console error or throws.
 *
 *   test.use({ appEnv: { SOME_VAR: '1' } })   // extra environment for the host process
 *   test('…', async ({ page, appUrl, app }) => { await openApp(page, appUrl) })
 */

const ROOT = resolve(import.meta.dirname, '../..')
const HOST_ENTRY = join(ROOT, 'out/main/browser-host.js')
const READY_LINE = /^Passcode Desk running at (http:\/\/127\.0\.0\.1:(\d+)\/#k=[A-Za-z0-9_-]+)$/m
const START_TIMEOUT_MS = 20_000

export interface RunningApp {
  /** The printed link, secret included: `http://127.0.0.1:PORT/#k=…`. */
  readonly url: string
  /** `http://127.0.0.1:PORT` — the same server without the secret. */
  readonly origin: string
  readonly port: number
  /** The fresh temporary PASSCODE_DESK_DATA_DIR of this run. */
  readonly dataDir: string
  /** Everything the host wrote to stdout / stderr so far. */
  output(): string
  /** Stops the host now (to test a lost connection); teardown then has nothing left to do. */
  stop(): Promise<void>
  /** Stops the host and starts it again on the same data folder; resolves with the new printed link. */
  restart(): Promise<string>
}

interface AppFixtures {
  /** Extra environment for the host (e.g. demo-tenant size); merged over the defaults. */
  appEnv: Readonly<Record<string, string>>
  /** Console errors matching one of these are expected by the test and do not fail it. */
  allowedConsoleErrors: readonly RegExp[]
  app: RunningApp
  appUrl: string
  /** Console errors and uncaught page errors seen so far (the fixture fails the test on any). */
  consoleErrors: string[]
}

async function startHost(env: Readonly<Record<string, string>>, dataDir: string) {
  const child = spawn(process.execPath, [HOST_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PASSCODE_DESK_DATA_DIR: dataDir,
      PASSCODE_DESK_NO_OPEN: '1',
      PASSCODE_DESK_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<{ url: string; port: number }>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host not ready after ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = READY_LINE.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveReady({ url: match[1]!, port: Number(match[2]) })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(
          `browser host exited (code ${code}) before it was ready. Did you run \`npm run build\`?\n${output}`,
        ),
      )
    })
  })
  return { child, ready, output: () => output }
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

export const test = base.extend<AppFixtures>({
  appEnv: [{}, { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  app: async ({ appEnv }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passcode-desk-e2e-'))
    let host = await startHost(appEnv, dataDir)
    try {
      const { url, port } = await host.ready
      await use({
        url,
        port,
        origin: `http://127.0.0.1:${port}`,
        dataDir,
        output: () => host.output(),
        stop: () => stopHost(host.child),
        async restart() {
          await stopHost(host.child)
          host = await startHost(appEnv, dataDir)
          return (await host.ready).url
        },
      })
    } finally {
      await stopHost(host.child)
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('browser-host.log', { body: host.output() })
      rmSync(dataDir, { recursive: true, force: true })
    }
  },

  appUrl: async ({ app }, use) => {
    await use(app.url)
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their deps.
  consoleErrors: async ({}, use) => {
    await use([])
  },

  // Depends on `app` so the host outlives the page: stopping it first would make the page's
  // reconnection attempts show up as console errors.
  page: async ({ page, app: _app, consoleErrors, allowedConsoleErrors }, use) => {
    const allowed = (text: string) => allowedConsoleErrors.some((pattern) => pattern.test(text))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const where = message.location()
      const text = `${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`
      if (!allowed(text)) consoleErrors.push(text)
    })
    page.on('pageerror', (error) => {
      if (!allowed(error.message)) consoleErrors.push(`page error: ${error.message}`)
    })
    await use(page)
    expect(consoleErrors, 'console errors and page errors').toEqual([])
  },
})

export { expect }

/** Opens the app from its printed link and waits until the bridge to core is up. */
export async function openApp(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl)
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected')
}

export type ViewName = 'devices' | 'history' | 'settings'

/** Goes to a top-level view through the side bar, as an agent would. */
export async function openView(page: Page, view: ViewName): Promise<void> {
  await page.getByTestId(`nav-${view}`).click()
  await expect(page.getByTestId(`view-${view}`)).toBeVisible()
}

/**
 * Signs in as the demo agent named `displayName` through the demo tenant's page (the browser host
 * opens it in a new tab), and closes that tab only once the status bar shows the agent: closing it
 * earlier can cut the redirect back to the app's loopback listener. Returns the tenant's origin.
 */
export async function signInAgent(page: Page, displayName = 'Élodie Marchand'): Promise<string> {
  const popup = page.waitForEvent('popup')
  await page.getByTestId('status-sign-in').click()
  const signInPage = await popup
  const tenant = new URL(signInPage.url()).origin
  const escaped = displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await signInPage.getByRole('button', { name: new RegExp(escaped) }).click()
  await expect(page.getByTestId('status-agent-name')).toHaveText(displayName)
  await signInPage.close().catch(() => {})
  return tenant
}

/** A fresh app: open it, sign in, and run the first sync from the empty list. Returns the tenant's origin. */
export async function signInAndSync(page: Page, appUrl: string, displayName?: string): Promise<string> {
  await openApp(page, appUrl)
  const tenant = await signInAgent(page, displayName)
  await page.getByTestId('empty-sync-now').click()
  await expect(page.getByTestId('device-row').first()).toBeVisible({ timeout: 30_000 })
  return tenant
}
