import { z } from 'zod'
import { text } from './common'
import { enrollmentKind, MAX_QUERY_CHARS, passcodeAction, verdict } from './devices'

/**
 * Start from the caller (DESIGN intro: the agent "finds the caller's device"): a search by a
 * person — name, sign-in name, e-mail or phone — answers with that person and every device of
 * theirs in the cache, most recently checked in first, so the agent can ask which one is locked.
 * Read from the local cache only; no Graph call.
 */

/** People shown at most; a search matching more people is not "by a person" (no card). */
export const MAX_PEOPLE = 3
/** Devices listed per person at most (a person with more is a shared or service account). */
export const MAX_PERSON_DEVICES = 50

export const personInput = z.strictObject({ query: text(MAX_QUERY_CHARS) })

const nstr = z.string().nullable()

export const personDevice = z.strictObject({
  id: z.string(),
  deviceName: nstr,
  model: nstr,
  manufacturer: nstr,
  operatingSystem: nstr,
  osVersion: nstr,
  /** Last check-in with Intune (Graph lastSyncDateTime); null when never. */
  lastSyncDateTime: nstr,
  enrollmentKind,
  verdict,
  action: passcodeAction.nullable(),
  outOfScope: z.literal(true).optional(),
})
export type PersonDevice = z.infer<typeof personDevice>

export const person = z.strictObject({
  userPrincipalName: z.string(),
  userDisplayName: nstr,
  emailAddress: nstr,
  phoneNumber: nstr,
  devices: z.array(personDevice).max(MAX_PERSON_DEVICES),
  /** The person has more devices in the cache than listed. */
  moreDevices: z.boolean(),
})
export type Person = z.infer<typeof person>

export const personResult = z.strictObject({
  /** Empty when the text matches no person, or more than MAX_PEOPLE (`ambiguous`). */
  people: z.array(person).max(MAX_PEOPLE),
  ambiguous: z.boolean(),
})
export type PersonResult = z.infer<typeof personResult>

export const personContract = {
  /** The people a search text names, each with their cached devices (empty for a device search). */
  'devices:person': { input: personInput, output: personResult },
} as const
