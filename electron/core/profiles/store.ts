import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import {
  DEMO_PROFILE_ID,
  GUID_PATTERN,
  cloud,
  type Cloud,
  type ProfileDraft,
  type ProfileList,
  type ProfileSummary,
} from '@shared/api/schemas/profiles'
import { CodedError } from '@shared/errors'
import { readJsonFile, writeJsonFile } from '../json-file'

/** A tenant profile as stored in `<dataDir>/profiles.json` (no secret: a public client has none). */
export interface TenantProfile {
  readonly id: string
  readonly name: string
  readonly tenantId: string
  readonly clientId: string
  readonly cloud: Cloud
}

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

/** The CLI's `--profile NAME` (case-insensitive; `Demo` is the built-in profile). */
export function findProfileIdByName(store: ProfilesStore, name: string): string | null {
  const wanted = name.trim().toLowerCase()
  if (wanted === DEMO_NAME.toLowerCase() || wanted === DEMO_PROFILE_ID) return DEMO_PROFILE_ID
  return store.list(null).profiles.find((p) => p.name.toLowerCase() === wanted)?.id ?? null
}

export function createProfilesStore(dataDir: string): ProfilesStore {
  const path = join(dataDir, 'profiles.json')
  let current = readJsonFile(path, storedFile, EMPTY)
  if (current.activeId !== DEMO_PROFILE_ID && !current.profiles.some((p) => p.id === current.activeId)) {
    current = { ...current, activeId: DEMO_PROFILE_ID }
  }
  const write = (next: StoredFile) => {
    writeJsonFile(path, next)
    current = next
  }
  const find = (id: string) => current.profiles.find((p) => p.id === id) ?? null

  return {
    list(demo) {
      const demoSummary: ProfileSummary = {
        id: DEMO_PROFILE_ID,
        name: DEMO_NAME,
        kind: 'demo',
        tenantId: demo?.tenantId ?? '',
        clientId: demo?.clientId ?? '',
        cloud: 'global',
        active: current.activeId === DEMO_PROFILE_ID,
        builtIn: true,
      }
      return {
        activeId: current.activeId,
        profiles: [
          demoSummary,
          ...current.profiles.map((p) => ({
            ...p,
            kind: 'tenant' as const,
            active: p.id === current.activeId,
            builtIn: false,
          })),
        ],
      }
    },
    activeId: () => current.activeId,
    get: find,
    save(id, draft) {
      if (id === DEMO_PROFILE_ID)
        throw new CodedError('PROFILE_BUILTIN', 'The Demo profile cannot be changed')
      if (id !== undefined && !find(id)) throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
      const valid = validateDraft(
        draft,
        current.profiles.filter((p) => p.id !== id),
      )
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
      if (!find(id)) throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
      write({
        activeId: current.activeId === id ? DEMO_PROFILE_ID : current.activeId,
        profiles: current.profiles.filter((p) => p.id !== id),
      })
    },
    activate(id) {
      if (id !== DEMO_PROFILE_ID && !find(id)) throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
      write({ ...current, activeId: id })
    },
    dirOf(id) {
      // Ids are either `demo` or `p-<uuid>` (checked on read), so this never leaves `profiles/`.
      if (id !== DEMO_PROFILE_ID && !/^p-[0-9a-f-]{36}$/.test(id))
        throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
      return join(dataDir, 'profiles', id)
    },
  }
}
