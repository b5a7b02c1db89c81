// The organisation's profile rules (DESIGN §3 "managed settings") as the REAL profiles store applies
// them on a temp data folder: presets listed read-only, adding refused when AllowAddProfiles is off,
// the demo profile gone (and not selectable) when ShowDemoProfile is off. The policy comes from the
// same merge the app runs on real `reg query` output, so a wrong conversion would show here too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mergePolicy } from '../../../../../electron/core/policy'
import { parseRegQuery } from '../../../../../electron/core/policy/registry'
import type { RawValue } from '../../../../../electron/core/policy/definitions'
import {
  managedProfileId,
  profileRulesFromPolicy,
  type ManagedProfileRules,
} from '../../../../../electron/core/profiles/managed'
import { createProfilesStore, findProfileIdByName } from '../../../../../electron/core/profiles/store'
import { CodedError } from '../../../../../shared/errors'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555'
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'policy', 'fixtures', name), 'utf8')

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-managed-profiles-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof CodedError ? error.code : 'other'
  }
  return null
}

/** HKLM as an IT department writes it (the fixture: Contoso preset, adding off, demo hidden). */
function hklmRules(): ManagedProfileRules {
  const key = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Passcode Desk'
  const parsed = parseRegQuery(fixture('reg-query-hklm.txt'), key)
  const values = new Map<string, RawValue>()
  for (const [name, value] of parsed.values) values.set(name, { from: 'registry', value })
  return profileRulesFromPolicy(mergePolicy([{ source: 'HKLM', values }]))
}

const draft = (name: string, tenantId = OTHER_TENANT) => ({
  name,
  tenantId,
  clientId: CLIENT,
  cloud: 'global' as const,
})

describe('managed tenant profiles', () => {
  it('lists the preset read-only, without the hidden demo, and makes it the active profile', () => {
    const rules = hklmRules()
    expect(rules).toMatchObject({ allowAdd: false, showDemo: false })
    const store = createProfilesStore(tempDir(), rules)
    const id = managedProfileId({ tenantId: TENANT, clientId: CLIENT, cloud: 'global' })
    expect(store.list(null)).toEqual({
      activeId: id,
      profiles: [
        {
          id,
          name: 'Contoso',
          kind: 'tenant',
          tenantId: TENANT,
          clientId: CLIENT,
          cloud: 'global',
          active: true,
          builtIn: false,
          managed: true,
        },
      ],
    })
    expect(store.get(id)).toMatchObject({ name: 'Contoso', tenantId: TENANT })
    expect(store.dirOf(id)).toContain(join('profiles', id))
  })

  it('refuses editing or removing a preset, adding a profile, and selecting the hidden demo', () => {
    const dataDir = tempDir()
    const store = createProfilesStore(dataDir, hklmRules())
    const id = store.activeId()
    expect(codeOf(() => store.save(id, draft('Renamed', TENANT)))).toBe('PROFILE_MANAGED')
    expect(codeOf(() => store.remove(id))).toBe('PROFILE_MANAGED')
    expect(codeOf(() => store.save(undefined, draft('Fabrikam')))).toBe('PROFILE_ADD_DISABLED')
    expect(codeOf(() => store.activate('demo'))).toBe('PROFILE_DEMO_HIDDEN')
    expect(store.demoAvailable()).toBe(false)
    expect(findProfileIdByName(store, 'Demo')).toBeNull()
    expect(findProfileIdByName(store, 'contoso')).toBe(id)
    // Nothing of the organisation's is ever written to the agent's own file.
    expect(() => readFileSync(join(dataDir, 'profiles.json'))).toThrow()
  })

  it('the same folder with the policy lifted: the demo is back and the agent’s own profiles stayed', () => {
    const dataDir = tempDir()
    const open = createProfilesStore(dataDir, { presets: [], allowAdd: true, showDemo: true })
    const own = open.save(undefined, draft('Fabrikam'))
    open.activate(own)
    // Policy arrives: the agent's profile stays usable (only adding is off), the preset comes first.
    const managed = createProfilesStore(dataDir, hklmRules())
    expect(managed.list(null).profiles.map((p) => [p.name, p.managed ?? false, p.active])).toEqual([
      ['Contoso', true, false],
      ['Fabrikam', false, true],
    ])
    // A name taken by a preset cannot be reused (the CLI selects profiles by name).
    expect(codeOf(() => managed.save(own, draft('contoso')))).toBe('PROFILE_INVALID')
    managed.remove(own)
    expect(managed.activeId()).toBe(managed.list(null).profiles[0]!.id)
    // Lifted again: the demo profile is the fallback, as without any policy.
    expect(createProfilesStore(dataDir).activeId()).toBe('demo')
  })

  it('a preset keeps its id when renamed, gets a new one for another tenant; duplicates collapse', () => {
    const base = { tenantId: TENANT.toUpperCase(), clientId: CLIENT, cloud: 'global' as const }
    const rules = profileRulesFromPolicy({
      values: {
        TenantProfiles: [
          { name: ' Contoso ', ...base },
          { name: 'Contoso again', ...base, tenantId: TENANT },
          { name: 'Contoso US Gov', ...base, cloud: 'usGovHigh' },
        ],
      },
      sources: { TenantProfiles: 'HKLM' },
      problems: [],
    })
    expect(rules.presets.map((p) => p.name)).toEqual(['Contoso', 'Contoso US Gov'])
    expect(rules.presets[0]!.id).toBe(
      managedProfileId({ tenantId: TENANT, clientId: CLIENT, cloud: 'global' }),
    )
    expect(rules.presets[1]!.id).not.toBe(rules.presets[0]!.id)
    expect(rules).toMatchObject({ allowAdd: true, showDemo: true })
  })

  it('demo hidden and no other profile: nothing selectable is listed, the hidden demo is not offered', () => {
    const store = createProfilesStore(tempDir(), { presets: [], allowAdd: true, showDemo: false })
    expect(store.list(null).profiles).toEqual([])
    expect(store.activeId()).toBe('demo')
    expect(store.demoAvailable()).toBe(false)
    const added = store.save(undefined, draft('Fabrikam'))
    expect(store.activeId()).toBe(added)
  })
})
