import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import {
  DEMO_PROFILE_ID,
  GUID_PATTERN,
  cloud,
  type ProfileDraft,
  type ProfileList,
  type ProfileSummary,
} from '@shared/api/schemas/profiles'
import { CodedError } from '@shared/errors'
import { readJsonFile, writeJsonFile } from '../json-file'
import { MANAGED_ID_PATTERN, NO_PROFILE_RULES, type ManagedProfileRules } from './managed'
import type { TenantProfile } from './profile'

export type { TenantProfile } from './profile'

const storedProfile = z.strictObject({
  id: z.string().regex(/^p-[0-9a-f-]{36}$/),
  name: z.string().min(1).max(80),
  tenantId: z.string().regex(GUID_PATTERN),
  clientId: z.string().regex(GUID_PATTERN),
  cloud,
})
const storedFile = z.strictObject({
  activeId: z.string().max(128),
  profiles: z.array(storedProfile).max(99),
})
type StoredFile = z.infer<typeof storedFile>

const EMPTY: StoredFile = { activeId: DEMO_PROFILE_ID, profiles: [] }

export interface DemoIdentity {
  readonly tenantId: string
  readonly clientId: string
}

export interface ProfilesStore {
  list(demo: DemoIdentity | null): ProfileList
  activeId(): string
  get(id: string): TenantProfile | null
  /** Validates and saves; returns the saved profile's id. */
  save(id: string | undefined, draft: ProfileDraft): string
  remove(id: string): void
  activate(id: string): void
  /** `<dataDir>/profiles/<id>/`: the profile's cache database and token cache live there. */
  dirOf(id: string): string
  /** False when the organisation hides the demo profile (ShowDemoProfile off): it must not start. */
  demoAvailable(): boolean
}

const DEMO_NAME = 'Demo'

/** Checks a draft; throws PROFILE_INVALID naming the field and the reason (the form localizes it). */
export function validateDraft(draft: ProfileDraft, others: readonly TenantProfile[]): ProfileDraft {
  const name = draft.name.trim()
  const tenantId = draft.tenantId.trim().toLowerCase()
  const clientId = draft.clientId.trim().toLowerCase()
  const invalid = (field: string, reason: string) =>
    new CodedError('PROFILE_INVALID', `Invalid ${field} (${reason})`, { field, reason })
  if (!name) throw invalid('name', 'required')
  if (
    name.toLowerCase() === DEMO_NAME.toLowerCase() ||
    others.some((p) => p.name.toLowerCase() === name.toLowerCase())
  ) {
    // Names must be unique: the CLI selects a profile by name (`--profile NAME`).
    throw invalid('name', 'duplicate')
  }
  if (!GUID_PATTERN.test(tenantId)) throw invalid('tenantId', 'guid')
  if (!GUID_PATTERN.test(clientId)) throw invalid('clientId', 'guid')
  return { name, tenantId, clientId, cloud: draft.cloud }
}

/** The CLI's `--profile NAME` (case-insensitive; `Demo` is the built-in profile unless hidden). */
export function findProfileIdByName(store: ProfilesStore, name: string): string | null {
  const wanted = name.trim().toLowerCase()
  if (wanted === DEMO_NAME.toLowerCase() || wanted === DEMO_PROFILE_ID)
    return store.demoAvailable() ? DEMO_PROFILE_ID : null
  return store.list(null).profiles.find((p) => p.name.toLowerCase() === wanted)?.id ?? null
}

/**
 * `rules`: what the organisation manages (profiles/managed.ts). Presets are listed after the demo
 * profile and before the agent's own, are never written to profiles.json, and refuse edits.
 */
