import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../core'
import { defaultDataDir } from '../core/config'
import { createLogger } from '../core/log'
import { loadManagedPolicyFile } from '../core/policy'
import { openInDefaultBrowser } from './open-browser'
import { startBrowserHost } from './server'

/**
 * The same app in a browser, where no Electron runtime exists (Linux, CI, E2E): core + the built
 * renderer behind a loopback HTTP server and a WebSocket bridge.
 */
async function main(): Promise<void> {
  const dataDir = defaultDataDir()
  const log = createLogger({ dir: `${dataDir}/logs`, console: process.env.PASSCODE_DESK_VERBOSE === '1' })
  // Settings managed by the organisation: none here unless a test or demo names a plist (DESIGN §3).
  const policyFile = process.env.PASSCODE_DESK_POLICY_FILE
  const managedPolicy = policyFile ? await loadManagedPolicyFile(policyFile, log) : undefined
  const core = await createCore({
    dataDir,
    host: { kind: 'browser' },
    logger: log,
    managedPolicy,
    // Built beside this entry (electron.vite.config.ts): out/main/sql-worker.js.
    sqlWorkerScript: join(import.meta.dirname, 'sql-worker.js'),
  })
  const portText = process.env.PASSCODE_DESK_PORT ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PASSCODE_DESK_PORT must be a port number (got "${portText}")\n`)
    process.exit(2)
  }
  const staticDir =
    process.env.PASSCODE_DESK_RENDERER_DIR ?? fileURLToPath(new URL('../renderer', import.meta.url))
  const host = await startBrowserHost({ router: core.router, events: core.events, log, staticDir, port })
  process.stdout.write(`Passcode Desk running at ${host.url}\n`)
  if (process.env.PASSCODE_DESK_NO_OPEN !== '1') openInDefaultBrowser(host.url)

  const stop = async () => {
    await host.close()
    await core.dispose()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Passcode Desk could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
