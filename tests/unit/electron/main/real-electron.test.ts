// The only test that starts the REAL Electron app (Playwright's `_electron`). Where no Electron
// binary exists (this repo's build machines: `require('electron')` throws "Electron failed to
// install correctly"), it is skipped with that reason; it runs wherever Electron is installed.
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

const electronPath = electronBinary()
const built = existsSync(join(root, 'out/main/index.js')) && existsSync(join(root, 'out/preload/index.cjs'))
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
      const binding = prepareElectronSqlite(electronVersion())
      const app = await _electron.launch({
        executablePath: electronPath!,
        args: [root, `--user-data-dir=${dataDir}`],
        env: { ...process.env, PASSCODE_DESK_SQLITE_BINDING: binding ?? '', ELECTRON_RUN_AS_NODE: '' },
      })
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
      } finally {
        await app.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    }, 120_000)
  },
)
