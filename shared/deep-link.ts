/**
 * Deep links from the ticketing tool (DESIGN §3 "deep links"):
 *   passcode-desk://device?serial=C02XK1JHJG5H&ticket=INC0012345&caller=Marie%20Dupont
 * (also `id=`, `upn=`, `imei=`). A link is untrusted input from any web page: this parser is
 * strict — one scheme, one target, known parameters once each, every value bounded and matched
 * against what it can be — and a link can only ever navigate and pre-fill. Nothing here names an
 * action, a confirmation or a setting, and unknown parameters reject the whole link rather than
 * being ignored (a link that says more than we understand is not one we should half-follow).
 * Pure: used by the Electron main process, core and the renderer alike.
 */
export const DEEP_LINK_SCHEME = 'passcode-desk'
export const MAX_LINK_LENGTH = 1024

export const DEVICE_KEYS = ['serial', 'id', 'upn', 'imei'] as const
export type DeviceKey = (typeof DEVICE_KEYS)[number]

export interface DeepLink {
  readonly by: DeviceKey
  readonly value: string
  readonly ticket?: string
  readonly caller?: string
}

/** Why a link was refused: a reason only (never the link's text), so it can be shown and logged. */
export const DEEP_LINK_REJECTIONS = [
  'tooLong',
  'notALink',
  'wrongScheme',
  'unknownTarget',
  'unknownParameter',
  'repeatedParameter',
  'noDevice',
  'severalDevices',
  'badValue',
] as const
export type DeepLinkRejection = (typeof DEEP_LINK_REJECTIONS)[number]

export type DeepLinkResult =
  { readonly ok: true; readonly link: DeepLink } | { readonly ok: false; readonly reason: DeepLinkRejection }

/** What each parameter may hold once percent-decoded. */
const PATTERNS: Record<DeviceKey | 'ticket' | 'caller', RegExp> = {
  // Intune serials: letters, digits, a few separators vendors use.
  serial: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  // Intune managedDevice id.
  id: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // A user principal name: local@domain, no spaces, quotes or angle brackets.
  upn: /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/,
  // IMEI (15) or IMEISV (16), digits only.
  imei: /^[0-9]{14,16}$/,
  // Ticket numbers: INC0012345, SR-1234, GLPI #4711, JSM keys like ITSM-42.
  ticket: /^[A-Za-z0-9][A-Za-z0-9 #._:/-]{0,63}$/,
  // A person's name: letters (any script), spaces, apostrophes, hyphens, dots.
  caller: /^[\p{L}\p{M}][\p{L}\p{M} '’.-]{0,99}$/u,
}

const ALLOWED = new Set<string>([...DEVICE_KEYS, 'ticket', 'caller'])
const reject = (reason: DeepLinkRejection): DeepLinkResult => ({ ok: false, reason })

export function parseDeepLink(input: unknown): DeepLinkResult {
  if (typeof input !== 'string') return reject('notALink')
  if (input.length > MAX_LINK_LENGTH) return reject('tooLong')
  // Whitespace or control characters anywhere: not something a ticketing tool produces.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(input)) return reject('notALink')
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return reject('notALink')
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return reject('wrongScheme')
  if (url.username || url.password || url.port || url.hash) return reject('notALink')
  // `passcode-desk://device?…` — the host is the target; no path (no traversal to elsewhere).
  if (url.hostname !== 'device' || (url.pathname !== '' && url.pathname !== '/'))
    return reject('unknownTarget')

  const values = new Map<string, string>()
  for (const [name, value] of url.searchParams) {
    if (!ALLOWED.has(name)) return reject('unknownParameter')
    if (values.has(name)) return reject('repeatedParameter')
    values.set(name, value)
  }
  const keys = DEVICE_KEYS.filter((key) => values.has(key))
  if (keys.length === 0) return reject('noDevice')
  if (keys.length > 1) return reject('severalDevices')
  for (const [name, value] of values) {
    if (!PATTERNS[name as keyof typeof PATTERNS].test(value)) return reject('badValue')
  }
  const by = keys[0]!
  const ticket = values.get('ticket')
  const caller = values.get('caller')
  return {
    ok: true,
    link: {
      by,
      value: values.get(by)!,
      ...(ticket !== undefined ? { ticket } : {}),
      ...(caller !== undefined ? { caller: caller.trim() } : {}),
    },
  }
}

/** The link in a launch's argv (Windows and Linux pass it as an argument), if any. */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`
  return argv.find((arg) => typeof arg === 'string' && arg.toLowerCase().startsWith(prefix)) ?? null
}

/**
 * Browser host: the same link as the URL fragment, `http://127.0.0.1:PORT/#passcode-desk://device?…`
 * (the fragment never reaches a server). Returns the link text, or null for an ordinary route.
 */
export function deepLinkFromFragment(hash: string): string | null {
  // `#/passcode-desk:…` too: what the hash router makes of it once it has read the address.
  const text = hash.replace(/^#\/?/, '')
  return text.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`) ? text : null
}
