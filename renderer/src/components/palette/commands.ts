import type { RouteLocationRaw } from 'vue-router'
import type { ActionState } from '@shared/api/schemas/actions'
import type { DeviceRow } from '@shared/api/schemas/devices'
import type { HistoryFilters } from '@shared/api/schemas/history'
import { scoreMatches } from './match'

/**
 * What the command palette offers (DESIGN §1: find the caller's device, review actions, settings),
 * as data: each entry says what it does (`effect`), and `run.ts` carries it out. No effect sends
 * anything to Intune: "Start the walkthrough" only opens the walkthrough, where every check and the
 * send button still stand between the agent and the action (DESIGN §4); "Refresh from Intune" is a
 * read of the device (domain §2.1).
 */

export type PaletteEffect =
  | { readonly kind: 'navigate'; readonly to: RouteLocationRaw }
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'person'; readonly query: string }
  | { readonly kind: 'history'; readonly filters: HistoryFilters }
  | { readonly kind: 'settings'; readonly section: string }
  | { readonly kind: 'walkthrough'; readonly deviceId: string }
  | { readonly kind: 'refresh'; readonly deviceId: string }
  | { readonly kind: 'copySerial'; readonly serial: string }

/** Groups, in the order they are shown when nothing is typed (then the best match leads). */
export const PALETTE_GROUPS = [
  'device',
  'devices',
  'people',
  'history',
  'settings',
  'navigate',
  'search',
] as const
export type PaletteGroup = (typeof PALETTE_GROUPS)[number]

export interface PaletteItem {
  /** Stable: option ids and test ids derive from it. */
  readonly id: string
  readonly group: PaletteGroup
  readonly label: string
  /** A second line (device model and user, a person's UPN). */
  readonly detail?: string
  /** Other words that find it (synonyms, the other language's word). */
  readonly keywords?: readonly string[]
  /** Shown but not runnable, with the reason (e.g. the walkthrough is blocked for this device). */
  readonly disabledReason?: string
  readonly effect: PaletteEffect
}

/** The option's DOM id (aria-activedescendant points at it): the item id with only safe characters. */
export function paletteOptionId(item: Pick<PaletteItem, 'id'>): string {
  return `palette-option-${item.id.replace(/[^\w-]/g, '_')}`
}

export interface OpenDevice {
  readonly id: string
  readonly name: string | null
  readonly serial: string | null
  /** Why the walkthrough cannot start (role, scope, verdict), '' when it can. */
  readonly walkthroughBlocked: string
}

export interface PaletteContext {
  readonly t: (key: string, named?: Record<string, unknown>) => string
  readonly tc: (key: string, n: number) => string
  readonly query: string
  /** The device page on screen, if any: its actions come first. */
  readonly device: OpenDevice | null
  readonly agentUpn: string | null
  readonly now: number
  /** Core's answer for the query (`devices:search`), already matched and ordered by relevance. */
  readonly rows: readonly DeviceRow[]
}

/** Settings sections the palette can jump to: the `id` given to SettingsSection and its title key. */
export const SETTINGS_TARGETS: readonly { id: string; titleKey: string; keywords: string[] }[] = [
  {
    id: 'appearance',
    titleKey: 'settings.appearance.title',
    keywords: ['theme', 'langue', 'language', 'sombre', 'dark'],
  },
  { id: 'account', titleKey: 'auth.account.title', keywords: ['sign in', 'connexion', 'compte'] },
  { id: 'profiles', titleKey: 'profiles.title', keywords: ['tenant', 'locataire'] },
  { id: 'policy', titleKey: 'policy.title', keywords: ['ticket', 'stratégie', 'policy'] },
  { id: 'sync', titleKey: 'syncPasses.settings.title', keywords: ['synchronisation', 'cache'] },
  { id: 'about', titleKey: 'settings.about.title', keywords: ['version', 'à propos'] },
]

const IN_PROGRESS: ActionState[] = ['sending', 'pending', 'active', 'stillPending', 'awaitingApproval']
const DAY_MS = 86_400_000
/** What a ticket reference looks like in the usual tools (INC0012345, REQ-42, SD-1234). */
const TICKET = /^[a-z]{2,6}-?\d{2,}$/i

function deviceCommands(ctx: PaletteContext, d: OpenDevice): PaletteItem[] {
  const { t } = ctx
  const items: PaletteItem[] = [
    {
      id: 'device-walkthrough',
      group: 'device',
      label: t('palette.cmd.startWalkthrough'),
      keywords: ['walkthrough', 'procédure', 'reset', 'réinitialiser', 'remove', 'supprimer'],
      ...(d.walkthroughBlocked ? { disabledReason: d.walkthroughBlocked } : {}),
      effect: { kind: 'walkthrough', deviceId: d.id },
    },
    {
      id: 'device-refresh',
      group: 'device',
      label: t('palette.cmd.refresh'),
      keywords: ['refresh', 'actualiser', 'reload'],
      effect: { kind: 'refresh', deviceId: d.id },
    },
  ]
  if (d.serial)
    items.push({
      id: 'device-copy-serial',
      group: 'device',
      label: t('palette.cmd.copySerial'),
      detail: d.serial,
      keywords: ['serial', 'série', 'copy', 'copier'],
      effect: { kind: 'copySerial', serial: d.serial },
    })
  items.push({
    id: 'device-history',
    group: 'device',
    label: t('palette.cmd.deviceHistory'),
    keywords: ['history', 'historique'],
    // The device id: exact, and the history's device filter matches it (name, id or serial).
    effect: { kind: 'history', filters: { device: d.id } },
  })
  return items
}

