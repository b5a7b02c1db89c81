// The only test that starts the REAL Electron app (Playwright's `_electron`). Where no Electron
// binary exists (this repo's build machines: `require('electron')` throws "Electron failed to
// install correctly"), it is skipped with that reason; it runs wherever Electron is installed.
// The release workflow sets PASSCODE_DESK_PACKAGED_APP to the packaged executable, so the same
// checks run against the installer's app (fuses flipped, asar, the Electron-ABI SQLite binding).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  electronBinary,
  electronVersion,
  prepareElectronSqlite,
  root,
} from '../../../../electron/tools/electron-sqlite.mjs'

const packagedApp = process.env.PASSCODE_DESK_PACKAGED_APP || null
const electronPath = packagedApp ?? electronBinary()
const built =
  packagedApp !== null ||
  (existsSync(join(root, 'out/main/index.js')) && existsSync(join(root, 'out/preload/index.cjs')))
const skipReason = !electronPath
  ? 'no Electron binary on this machine (require("electron") throws) — the real window is not tested here'
  : !built
    ? 'out/ is not built — run `npm run build` first'
    : null

describe.skipIf(skipReason !== null)(
  `real Electron window${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('opens one sandboxed window on app://passcode-desk exposing only window.helpdesk, and app:info works', async () => {
      const { _electron } = await import('playwright')
      const dataDir = mkdtempSync(join(tmpdir(), 'pd-real-electron-'))
      const binding = packagedApp ? null : prepareElectronSqlite(electronVersion())
      // ELECTRON_RUN_AS_NODE is deleted, not emptied: on Windows an empty variable still counts as set.
      const env: Record<string, string> = {}
      for (const [key, value] of Object.entries(process.env))
        if (value !== undefined && key.toUpperCase() !== 'ELECTRON_RUN_AS_NODE') env[key] = value
      if (binding) env.PASSCODE_DESK_SQLITE_BINDING = binding
      const app = await _electron.launch({
        executablePath: electronPath!,
        args: packagedApp ? [`--user-data-dir=${dataDir}`] : [root, `--user-data-dir=${dataDir}`],
        env,
      })
      let closed = false
      try {
        const page = await app.firstWindow()
        await page.waitForLoadState('domcontentloaded')
        expect(page.url()).toMatch(/^app:\/\/passcode-desk\//)
        const probe = await page.evaluate(async () => {
          const w = (globalThis as unknown as { window: unknown }).window as Record<string, unknown> & {
            helpdesk: Record<string, () => Promise<unknown>>
          }
          return {
            require: typeof w.require,
            process: typeof w.process,
            keys: Object.keys(w.helpdesk).sort(),
            info: await w.helpdesk['app:info']!(),
          }
        })
        expect(probe.require).toBe('undefined')
        expect(probe.process).toBe('undefined')
        expect(probe.keys).toContain('on')
        expect(probe.info).toMatchObject({ ok: true, value: { hostKind: 'electron' } })
        const prefs = await app.evaluate(({ BrowserWindow }) => {
          const wins = BrowserWindow.getAllWindows()
          return { count: wins.length, title: wins[0]!.getTitle() }
        })
        expect(prefs).toEqual({ count: 1, title: 'Passcode Desk' })

        // One database call under Electron: the SQLite binding for Electron's ABI exists and loads.
        const status = await page.evaluate(() =>
          (globalThis as unknown as { window: { helpdesk: Record<string, () => Promise<unknown>> } }).window
            .helpdesk['sync:status']!(),
        )
        expect(status).toMatchObject({ ok: true })

        // The CSP header on our own origin (protocol.ts serves it with every document).
        const csp = await page.evaluate(async () => {
          const response = await fetch('app://passcode-desk/index.html')
          return response.headers.get('content-security-policy')
        })
        expect(csp).toContain("default-src 'self'")

        // A route change that loads a lazy chunk (the Settings view is its own chunk).
        const chunks: string[] = []
        page.on('request', (request) => chunks.push(request.url()))
        await page.evaluate(() => {
          ;(globalThis as unknown as { location: { hash: string } }).location.hash = '#/settings'
        })
        await page.waitForFunction(
          () => (globalThis as unknown as { location: { hash: string } }).location.hash === '#/settings',
        )
        await expect.poll(() => chunks.some((u) => /\/assets\/SettingsView-[^/]+\.js$/.test(u))).toBe(true)

        // Quitting: the app exits (core disposes on will-quit) instead of hanging.
        const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()))
        await app.evaluate(({ app: electronApp }) => electronApp.quit())
        await exited
        closed = true
      } finally {
        if (!closed) await app.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    }, 120_000)
  },
)
