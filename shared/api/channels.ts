/**
 * Channel and event names. Kept free of zod so that the sandboxed preload can import it without
 * bundling a schema library (DESIGN §2). A unit test checks that this list and `contract.ts` agree.
 * Names are `domain:verb`.
 */
export const CHANNELS = [
  // app
  'app:info',
  // settings
  'settings:get',
  'settings:update',
  // settings managed by the organisation (DESIGN §3)
  'policy:get',
  // deep links from the ticketing tool (DESIGN §3)
  'links:take',
  // updates from the organisation's feed (DESIGN §3)
  'updates:status',
  'updates:install',
  // devices (domain §2.1–2.2)
  'devices:search',
  'devices:get',
  'devices:refresh',
  // start from the caller; what could make the action fail (DESIGN intro)
  'devices:person',
  'devices:failureFacts',
  // sync (domain §2.6)
  'sync:start',
  'sync:cancel',
  'sync:status',
  // auth (domain §4)
  'auth:status',
  'auth:signIn',
  'auth:cancelSignIn',
  'auth:signOut',
  // profiles (domain §4, §5)
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:activate',
  'profiles:test',
  // actions (domain §2.3–2.4)
  'actions:issue',
  'actions:get',
  'actions:listForDevice',
  'actions:availability',
  'actions:revealPasscode',
  'actions:hidePasscode',
  'actions:copyPasscode',
  'actions:finish',
  'actions:recheck',
  // history (domain §3)
  'history:list',
  'history:export',
  'history:team',
  'history:removalRequest',
  // connectivity (Intune reachability, DESIGN §1)
  'connectivity:status',
  'connectivity:check',
  // fleet readiness (DESIGN §1)
  'readiness:summary',
] as const

export type Channel = (typeof CHANNELS)[number]

/** Main → renderer pushes. */
export const EVENTS = [
  'settings:changed',
  'sync:progress',
  'sync:finished',
  'auth:changed',
  'auth:open-url',
  'profiles:changed',
  'actions:changed',
  'connectivity:changed',
  'links:opened',
  'updates:changed',
] as const

export type EventName = (typeof EVENTS)[number]

/** The one Electron IPC channel that carries every main → renderer event as `(name, payload)`. */
export const EVENT_IPC_CHANNEL = 'passcode-desk:event'

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value)
}