function staticCommands(ctx: PaletteContext): PaletteItem[] {
  const { t } = ctx
  const history = (id: string, filters: HistoryFilters, keywords: string[]): PaletteItem => ({
    id: `history-${id}`,
    group: 'history',
    label: t(`palette.cmd.history.${id}`),
    keywords: ['history', 'historique', ...keywords],
    effect: { kind: 'history', filters },
  })
  const items: PaletteItem[] = [
    history('failed', { states: ['failed'] }, ['failed', 'échec', 'erreur']),
    history('inProgress', { states: IN_PROGRESS }, ['pending', 'en attente', 'en cours']),
    history('week', { from: new Date(ctx.now - 7 * DAY_MS).toISOString() }, ['week', 'semaine', 'récent']),
  ]
  if (ctx.agentUpn) items.push(history('mine', { agent: ctx.agentUpn }, ['mine', 'moi', 'agent']))
  for (const s of SETTINGS_TARGETS)
    items.push({
      id: `settings-${s.id}`,
      group: 'settings',
      label: t('palette.cmd.settings', { section: t(s.titleKey) }),
      keywords: ['settings', 'paramètres', ...s.keywords],
      effect: { kind: 'settings', section: s.id },
    })
  for (const [name, words] of GO_TO)
    items.push({
      id: `go-${name}`,
      group: 'navigate',
      label: t(`palette.cmd.go.${name}`),
      keywords: [name, ...words],
      effect: { kind: 'navigate', to: { name } },
    })
  return items
}

/** Every view of the side bar (components/navigation.ts), with the words an agent may type for it. */
const GO_TO = [
  ['devices', ['appareils']],
  ['history', ['historique']],
  ['readiness', ['état du parc', 'parc', 'tableau de bord', 'dashboard']],
  ['settings', ['paramètres']],
] as const

/** The typed text as a History search: always offered, last. */
function historySearches(ctx: PaletteContext): PaletteItem[] {
  const q = ctx.query.trim()
  if (!q) return []
  const items: PaletteItem[] = [
    {
      id: 'history-search-device',
      group: 'search',
      label: ctx.t('palette.cmd.history.device', { q }),
      effect: { kind: 'history', filters: { device: q } },
    },
  ]
  if (TICKET.test(q))
    items.unshift({
      id: 'history-search-ticket',
      group: 'search',
      label: ctx.t('palette.cmd.history.ticket', { q }),
      effect: { kind: 'history', filters: { ticket: q } },
    })
  return items
}

/** Devices from core's answer, then the people they belong to (a person's devices open in Devices). */
function cacheItems(ctx: PaletteContext): PaletteItem[] {
  const devices: PaletteItem[] = ctx.rows.map((r) => ({
    id: `device-${r.id}`,
    group: 'devices',
    label: r.deviceName ?? r.serialNumber ?? r.id,
    detail: [r.model, r.userDisplayName ?? r.userPrincipalName, r.serialNumber].filter(Boolean).join(' · '),
    effect: { kind: 'device', deviceId: r.id },
  }))
  const people = new Map<string, { name: string; count: number }>()
  for (const r of ctx.rows) {
    if (!r.userPrincipalName) continue
    const seen = people.get(r.userPrincipalName)
    if (seen) seen.count++
    else people.set(r.userPrincipalName, { name: r.userDisplayName ?? r.userPrincipalName, count: 1 })
  }
  const persons: PaletteItem[] = [...people].map(([upn, p]) => ({
    id: `person-${upn}`,
    group: 'people',
    label: p.name,
    detail: `${upn} · ${ctx.tc('palette.person.devices', p.count)}`,
    effect: { kind: 'person', query: upn },
  }))
  return [...devices, ...persons]
}

/**
 * Every item to show for the query, by group. Commands are fuzzy-matched here; devices and people
 * come from core's search as they are, and lead (finding the caller's device is the palette's first
 * job). Groups of commands follow in the order of their best match, so the first option — the one
 * Enter runs — is the best one; with nothing typed, PALETTE_GROUPS order. The typed text as a
 * History search comes last.
 */
export function paletteItems(ctx: PaletteContext): PaletteItem[] {
  const commands = [...(ctx.device ? deviceCommands(ctx, ctx.device) : []), ...staticCommands(ctx)]
  const scored = scoreMatches(ctx.query, commands)
  const best = new Map<PaletteGroup, number>()
  for (const { item, score } of scored) best.set(item.group, Math.max(best.get(item.group) ?? -1, score))
  const commandGroups = PALETTE_GROUPS.filter((g) => best.has(g)).sort(
    (a, b) => best.get(b)! - best.get(a)! || PALETTE_GROUPS.indexOf(a) - PALETTE_GROUPS.indexOf(b),
  )
  const cache = cacheItems(ctx)
  return [
    ...cache.filter((i) => i.group === 'devices'),
    ...cache.filter((i) => i.group === 'people'),
    ...commandGroups.flatMap((g) => scored.filter((s) => s.item.group === g).map((s) => s.item)),
    ...historySearches(ctx),
  ]
}
