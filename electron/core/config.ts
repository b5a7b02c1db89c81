import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Passcode Desk'

/**
 * The same directory Electron's `app.getPath('userData')` gives, so the Electron host, the browser
 * host and the CLI share one cache and one history. `PASSCODE_DESK_DATA_DIR` overrides it (tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PASSCODE_DESK_DATA_DIR) return env.PASSCODE_DESK_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

/** The OS locale as Node sees it (the renderer may refine it with navigator.languages). */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split(/[.@]/)[0]!
  // "C" and "POSIX" (e.g. LANG=C.UTF-8 on servers) name no language: ask ICU instead.
  if (fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX') return fromEnv.replace('_', '-')
  return Intl.DateTimeFormat().resolvedOptions().locale
}

/** Output validation in development and tests, not in packaged builds (DESIGN §1: one router validates every call). */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.PASSCODE_DESK_VALIDATE_OUTPUT === '1'
}
