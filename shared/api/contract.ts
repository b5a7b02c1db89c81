import type { z } from 'zod'
import type { Channel, EventName } from './channels'
import { actionsContract, actionsEvents } from './schemas/actions'
import { appContract } from './schemas/app'
import { connectivityContract, connectivityEvents } from './schemas/connectivity'
import { authContract, authEvents } from './schemas/auth'
import { devicesContract } from './schemas/devices'
import { failureFactsContract } from './schemas/failure-facts'
import { historyContract } from './schemas/history'
import { linksContract, linksEvents } from './schemas/links'
import { personContract } from './schemas/person'
import { policyContract } from './schemas/policy'
import { profilesContract, profilesEvents } from './schemas/profiles'
import { readinessContract } from './schemas/readiness'
import { settingsContract, settingsEvents } from './schemas/settings'
import { syncContract, syncEvents } from './schemas/sync'
import { updatesContract, updatesEvents } from './schemas/updates'

/**
 * Every channel's input and output schema. Adding a channel = a schema in `schemas/<domain>.ts`,
 * its spread here, its name in `channels.ts`, a handler in core (see ARCHITECTURE.md).
 */
export const contract = {
  ...appContract,
  ...settingsContract,
  ...policyContract,
  ...linksContract,
  ...updatesContract,
  ...devicesContract,
  ...personContract,
  ...failureFactsContract,
  ...syncContract,
  ...authContract,
  ...profilesContract,
  ...actionsContract,
  ...historyContract,
  ...connectivityContract,
  ...readinessContract,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

/** Payload schema of every main → renderer event. */
export const events = {
  ...settingsEvents,
  ...syncEvents,
  ...authEvents,
  ...profilesEvents,
  ...actionsEvents,
  ...connectivityEvents,
  ...linksEvents,
  ...updatesEvents,
} as const satisfies Record<EventName, z.ZodType>

/** What the renderer passes (before parsing). */
export type ChannelInput<C extends Channel> = z.input<(typeof contract)[C]['input']>
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<(typeof contract)[C]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>
