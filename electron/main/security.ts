/**
 * The window's security handlers (DESIGN §4, from the Electron security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security — items 5 permissions, 12 webviews,
 * 13 navigation, 14 new windows, 15 openExternal).
 */
import type { App, Session, Shell, WebContents } from 'electron'
import { APP_HOST, APP_SCHEME } from './protocol'

/**
 * Hosts whose https pages may open in the system browser: Microsoft documentation and admin
 * portals an agent is pointed to, and the Entra sign-in hosts of every national cloud
 * (intune-passcode-domain.md §5: login.microsoftonline.com, .us, login.chinacloudapi.cn and MSAL's
 * alias login.partner.microsoftonline.cn).
 */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlySet<string> = new Set([
  'learn.microsoft.com',
  // Older links (Intune error pages, KB articles) still point to docs.microsoft.com, which redirects.
  'docs.microsoft.com',
  'intune.microsoft.com',
  'entra.microsoft.com',
  'portal.azure.com',
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
])

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True only for our own renderer origin, `app://passcode-desk/…`. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    !parsed.username &&
    !parsed.password
  )
}

/**
 * What the renderer may ever have opened externally: `https:` on the allowlist, default port, no
 * credentials in the URL (a `user@host` URL is a classic way to disguise the real host).
 */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return false
  return EXTERNAL_HOST_ALLOWLIST.has(parsed.hostname.toLowerCase())
}

/**
 * What core may open for sign-in: everything above, plus plain-http loopback URLs. MSAL's
 * interactive flow hands its authorize URL to our `openBrowser` callback (domain doc §4.1); for a
 * real tenant that URL is on a national-cloud login host (allow-listed); for the embedded demo
 * tenant the authority metadata points the authorize endpoint at `http://127.0.0.1:<port>`
 * (domain doc §4.4 recipe), which is only reachable from this machine. Any other host is refused.
 */
export function isAllowedSignInUrl(url: string): boolean {
  if (isAllowedExternalUrl(url)) return true
  const parsed = parse(url)
  if (!parsed || parsed.username || parsed.password) return false
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase())
  )
}

export type OpenExternal = (url: string) => Promise<void>

/**
 * Wraps `shell.openExternal` behind a URL policy. The renderer-facing opener uses
 * `isAllowedExternalUrl`; the one given to core (HostCapabilities.openExternal) uses
 * `isAllowedSignInUrl`. A refused URL rejects, so core can report it instead of silently failing.
 */
export function createOpenExternal(
  shell: Pick<Shell, 'openExternal'>,
  policy: (url: string) => boolean = isAllowedExternalUrl,
): OpenExternal {
  return async (url) => {
    if (typeof url !== 'string' || !policy(url))
      throw new Error('This link is not on the list of allowed addresses')
    await shell.openExternal(url, { activate: true })
  }
}

/**
 * Navigation and new windows: the page may only ever show our own origin. A click on an
 * allow-listed link opens in the system browser instead; everything else is dropped.
 */
export function installWebContentsGuards(contents: WebContents, openExternal: OpenExternal): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    if (isAllowedExternalUrl(url)) void openExternal(url).catch(() => {})
  }
  contents.on('will-navigate', (event) => guardNavigation(event, event.url))
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url))
  contents.on('will-redirect', (event) => guardNavigation(event, event.url))
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url).catch(() => {})
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Every permission (camera, notifications from the page, geolocation, HID, …) is refused, with one
 * exception: our own page may *write* to the clipboard, so the walkthrough's "copy the temporary
 * passcode" button works (Electron gates navigator.clipboard.writeText behind
 * 'clipboard-sanitized-write'). Reading the clipboard stays refused.
 */
const APP_ONLY_PERMISSIONS = new Set(['clipboard-sanitized-write'])

export function installSessionGuards(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(APP_ONLY_PERMISSIONS.has(permission) && isAppUrl(details?.requestingUrl ?? '')),
  )
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      APP_ONLY_PERMISSIONS.has(permission) && isAppUrl(`${requestingOrigin}/`),
  )
  session.setDevicePermissionHandler(() => false)
}

/**
 * Defence in depth: whatever web contents ever gets created (a devtools page, a future window),
 * the same navigation / window-open / webview guards apply.
 */
export function installAppWideGuards(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => installWebContentsGuards(contents, openExternal))
}
