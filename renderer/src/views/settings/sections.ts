import { defineAsyncComponent, type Component } from 'vue'

export interface SettingsSectionEntry {
  /** Stable id: used for test ids and anchors (`settings-section-<id>`). */
  readonly id: string
  readonly component: Component
}

/**
 * Settings, top to bottom. A new section is one component in this folder (wrapping its content in
 * `components/SettingsSection.vue`) and one line here; the view itself does not change.
 * About stays last.
 */
export const SETTINGS_SECTIONS: readonly SettingsSectionEntry[] = [
  // What the organisation manages (DESIGN §3); renders nothing when nothing is managed.
  { id: 'managed', component: defineAsyncComponent(() => import('./ManagedSection.vue')) },
  { id: 'appearance', component: defineAsyncComponent(() => import('./AppearanceSection.vue')) },
  // Account and tenant profiles (domain §4, §5).
  { id: 'profiles', component: defineAsyncComponent(() => import('./ProfilesSection.vue')) },
  { id: 'policy', component: defineAsyncComponent(() => import('./ActionPolicySection.vue')) },
  // How the cache keeps up with Intune: throttling budget, full sweep, background passes.
  { id: 'sync', component: defineAsyncComponent(() => import('./SyncSection.vue')) },
  // What "Copy ticket note" writes (shared/ticket-note/template.ts).
  { id: 'ticket-note', component: defineAsyncComponent(() => import('./TicketNoteSection.vue')) },
  { id: 'about', component: defineAsyncComponent(() => import('./AboutSection.vue')) },
]
