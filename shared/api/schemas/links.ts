import { z } from 'zod'
import { DEVICE_KEYS } from '../../deep-link'
import { noInput, text } from './common'

/** A deep link already checked by shared/deep-link.ts (DESIGN §3 "deep links"). */
export const deepLink = z.strictObject({
  by: z.enum(DEVICE_KEYS),
  value: text(256),
  ticket: text(64).optional(),
  caller: text(100).optional(),
})

export const linksContract = {
  /** The last link the OS handed to the app (then forgotten), or null. */
  'links:take': { input: noInput, output: deepLink.nullable() },
} as const

export const linksEvents = {
  /** A link arrived: the renderer takes it with `links:take`. */
  'links:opened': z.strictObject({}),
} as const
