/**
 * Managed values win (DESIGN §3 "managed settings"): the settings every part of core reads —
 * the Settings view, and `actions:issue`'s ticket and identity-check policy — are the agent's own
 * with the organisation's values laid over them. An update of a managed field is stored (the
 * agent's own choice, used again if the policy is lifted) but never changes what applies.
 */
import type { ManagedPolicy } from '@shared/api/schemas/policy'
import type { Settings } from '@shared/api/schemas/settings'
import type { SettingsStore } from '../settings/store'

export function applyManagedSettings(own: Settings, policy: ManagedPolicy): Settings {
  const v = policy.values
  return {
    ...own,
    locale: v.DefaultLanguage ?? own.locale,
    policy: {
      ticketRequired: v.TicketRequired ?? own.policy.ticketRequired,
      requiredChecks: v.IdentityChecksRequired ?? own.policy.requiredChecks,
      // Only the organisation sets a ticket format; `actions:issue` and the walkthrough check it.
      ...(v.TicketPattern !== undefined ? { ticketPattern: v.TicketPattern } : {}),
    },
  }
}

export function withManagedSettings(store: SettingsStore, policy: ManagedPolicy): SettingsStore {
  if (Object.keys(policy.values).length === 0) return store
  return {
    get: () => applyManagedSettings(store.get(), policy),
    update: (patch) => applyManagedSettings(store.update(patch), policy),
  }
}
