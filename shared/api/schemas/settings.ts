import { z } from 'zod'
import { noInput } from './common'

export const localePreference = z.enum(['system', 'fr', 'en'])
export const themePreference = z.enum(['system', 'light', 'dark'])

/** Identity checks an agent can be asked to tick before issuing an action (issue 7). */
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
})
export type ActionPolicy = z.infer<typeof actionPolicy>

export const settings = z.strictObject({
  locale: localePreference,
  theme: themePreference,
  policy: actionPolicy,
})
export type Settings = z.infer<typeof settings>

export const settingsUpdate = z.strictObject({
  locale: localePreference.optional(),
  theme: themePreference.optional(),
  policy: actionPolicy.optional(),
})
export type SettingsUpdate = z.infer<typeof settingsUpdate>

export const DEFAULT_SETTINGS: Settings = {
  locale: 'system',
  theme: 'system',
  policy: { ticketRequired: true, requiredChecks: ['employeeId'] },
}

export const settingsContract = {
  'settings:get': { input: noInput, output: settings },
  'settings:update': { input: settingsUpdate, output: settings },
} as const

export const settingsEvents = {
  'settings:changed': settings,
} as const
