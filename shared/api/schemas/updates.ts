import { z } from 'zod'
import { noInput, text } from './common'

/**
 * Updates (DESIGN §3 "managed settings": the feed comes from the organisation). `disabled` says
 * why no check ever runs: no managed feed, a development build, or the browser host.
 */
export const updateStatus = z.strictObject({
  state: z.enum(['disabled', 'idle', 'checking', 'available', 'downloaded', 'error']),
  reason: z.enum(['noFeed', 'notPackaged', 'notDesktop']).optional(),
  /** The version being downloaded or ready to install. */
  version: text(64).optional(),
})
export type UpdateStatus = z.infer<typeof updateStatus>

export const updatesContract = {
  'updates:status': { input: noInput, output: updateStatus },
  /** Quits and installs a downloaded update (refused unless one is downloaded). */
  'updates:install': { input: noInput, output: z.strictObject({ restarting: z.boolean() }) },
} as const

export const updatesEvents = {
  'updates:changed': updateStatus,
} as const
