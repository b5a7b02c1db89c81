import { z } from 'zod'
import { ERROR_CODES } from '../../errors'
import { noInput } from './common'

/**
 * Whether Intune (Microsoft Graph) answers this computer, as core sees it: the last Graph outcome
 * (any request the app made) and a cheap probe (DESIGN §1; domain §4.5). One model, pushed as
 * `connectivity:changed`, drives the status bar, the offline banners, Refresh and the walkthrough.
 * It says nothing about the renderer ↔ core link: the renderer knows that one itself (bridge state).
 *
 * - `unknown`: nothing has been tried yet since start or the last profile switch;
 * - `reachable`: the last request or probe got an HTTP answer from Graph;
 * - `unreachable`: the last one could not connect, timed out or met a 5xx from the service.
 */
export const intuneReachability = z.enum(['unknown', 'reachable', 'unreachable'])
export type IntuneReachability = z.infer<typeof intuneReachability>

export const reachabilityStatus = z.strictObject({
  intune: intuneReachability,
  /** When the current state began (ISO 8601): "unreachable since 14:05". Null while unknown. */
  since: z.string().nullable(),
  /** Last request or probe that decided the state (ISO 8601), null if none yet. */
  checkedAt: z.string().nullable(),
  /** Why Intune is unreachable: OFFLINE (no connection), TIMEOUT, GRAPH_UNAVAILABLE (5xx). */
  failure: z.enum(ERROR_CODES).nullable(),
})
export type ReachabilityStatus = z.infer<typeof reachabilityStatus>

export const connectivityContract = {
  'connectivity:status': { input: noInput, output: reachabilityStatus },
  /** Probes Graph now (the agent pressed "Try again"); answers with the state after the probe. */
  'connectivity:check': { input: noInput, output: reachabilityStatus },
} as const

export const connectivityEvents = {
  'connectivity:changed': reachabilityStatus,
} as const
