// The Windows administrative template shipped in resources/policy/ (what IT imports in Intune
// "Import ADMX" or copies to PolicyDefinitions): well-formed XML, every policy value name the app
// reads, and both languages complete. Importing it into Intune or gpedit only happens on Windows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser, type Document, type Element } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { POLICY_KEY_PATH } from '../../../../../electron/core/policy/registry'
import { POLICY_KEYS } from '@shared/api/schemas/policy'
import { verificationCheck } from '@shared/api/schemas/settings'

const dir = join(import.meta.dirname, '..', '..', '..', '..', '..', 'resources', 'policy')

function parse(file: string): Document {
  const errors: string[] = []
  const doc = new DOMParser({
    onError: (level, message) => errors.push(`${level}: ${message}`),
  }).parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/xml')
  expect(errors, file).toEqual([])
  return doc
}
const all = (doc: Document | Element, tag: string) =>
  [...(doc.getElementsByTagName(tag) as unknown as Iterable<Element>)] as Element[]

const admx = parse('PasscodeDesk.admx')
const languages = { 'en-US': parse('en-US/PasscodeDesk.adml'), 'fr-FR': parse('fr-FR/PasscodeDesk.adml') }

describe('ADMX / ADML', () => {
  it('are well-formed, in the Group Policy namespace', () => {
    expect(admx.documentElement!.localName).toBe('policyDefinitions')
    expect(admx.documentElement!.namespaceURI).toBe(
      'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions',
    )
    for (const doc of Object.values(languages))
      expect(doc.documentElement!.localName).toBe('policyDefinitionResources')
  })

  it('define exactly the value names the app reads, all under Software\\Policies\\Passcode Desk', () => {
    const policies = all(admx, 'policy')
    const firstElement = (e: Element) => Array.from(e.childNodes).find((n) => n.nodeType === 1) as Element
    const valueNames = policies.map(
      (p) => p.getAttribute('valueName') || firstElement(all(p, 'elements')[0]!).getAttribute('valueName'),
    )
    expect([...valueNames].sort()).toEqual([...POLICY_KEYS].sort())
    for (const policy of policies) {
      expect(policy.getAttribute('key')).toBe(POLICY_KEY_PATH)
      expect(policy.getAttribute('class')).toBe('Both')
    }
  })

  it('writes booleans as 0/1 DWORDs and offers only the languages and checks the app accepts', () => {
    for (const name of ['AllowAddProfiles', 'ShowDemoProfile', 'TicketRequired']) {
      const policy = all(admx, 'policy').find((p) => p.getAttribute('name') === name)!
      expect(all(all(policy, 'enabledValue')[0]!, 'decimal')[0]!.getAttribute('value')).toBe('1')
      expect(all(all(policy, 'disabledValue')[0]!, 'decimal')[0]!.getAttribute('value')).toBe('0')
    }
    const languagesOffered = all(all(admx, 'enum')[0]!, 'string').map((s) => s.textContent)
    expect(languagesOffered).toEqual(['fr', 'en'])
    const retention = all(admx, 'decimal').find((d) => d.getAttribute('id') === 'HistoryRetentionDays')!
    expect([retention.getAttribute('minValue'), retention.getAttribute('maxValue')]).toEqual(['1', '3650'])
    const help = all(languages['en-US'], 'string').find(
      (s) => s.getAttribute('id') === 'IdentityChecksRequired_Help',
    )!
    for (const check of verificationCheck.options) expect(help.textContent).toContain(check)
  })

  it('every string and presentation the ADMX names exists in both languages, and nothing else', () => {
    const text = readFileSync(join(dir, 'PasscodeDesk.admx'), 'utf8')
    const strings = new Set([...text.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)].map((m) => m[1]))
    const presentations = new Set([...text.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)].map((m) => m[1]))
    const elementIds = new Set(
      all(admx, 'elements').flatMap((e) =>
        Array.from(e.childNodes)
          .filter((n) => n.nodeType === 1)
          .map((n) => (n as Element).getAttribute('id')),
      ),
    )
    for (const [lang, doc] of Object.entries(languages)) {
      const ids = new Set(all(doc, 'string').map((s) => s.getAttribute('id')))
      expect(
        [...strings].filter((s) => !ids.has(s!)),
        lang,
      ).toEqual([])
      const defined = all(doc, 'presentation')
      expect(new Set(defined.map((p) => p.getAttribute('id'))), lang).toEqual(presentations)
      for (const p of defined)
        for (const child of Array.from(p.childNodes).filter((n) => n.nodeType === 1))
          expect(
            elementIds.has((child as Element).getAttribute('refId')),
            `${lang} ${p.getAttribute('id')}`,
          ).toBe(true)
    }
    const en = all(languages['en-US'], 'string').map((s) => s.getAttribute('id'))
    const fr = all(languages['fr-FR'], 'string').map((s) => s.getAttribute('id'))
    expect(fr).toEqual(en)
  })

  it('French follows the house style: a non-breaking space before every colon', () => {
    const fr = readFileSync(join(dir, 'fr-FR/PasscodeDesk.adml'), 'utf8')
    const visible = fr.replace(/<[^>]+>/g, ' ').replace(/https?:\/\/\S+/g, '')
    expect(visible).not.toMatch(/[^\u00a0\s]:\s| :/)
  })
})
