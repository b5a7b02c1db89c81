/**
 * A window whose page never loads stays hidden forever: it is created with `show: false` and only
 * shown on `ready-to-show` (window.ts). So a failed main-frame load (`did-fail-load`) or a renderer
 * that dies (`render-process-gone`) shows the window and explains what happened, with "Reload" and
 * "Quit" (https://www.electronjs.org/docs/latest/api/web-contents#event-did-fail-load,
 * #event-render-process-gone). The renderer's i18n is not available here (the renderer is what
 * failed), so the two languages of the app are spelled out in this file (French per the glossary).
 */
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron'
import { APP_START_URL } from './protocol'

/** Chromium's net::ERR_ABORTED: a load replaced by another one (not a failure). */
const ERR_ABORTED = -3

export interface RecoveryDialog {
  showMessageBox(win: BrowserWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>
}

interface RecoveryText {
  readonly title: string
  readonly loadFailed: string
  readonly crashed: string
  readonly reload: string
  readonly quit: string
}

const TEXT: Record<'fr' | 'en', RecoveryText> = {
  fr: {
    title: 'Passcode Desk',
    loadFailed: 'La fenêtre de Passcode Desk n’a pas pu se charger.',
    crashed: 'La fenêtre de Passcode Desk s’est arrêtée de façon inattendue.',
    reload: 'Recharger',
    quit: 'Quitter',
  },
  en: {
    title: 'Passcode Desk',
    loadFailed: 'The Passcode Desk window could not load.',
    crashed: 'The Passcode Desk window stopped unexpectedly.',
    reload: 'Reload',
    quit: 'Quit',
  },
}

export function recoveryText(locale: string): RecoveryText {
  return locale.toLowerCase().startsWith('fr') ? TEXT.fr : TEXT.en
}

export interface LoadRecoveryDeps {
  readonly dialog: RecoveryDialog
  readonly locale: () => string
  readonly quit: () => void
}

/** Installs both handlers on the window; at most one dialog is open at a time. */
export function installLoadRecovery(win: BrowserWindow, deps: LoadRecoveryDeps): void {
  let asking = false
  const offer = async (message: string, detail: string) => {
    if (asking || win.isDestroyed()) return
    asking = true
    const text = recoveryText(deps.locale())
    win.show()
    try {
      const { response } = await deps.dialog.showMessageBox(win, {
        type: 'error',
        title: text.title,
        message,
        detail: detail.slice(0, 300),
        buttons: [text.reload, text.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      if (win.isDestroyed()) return
      if (response === 0) void win.loadURL(APP_START_URL).catch(() => {})
      else deps.quit()
    } finally {
      asking = false
    }
  }

  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return
    void offer(recoveryText(deps.locale()).loadFailed, `${errorDescription} (${errorCode})`)
  })
  win.webContents.on('render-process-gone', (_event, details) => {
    // `clean-exit` is the renderer closing normally (e.g. while quitting).
    if (details.reason === 'clean-exit') return
    void offer(recoveryText(deps.locale()).crashed, `${details.reason} (${details.exitCode})`)
  })
}