export function createProfilesStore(
  dataDir: string,
  rules: ManagedProfileRules = NO_PROFILE_RULES,
): ProfilesStore {
  const path = join(dataDir, 'profiles.json')
  let current = readJsonFile(path, storedFile, EMPTY)
  const write = (next: StoredFile) => {
    writeJsonFile(path, next)
    current = next
  }
  const preset = (id: string) => rules.presets.find((p) => p.id === id) ?? null
  const own = (id: string) => current.profiles.find((p) => p.id === id) ?? null
  const find = (id: string) => preset(id) ?? own(id)
  const notFound = () => new CodedError('PROFILE_NOT_FOUND', 'No such profile')
  const managed = () => new CodedError('PROFILE_MANAGED', 'This profile is set by your organisation')
  /**
   * The saved choice when it still exists; otherwise the demo profile, or — when the organisation
   * hides it — the first preset, then the agent's first own profile. With nothing else left it is
   * the hidden demo, which the session manager then refuses to start (PROFILE_DEMO_HIDDEN).
   */
  const activeId = (): string => {
    const saved = current.activeId
    if (saved === DEMO_PROFILE_ID ? rules.showDemo : find(saved)) return saved
    if (rules.showDemo) return DEMO_PROFILE_ID
    return rules.presets[0]?.id ?? current.profiles[0]?.id ?? DEMO_PROFILE_ID
  }

  return {
    list(demo) {
      const active = activeId()
      const demoSummary: ProfileSummary = {
        id: DEMO_PROFILE_ID,
        name: DEMO_NAME,
        kind: 'demo',
        tenantId: demo?.tenantId ?? '',
        clientId: demo?.clientId ?? '',
        cloud: 'global',
        active: active === DEMO_PROFILE_ID,
        builtIn: true,
      }
      const summary = (p: TenantProfile, isManaged: boolean): ProfileSummary => ({
        ...p,
        kind: 'tenant' as const,
        active: p.id === active,
        builtIn: false,
        ...(isManaged ? { managed: true } : {}),
      })
      return {
        activeId: active,
        profiles: [
          ...(rules.showDemo ? [demoSummary] : []),
          ...rules.presets.map((p) => summary(p, true)),
          ...current.profiles.map((p) => summary(p, false)),
        ],
      }
    },
    activeId,
    get: find,
    save(id, draft) {
      if (id === DEMO_PROFILE_ID)
        throw new CodedError('PROFILE_BUILTIN', 'The Demo profile cannot be changed')
      if (id !== undefined && preset(id)) throw managed()
      if (id === undefined && !rules.allowAdd)
        throw new CodedError('PROFILE_ADD_DISABLED', 'Your organisation does not allow adding profiles')
      if (id !== undefined && !own(id)) throw notFound()
      // Names stay unique across presets too: the CLI selects a profile by name.
      const valid = validateDraft(draft, [...rules.presets, ...current.profiles.filter((p) => p.id !== id)])
      const profile: TenantProfile = { id: id ?? `p-${randomUUID()}`, ...valid }
      const profiles = id
        ? current.profiles.map((p) => (p.id === id ? profile : p))
        : [...current.profiles, profile]
      if (profiles.length > 99)
        throw new CodedError('PROFILE_INVALID', 'Too many profiles', { field: 'name', reason: 'tooMany' })
      write({ ...current, profiles })
      return profile.id
    },
    remove(id) {
      if (id === DEMO_PROFILE_ID)
        throw new CodedError('PROFILE_BUILTIN', 'The Demo profile cannot be removed')
      if (preset(id)) throw managed()
      if (!own(id)) throw notFound()
      write({
        activeId: current.activeId === id ? DEMO_PROFILE_ID : current.activeId,
        profiles: current.profiles.filter((p) => p.id !== id),
      })
    },
    activate(id) {
      if (id === DEMO_PROFILE_ID && !rules.showDemo)
        throw new CodedError('PROFILE_DEMO_HIDDEN', 'Your organisation has hidden the demo profile')
      if (id !== DEMO_PROFILE_ID && !find(id)) throw notFound()
      write({ ...current, activeId: id })
    },
    dirOf(id) {
      // Ids are `demo`, `p-<uuid>` (checked on read) or `m-<uuid>` (derived), so this never leaves `profiles/`.
      if (id !== DEMO_PROFILE_ID && !/^p-[0-9a-f-]{36}$/.test(id) && !MANAGED_ID_PATTERN.test(id))
        throw notFound()
      return join(dataDir, 'profiles', id)
    },
    demoAvailable: () => rules.showDemo,
  }
}
