/**
 * `passcode-desk://` links in the Electron host (DESIGN §3 "deep links";
 * https://www.electronjs.org/docs/latest/tutorial/launch-app-from-url-in-another-app):
 * - registration: the installers declare the scheme (electron-builder.yml `protocols`), and the
 *   app registers itself at first run too (`setAsDefaultProtocolClient`), e.g. a copied app;
 * - macOS delivers links with `open-url` (also before `ready`, for the link that launched the app);
 * - Windows and Linux start a second instance with the link in argv: the single-instance lock hands
 *   it to us in `second-instance`, and the first launch has it in process.argv.
 * Links arrive before core has started: they wait here, then go to core, which parses them (the
 * strict shared parser) and keeps the last valid one for the renderer.
 */
import { resolve } from 'node:path'
import type { App } from 'electron'
import { DEEP_LINK_SCHEME, deepLinkFromArgv } from '@shared/deep-link'

export interface LinkTarget {
  offer(url: string): unknown
}

export interface LinkDelivery {
  /** A link from the OS; buffered until `attach`. */
  offer(url: string): void
  /** Core has started: deliver what waited, then everything directly. */
  attach(target: LinkTarget): void
}

/** At most a few links wait (a burst of clicks before start); the last one wins anyway. */
const MAX_WAITING = 5

export function createLinkDelivery(): LinkDelivery {
  let target: LinkTarget | null = null
  const waiting: string[] = []
  return {
    offer(url) {
      if (typeof url !== 'string') return
      if (target) target.offer(url)
      else if (waiting.push(url) > MAX_WAITING) waiting.shift()
    },
    attach(next) {
      target = next
      for (const url of waiting.splice(0)) next.offer(url)
    },
  }
}

type ProtocolApp = Pick<App, 'setAsDefaultProtocolClient' | 'isDefaultProtocolClient' | 'isPackaged'>

/**
 * Registers the app for the scheme. Unpackaged (`electron .`), Windows and Linux must be told the
 * app path after the Electron binary, or the OS would launch bare Electron.
 */
export function registerProtocolClient(
  app: ProtocolApp,
  proc: { execPath: string; argv: readonly string[]; defaultApp?: boolean } = process,
): boolean {
  if (app.isPackaged || !proc.defaultApp) return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  const appPath = proc.argv[1]
  if (!appPath) return false
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, proc.execPath, [resolve(appPath)])
}

/** The link a Windows/Linux launch carries, if any. */
export function linkFromLaunch(argv: readonly string[]): string | null {
  return deepLinkFromArgv(argv)
}
