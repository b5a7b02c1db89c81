import { z } from 'zod'
import { templateProblem } from '../../ticket-note/template'
import { noInput } from './common'

export const localePreference = z.enum(['system', 'fr', 'en'])
export const themePreference = z.enum(['system', 'light', 'dark'])

/** Identity checks an agent can be asked to tick before issuing an action (DESIGN, intro: the guided walkthrough). */
export const verificationCheck = z.enum([
  'employeeId',
  'managerCallback',
  'mfaPrompt',
  'securityQuestion',
  'badgePhoto',
])
export type VerificationCheck = z.infer<typeof verificationCheck>

export const actionPolicy = z.strictObject({
  ticketRequired: z.boolean(),
  requiredChecks: z.array(verificationCheck).max(10),
  /**
   * The organisation's ticket number format (managed TicketPattern, shared/ticket-pattern.ts).
   * Only ever set by the policy overlay: an agent cannot choose one (see `settingsUpdate`).
   */
  ticketPattern: z.string().max(200).optional(),
})
export type ActionPolicy = z.infer<typeof actionPolicy>

/** How the device cache keeps up with Intune (domain §2.6–2.7). */
export const syncSettings = z.strictObject({
  /** A sync waits out throttling this long in all before it gives up (GRAPH_THROTTLED). */
  throttleBudgetMinutes: z.number().int().min(1).max(120),
  /** A full pass (which catches deletions) at least this often; incremental passes in between. */
  fullSweepHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7),
  /** A background incremental pass this often while signed in; 0 = never. */
  backgroundMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
})
export type SyncSettings = z.infer<typeof syncSettings>

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  throttleBudgetMinutes: 10,
  fullSweepHours: 24,
  backgroundMinutes: 15,
}

/**
 * The team's own ticket note per language (shared/ticket-note/template.ts); null = the built-in
 * note. A template with a placeholder that does not exist is refused.
 */
const noteTemplate = z
  .string()
  .nullable()
  .superRefine((value, ctx) => {
    const problem = value === null ? null : templateProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: `Ticket note template: ${problem.kind}` })
  })
export const ticketNoteSettings = z.strictObject({ fr: noteTemplate, en: noteTemplate })
export type TicketNoteSettings = z.infer<typeof ticketNoteSettings>
export const DEFAULT_TICKET_NOTE: TicketNoteSettings = { fr: null, en: null }

export const settings = z.strictObject({
  locale: localePreference,
  theme: themePreference,
  policy: actionPolicy,
  // A settings file written before these existed keeps its other choices.
  sync: syncSettings.default(DEFAULT_SYNC_SETTINGS),
  ticketNote: ticketNoteSettings.default(DEFAULT_TICKET_NOTE),
})
export type Settings = z.infer<typeof settings>

export const settingsUpdate = z.strictObject({
  locale: localePreference.optional(),
  theme: themePreference.optional(),
  policy: actionPolicy.omit({ ticketPattern: true }).optional(),
  sync: syncSettings.optional(),
  ticketNote: ticketNoteSettings.optional(),
})
export type SettingsUpdate = z.infer<typeof settingsUpdate>

export const DEFAULT_SETTINGS: Settings = {
  locale: 'system',
  theme: 'system',
  policy: { ticketRequired: true, requiredChecks: ['employeeId'] },
  sync: DEFAULT_SYNC_SETTINGS,
  ticketNote: DEFAULT_TICKET_NOTE,
}

export const settingsContract = {
  'settings:get': { input: noInput, output: settings },
  'settings:update': { input: settingsUpdate, output: settings },
} as const

export const settingsEvents = {
  'settings:changed': settings,
} as const
