// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { GRAPH_ENUMS, graphEnumKey, operatingSystemName, type GraphEnumName } from '@renderer/i18n/graphEnums'
import schema from '../../demo-tenant/fixtures/managed-device-schema.json'

type Tree = { readonly [key: string]: string | Tree }
function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree)
}

/** Microsoft's schema (glossary-fr.md §2 lists the French terms): v1.0 enum types ∪ beta enum members. */
const SCHEMA_NAME: Record<GraphEnumName, string> = {
  deviceType: 'deviceType',
  managementAgentType: 'managementAgentType',
  managementState: 'managementState',
  joinType: 'joinType',
  deviceEnrollmentType: 'deviceEnrollmentType',
  complianceState: 'complianceState',
  ownerType: 'ownerType',
  actionState: 'actionState',
}
function schemaMembers(name: string): string[] {
  const v1 = (schema['v1.0'].enumTypes as Record<string, { members: Record<string, number> }>)[name]
  const beta = (schema.beta.enumMembers as Record<string, string[]>)[name]
  return [...new Set([...Object.keys(v1?.members ?? {}), ...(beta ?? [])])].sort()
}

const NAMES = Object.keys(GRAPH_ENUMS) as GraphEnumName[]

describe('Graph enum labels', () => {
  it.each(NAMES)('%s lists exactly the members of Microsoft’s schema', (name) => {
    const members = schemaMembers(SCHEMA_NAME[name])
    expect(members.length).toBeGreaterThan(0)
    expect([...GRAPH_ENUMS[name]].sort()).toEqual(members)
  })

  it.each(NAMES)('every %s member the UI can display has a label in French and in English', (name) => {
    const missing: string[] = []
    for (const member of GRAPH_ENUMS[name]) {
      const key = graphEnumKey(name, member)
      if (!key) {
        missing.push(`${member}: no key`)
        continue
      }
      for (const [lang, tree] of [
        ['fr', fr],
        ['en', en],
      ] as const) {
        const label = lookup(tree as Tree, key)
        if (typeof label !== 'string' || label.trim() === '') missing.push(`${lang} ${key}`)
        // A label that is the raw member (windowsRT, mdm…) is not a translation; product names are.
        else if (label === member && !/^(i[A-Z]|tvOS|visionOS)/.test(member))
          missing.push(`${lang} ${key} is raw`)
      }
    }
    expect(missing).toEqual([])
  })

  it('labels the values the issue saw raw on screen, per the glossary', () => {
    const fr_ = (name: GraphEnumName, v: string) => lookup(fr as Tree, graphEnumKey(name, v)!)
    expect(fr_('deviceType', 'windowsRT')).toBe('Windows')
    expect(fr_('deviceType', 'androidForWork')).toBe('Android Entreprise, profil professionnel')
    expect(fr_('managementAgentType', 'mdm')).toBe('GPM')
    expect(fr_('managementState', 'managed')).toBe('Géré')
    expect(fr_('managementState', 'wipePending')).toBe('Réinitialisation en attente')
    expect(fr_('joinType', 'azureADJoined')).toBe('Joint à Microsoft Entra')
  })

  it('matches Graph’s varying casing and refuses members it does not know', () => {
    expect(graphEnumKey('deviceType', 'WINDOWSRT')).toBe('graph.deviceType.windowsRT')
    expect(graphEnumKey('managementState', ' wipepending ')).toBe('graph.managementState.wipePending')
    expect(graphEnumKey('complianceState', 'inGracePeriod')).toBe('devices.compliance.inGracePeriod')
    expect(graphEnumKey('actionState', 'none')).toBe('actions.state.notSent')
    expect(graphEnumKey('deviceType', 'holoLens3000')).toBeNull()
  })

  it('shows the product name of an operating system, not Intune’s mode string', () => {
    expect(operatingSystemName('AndroidForWork')).toBe('Android')
    expect(operatingSystemName('androidEnterprise')).toBe('Android')
    expect(operatingSystemName('iOS')).toBe('iOS')
    expect(operatingSystemName('Windows')).toBe('Windows')
    expect(operatingSystemName('')).toBeNull()
    expect(operatingSystemName('Tizen')).toBe('Tizen')
  })
})
