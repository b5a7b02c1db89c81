import { z } from 'zod'
import { DEEP_LINK_REJECTIONS, DEVICE_KEYS } from '../../deep-link'
import { noInput, text } from './common'

/** A deep link already checked by shared/deep-link.ts (DESIGN §3 "deep links"). */
export const deepLink = z.strictObject({
  by: z.enum(DEVICE_KEYS),
  value: text(256),
  ticket: text(64).optional(),
  caller: text(100).optional(),
})

/** A link the parser refused, by reason only: the renderer says so without echoing the link. */
export const refusedLink = z.strictObject({ refused: z.enum(DEEP_LINK_REJECTIONS) })

export const linksContract = {
  /** The last link the OS handed to the app — followed, or refused with why — then forgotten; or null. */
  'links:take': { input: noInput, output: z.union([deepLink, refusedLink]).nullable() },
} as const

export const linksEvents = {
  /** A link arrived: the renderer takes it with `links:take`. */
  'links:opened': z.strictObject({}),
} as const
