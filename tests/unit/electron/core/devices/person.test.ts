import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personResult } from '../../../../../shared/api/schemas/person'
import { createPersonLookup, upnPhrase } from '../../../../../electron/core/devices/person'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { createScopeDenials } from '../../../../../electron/core/store/scope-denials'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { records, selectedDevices, tempDir } from '../store/helpers'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const DAY = 86_400_000
const ago = (days: number) => new Date(NOW - days * DAY).toISOString()

const helene = {
  userPrincipalName: 'Helene.Durand@contoso.example',
  userDisplayName: 'Hélène Durand',
  emailAddress: 'helene.durand@contoso.example',
}
const CRAFTED = [
  {
    id: 'h-ipad',
    deviceName: 'iPad Hélène',
    ...helene,
    model: 'iPad Air',
    operatingSystem: 'iPadOS',
    lastSyncDateTime: ago(9),
  },
  {
    id: 'h-phone',
    deviceName: 'iPhone Hélène',
    ...helene,
    model: 'iPhone 15',
    operatingSystem: 'iOS',
    phoneNumber: '+33 6 75 40 71 21',
    lastSyncDateTime: ago(1),
  },
  {
    id: 'h-never',
    deviceName: 'Pixel Hélène',
    ...helene,
    model: 'Pixel 8',
    operatingSystem: 'Android',
    lastSyncDateTime: null,
  },
  // Same words, longer sign-in name: another person, never mixed into Hélène's card.
  {
    id: 'hd2',
    deviceName: 'Surface',
    userPrincipalName: 'helene.durand.ext@contoso.example',
    userDisplayName: 'Hélène Durand (ext.)',
    operatingSystem: 'Windows',
    lastSyncDateTime: ago(3),
  },
  // A device named after a person who is not its user: its name never makes a card.
  {
    id: 'kiosk',
    deviceName: 'Kiosque Zéphyrin',
    userPrincipalName: null,
    userDisplayName: null,
    operatingSystem: 'Android',
    lastSyncDateTime: ago(2),
  },
]

describe('devices:person', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  const lookup = (query: string, trace?: { sql: string; params: unknown[] }[]) =>
    personResult.parse(createPersonLookup(db, { locale: () => 'fr-FR', trace }).lookup(query))

  beforeAll(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
    const snapshot = beginSnapshot(db)
    snapshot.addPage(records([...CRAFTED, ...selectedDevices(2000)]))
    snapshot.commit()
  })
  afterAll(() => {
    db.close()
    tmp.cleanup()
  })

  it('finds a person by name without accents, with every device, most recently checked in first', () => {
    const { people } = lookup('helene durand')
    const card = people.find((p) => p.userPrincipalName === 'Helene.Durand@contoso.example')
    expect(card?.userDisplayName).toBe('Hélène Durand')
    expect(card?.devices.map((d) => d.id)).toEqual(['h-phone', 'h-ipad', 'h-never'])
    expect(card?.devices[0]).toMatchObject({
      model: 'iPhone 15',
      operatingSystem: 'iOS',
      lastSyncDateTime: ago(1),
    })
    // The longer sign-in name is its own card with its own device.
    expect(people.find((p) => p.userPrincipalName.includes('.ext@'))?.devices.map((d) => d.id)).toEqual([
      'hd2',
    ])
  })

  it('finds the same person by sign-in name, e-mail and a phone number read out the French way', () => {
    for (const query of [
      'Helene.Durand@contoso.example',
      'helene.durand@',
      '06 75 40 71 21',
      '+33 6 75 40',
    ]) {
      const { people } = lookup(query)
      expect(
        people.map((p) => p.userPrincipalName),
        query,
      ).toContain('Helene.Durand@contoso.example')
      expect(people.find((p) => p.userPrincipalName.startsWith('Helene'))?.devices).toHaveLength(3)
    }
  })

  it('gives no card for a device name, a serial, too short a text, or a text naming many people', () => {
    expect(lookup('kiosque zéphyrin').people).toEqual([])
    expect(lookup('ipad').people).toEqual([])
    expect(lookup('he')).toEqual({ people: [], ambiguous: false })
    // "contoso" is in every sign-in name: not a person.
    expect(lookup('contoso')).toEqual({ people: [], ambiguous: true })
  })

  it('marks a device outside the agent’s Intune scope', () => {
    createScopeDenials(db).mark({
      deviceId: 'h-ipad',
      agentUpn: 'a@x',
      deniedAt: ago(0),
      requestId: null,
      activityId: null,
    })
    const card = lookup('hélène durand').people.find((p) => p.userPrincipalName.startsWith('Helene'))
    expect(card?.devices.find((d) => d.id === 'h-ipad')?.outOfScope).toBe(true)
    expect(card?.devices.find((d) => d.id === 'h-phone')?.outOfScope).toBeUndefined()
  })

  it('quotes every word of a sign-in name (nothing typed is read as an FTS5 operator)', () => {
    expect(upnPhrase('a"b NEAR(c)@d.e')).toBe('{user_principal_name} : "a" + "b" + "near" + "c"')
    expect(upnPhrase('@.')).toBeNull()
  })

  it('reads through the word index and looks devices up by key (EXPLAIN QUERY PLAN)', () => {
    const trace: { sql: string; params: unknown[] }[] = []
    lookup('helene durand', trace)
    lookup('06 75 40 71 21', trace)
    const plans = trace
      .filter(({ sql }) => sql.includes('devices_fts'))
      .map(({ sql, params }) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | '),
      )
    expect(plans.length).toBeGreaterThanOrEqual(4)
    for (const plan of plans) {
      expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX/)
      expect(plan).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/)
      expect(plan).not.toMatch(/\bSCAN d\b/)
    }
  })
})
