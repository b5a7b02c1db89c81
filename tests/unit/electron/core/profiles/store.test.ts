import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProfilesStore } from '../../../../../electron/core/profiles/store'
import { CLOUD_ENDPOINTS, graphScopes } from '../../../../../electron/core/profiles/clouds'
import { CodedError } from '../../../../../shared/errors'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-profiles-'))
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
    return error instanceof CodedError ? { code: error.code, detail: error.detail } : { code: 'other' }
  }
  return null
}

describe('profiles store', () => {
  it('starts with the built-in Demo profile active', () => {
    const store = createProfilesStore(tempDir())
    const list = store.list({ tenantId: 't', clientId: 'c' })
    expect(list.activeId).toBe('demo')
    expect(list.profiles).toEqual([
      {
        id: 'demo',
        name: 'Demo',
        kind: 'demo',
        tenantId: 't',
        clientId: 'c',
        cloud: 'global',
        active: true,
        builtIn: true,
      },
    ])
  })

  it('saves, normalises, persists and activates a tenant profile', () => {
    const dir = tempDir()
    const store = createProfilesStore(dir)
    const id = store.save(undefined, {
      name: '  Contoso  ',
      tenantId: TENANT.toUpperCase(),
      clientId: CLIENT,
      cloud: 'usGovHigh',
    })
    store.activate(id)
    const reopened = createProfilesStore(dir)
    expect(reopened.activeId()).toBe(id)
    expect(reopened.get(id)).toEqual({
      id,
      name: 'Contoso',
      tenantId: TENANT,
      clientId: CLIENT,
      cloud: 'usGovHigh',
    })
    expect(reopened.dirOf(id)).toBe(join(dir, 'profiles', id))
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).not.toMatch(/token/i)
  })

  it('refuses malformed GUIDs, empty and duplicate names with the field and reason', () => {
    const store = createProfilesStore(tempDir())
    const draft = { name: 'A', tenantId: TENANT, clientId: CLIENT, cloud: 'global' as const }
    expect(codeOf(() => store.save(undefined, { ...draft, tenantId: 'contoso.onmicrosoft.com' }))).toEqual({
      code: 'PROFILE_INVALID',
      detail: { field: 'tenantId', reason: 'guid' },
    })
    expect(codeOf(() => store.save(undefined, { ...draft, clientId: '1234' }))?.detail).toEqual({
      field: 'clientId',
      reason: 'guid',
    })
    expect(codeOf(() => store.save(undefined, { ...draft, name: '   ' }))?.detail).toEqual({
      field: 'name',
      reason: 'required',
    })
    expect(codeOf(() => store.save(undefined, { ...draft, name: 'demo' }))?.detail).toEqual({
      field: 'name',
      reason: 'duplicate',
    })
    store.save(undefined, draft)
    expect(codeOf(() => store.save(undefined, { ...draft, name: 'a' }))?.detail).toEqual({
      field: 'name',
      reason: 'duplicate',
    })
  })

  it('protects the Demo profile and falls back to it when the active profile is removed', () => {
    const store = createProfilesStore(tempDir())
    expect(codeOf(() => store.remove('demo'))?.code).toBe('PROFILE_BUILTIN')
    expect(
      codeOf(() => store.save('demo', { name: 'X', tenantId: TENANT, clientId: CLIENT, cloud: 'global' }))
        ?.code,
    ).toBe('PROFILE_BUILTIN')
    const id = store.save(undefined, { name: 'X', tenantId: TENANT, clientId: CLIENT, cloud: 'global' })
    store.activate(id)
    store.remove(id)
    expect(store.activeId()).toBe('demo')
    expect(codeOf(() => store.activate(id))?.code).toBe('PROFILE_NOT_FOUND')
  })

  it('never builds a directory outside profiles/ from an id', () => {
    const dir = tempDir()
    const store = createProfilesStore(dir)
    expect(codeOf(() => store.dirOf('../../etc'))?.code).toBe('PROFILE_NOT_FOUND')
    expect(existsSync(join(dir, 'profiles'))).toBe(false)
  })
})

describe('national clouds', () => {
  it('maps each cloud to its Entra ID and Graph hosts (domain §5)', () => {
    expect(CLOUD_ENDPOINTS.usGovDod).toEqual({
      loginHost: 'https://login.microsoftonline.us',
      graphBaseUrl: 'https://dod-graph.microsoft.us',
    })
    expect(CLOUD_ENDPOINTS.china.graphBaseUrl).toBe('https://microsoftgraph.chinacloudapi.cn')
  })

  it('qualifies scopes with the Graph host outside the Global cloud', () => {
    expect(graphScopes('https://graph.microsoft.us', true)).toContain('https://graph.microsoft.us/User.Read')
    expect(graphScopes('https://graph.microsoft.com', false)).toContain(
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
    )
  })
})
