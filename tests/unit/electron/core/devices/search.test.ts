import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deviceSearchInput, deviceSearchResult } from '../../../../../shared/api/schemas/devices'
import { createDeviceSearch, type SearchInput } from '../../../../../electron/core/devices/search'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import type { DeviceRecord } from '../../../../../electron/core/store/device-record'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { records, selectedDevices, tempDir } from '../store/helpers'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const DAY = 86_400_000

const CRAFTED = [
  {
    id: 'crafted-1',
    deviceName: 'iPhone de Hélène',
    userPrincipalName: 'helene.durand@contoso.example',
    userDisplayName: 'Hélène Durand',
    serialNumber: 'C02XK1ABJG5H',
    imei: '356938035643809',
    phoneNumber: '+33 6 75 40 71 21',
    operatingSystem: 'iOS',
    osVersion: '17.4',
    deviceEnrollmentType: 'appleBulkWithUser',
    managementAgent: 'mdm',
    ownerType: 'company',
    complianceState: 'compliant',
    lastSyncDateTime: new Date(NOW - 2 * DAY).toISOString(),
  },
  {
    id: 'crafted-2',
    deviceName: 'ZZ-"NEAR(kiosk*)"',
    userDisplayName: 'Zoë Ünal',
    serialNumber: 'R58N91XYZ',
    operatingSystem: 'Android',
    lastSyncDateTime: null,
  },
]

function input(partial: Partial<SearchInput> & { query?: string }): SearchInput {
  return deviceSearchInput.parse(partial)
}

describe('devices:search', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  let all: DeviceRecord[]
  const search = (partial: Partial<SearchInput>, options = {}) =>
    createDeviceSearch(db, { now: () => NOW, ...options }).search(input(partial))

  beforeAll(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
    all = records([...CRAFTED, ...selectedDevices(3000)])
    const snapshot = beginSnapshot(db)
    snapshot.addPage(all)
    snapshot.commit()
    // Building 3,000 devices has taken over 10 s on the shared 2-core machine.
  }, 60_000)
  afterAll(() => {
    db.close()
    tmp.cleanup()
  })

  it('is accent- and case-insensitive with prefix matching', () => {
    for (const query of ['helene', 'HÉLÈNE', 'hél', 'Helene Dur', 'durand helene', 'helene.durand@']) {
      const result = search({ query })
      expect(result.rows.map((r) => r.userDisplayName)).toContain('Hélène Durand')
      expect(result.rows.every((r) => /h[ée]l[èe]ne/i.test(`${r.userDisplayName} ${r.deviceName}`))).toBe(
        true,
      )
    }
    expect(search({ query: 'zoe unal' }).rows.map((r) => r.id)).toEqual(['crafted-2'])
  })

  it('finds fragments from the middle of serials, IMEIs and phone numbers', () => {
    expect(search({ query: 'K1ABJ' }).rows.map((r) => r.id)).toEqual(['crafted-1'])
    expect(search({ query: '03564380' }).rows.map((r) => r.id)).toEqual(['crafted-1'])
    expect(search({ query: '754071' }).rows.map((r) => r.id)).toEqual(['crafted-1'])
    expect(search({ query: '75 40 71' }).rows.map((r) => r.id)).toContain('crafted-1')
    // A name word and a serial fragment together.
    expect(search({ query: 'durand K1AB' }).rows.map((r) => r.id)).toEqual(['crafted-1'])
    expect(search({ query: 'durand XYZ' }).rows).toEqual([])
  })

  it('finds a phone number in every national and international style (domain §9)', () => {
    // Stored by Intune as +33 6 75 40 71 21; the agent's computer says en-US, the tenant is French.
    const asTyped = ['06 75 40 71 21', '0675407121', '+33 (0)6 75 40 71 21', '+33675407121', '06 75 40']
    for (const query of asTyped) {
      const ids = search({ query }, { locale: () => 'en-US' }).rows.map((r) => r.id)
      expect(ids, query).toContain('crafted-1')
    }
    // The full number finds that one device only.
    expect(search({ query: '06 75 40 71 21' }, { locale: () => 'fr-FR' }).rows.map((r) => r.id)).toEqual([
      'crafted-1',
    ])
  })

  it('never errors on hostile input, and reads operators as plain words', () => {
    const hostile = [
      '"',
      '""',
      "'",
      'NEAR(',
      'NEAR(a b',
      '*',
      '-',
      '- -',
      'AND',
      'OR',
      'NOT',
      'a OR b',
      '^',
      ':',
      'device_name:iphone',
      '{a b}',
      '(',
      ')',
      'x'.repeat(10_000),
      'é'.repeat(20_000),
      '🙂🙂🙂',
      '👩‍💻 hélène',
      '\u0000\u0001\u001f\u007f',
      'hel\u0000ene',
      '\u200b\u200d',
      '\ud800',
      'a\u0301',
      '%_\\',
      'NEAR(kiosk*)',
    ]
    for (const query of hostile) {
      const result = search({ query })
      expect(deviceSearchResult.safeParse(result).success).toBe(true)
    }
    expect(search({ query: 'NEAR(kiosk*)' }).rows.map((r) => r.id)).toEqual(['crafted-2'])
    expect(search({ query: '🙂🙂🙂' }).total).toBe(0)
    expect(search({ query: '👩‍💻 hélène' }).rows.map((r) => r.userDisplayName)).toContain('Hélène Durand')
    expect(search({ query: 'x'.repeat(10_000) }).queryTruncated).toBe(true)
  })

  it('never errors on arbitrary strings (property)', () => {
    const s = createDeviceSearch(db, { now: () => NOW })
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        const result = s.search(input({ query }))
        return deviceSearchResult.safeParse(result).success
      }),
      { numRuns: 300 },
    )
  })

  it('filters by verdict, enrollment kind, ownership, compliance and check-in age, with exact totals', () => {
    const cases: [Partial<SearchInput>, (r: DeviceRecord) => boolean][] = [
      [{ filters: { verdicts: ['eligible'] } }, (r) => r.verdict === 'eligible'],
      [
        { filters: { enrollmentKinds: ['androidWorkProfilePersonal', 'iosDeviceEnrollment'] } },
        (r) => ['androidWorkProfilePersonal', 'iosDeviceEnrollment'].includes(r.enrollment_kind),
      ],
      [{ filters: { ownership: ['personal'] } }, (r) => r.ownership === 'personal'],
      [{ filters: { compliance: ['noncompliant'] } }, (r) => r.compliance_state === 'noncompliant'],
      [
        { filters: { lastCheckInOlderThanDays: 30 } },
        (r) => r.last_sync_ms === null || r.last_sync_ms < NOW - 30 * DAY,
      ],
      [
        { filters: { verdicts: ['ineligible'], ownership: ['company'] } },
        (r) => r.verdict === 'ineligible' && r.ownership === 'company',
      ],
    ]
    for (const [partial, predicate] of cases) {
      const expected = all.filter(predicate).length
      expect(expected).toBeGreaterThan(0)
      const result = search({ ...partial, limit: 500 })
      expect(result.total).toBe(expected)
      const ids = new Set(all.filter(predicate).map((r) => r.id))
      expect(result.rows.every((r) => ids.has(r.id))).toBe(true)
    }
    // Filters combine with text.
    const withText = search({ query: 'iphone', filters: { verdicts: ['eligible'] }, limit: 500 })
    expect(withText.total).toBeGreaterThan(0)
    expect(withText.rows.every((r) => r.verdict === 'eligible')).toBe(true)
  })

  it('filters by operating system, alone, with a kind and with text, on every plan', () => {
    const ios = (r: DeviceRecord) => r.operating_system === 'iOS'
    const cases: [Partial<SearchInput>, (r: DeviceRecord) => boolean][] = [
      [{ filters: { platforms: ['iOS'] } }, ios],
      [
        { filters: { platforms: ['iOS', 'Windows'] } },
        (r) => ['iOS', 'Windows'].includes(r.operating_system!),
      ],
      [
        { filters: { enrollmentKinds: ['iosDeviceEnrollment'], platforms: ['iOS'] } },
        (r) => ios(r) && r.enrollment_kind === 'iosDeviceEnrollment',
      ],
      [
        { filters: { platforms: ['iOS'], lastCheckInOlderThanDays: 30 } },
        (r) => ios(r) && (r.last_sync_ms === null || r.last_sync_ms < NOW - 30 * DAY),
      ],
    ]
    for (const [partial, predicate] of cases) {
      const expected = all.filter(predicate)
      expect(expected.length).toBeGreaterThan(0)
      const result = search({ ...partial, limit: 500 })
      expect(result.total).toBe(expected.length)
      const ids = new Set(expected.map((r) => r.id))
      expect(result.rows.every((r) => ids.has(r.id))).toBe(true)
    }
    // Words (the FTS5 facet plans cannot see the platform), words + check-in age, a fragment.
    const textCases: [string, SearchInput['filters']][] = [
      ['iphone', { platforms: ['iOS'] }],
      ['iphone', { platforms: ['Android'] }],
      ['a', { platforms: ['iOS'], ownership: ['company'] }],
      ['a', { platforms: ['iOS'], lastCheckInOlderThanDays: 14 }],
      ['356', { platforms: ['iOS'] }],
    ]
    for (const [query, filters] of textCases) {
      const everywhere = search({ query, limit: 500 })
      const result = search({ query, filters, limit: 500 })
      expect(result.rows.every((r) => filters.platforms!.includes(r.operatingSystem!))).toBe(true)
      expect(result.total).toBeLessThanOrEqual(everywhere.total)
    }
    expect(search({ query: 'iphone', filters: { platforms: ['Android'] } }).total).toBeLessThan(
      search({ query: 'iphone', filters: { platforms: ['iOS'] } }).total,
    )
    expect(search({ filters: { platforms: ['PalmOS'] } }).total).toBe(0)
  })

  it('sorts and pages with a stable total', () => {
    const first = search({ sort: { field: 'deviceName' }, limit: 100 })
    const second = search({ sort: { field: 'deviceName' }, limit: 100, offset: 100 })
    expect(first.total).toBe(all.length)
    expect(second.total).toBe(all.length)
    const ids = [...first.rows, ...second.rows].map((r) => r.id)
    expect(new Set(ids).size).toBe(200)
    const keys = [...first.rows, ...second.rows].map((r) =>
      (r.deviceName ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    )
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))

    const recent = search({ sort: { field: 'lastSyncDateTime' }, limit: 50 }).rows.map((r) =>
      Date.parse(r.lastSyncDateTime ?? '0'),
    )
    expect(recent).toEqual([...recent].sort((a, b) => b - a))
    const beyond = search({ query: 'iphone', offset: 100_000 })
    expect(beyond.rows).toEqual([])
    expect(beyond.total).toBeGreaterThan(0)
  })

  it('answers a broad query in name order with the same total and rows as a narrow plan', () => {
    const narrow = search({ query: 'a', limit: 20, sort: { field: 'deviceName' } })
    const broad = search({ query: 'a', limit: 20 }, { broadQueryMatches: 10 })
    expect(broad.total).toBe(narrow.total)
    expect(broad.rows).toHaveLength(20)
    // The snapshot was written in name order, so FTS rowid order is name order.
    expect(broad.rows.map((r) => r.id)).toEqual(narrow.rows.map((r) => r.id))
    const filtered = search(
      { query: 'a', filters: { verdicts: ['eligible'] }, limit: 20 },
      { broadQueryMatches: 10 },
    )
    expect(filtered.rows.every((r) => r.verdict === 'eligible')).toBe(true)
    expect(filtered.total).toBe(search({ query: 'a', filters: { verdicts: ['eligible'] }, limit: 500 }).total)
    const names = broad.rows.map((r) =>
      (r.deviceName ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    )
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  /** Every text match, paged out without filters (the reference the plans with filters must equal). */
  const textIds = (query: string) => {
    const ids = new Set<string>()
    for (let offset = 0; ; offset += 500) {
      const page = search({ query, limit: 500, offset, sort: { field: 'deviceName' } })
      if (page.rows.length === 0) return ids
      for (const r of page.rows) ids.add(r.id)
    }
  }

  it('text + filters gives the exact total and the same page whichever plan answers it', () => {
    const cases: [string, SearchInput['filters'], (r: DeviceRecord) => boolean][] = [
      [
        'a',
        { verdicts: ['eligible'], lastCheckInOlderThanDays: 30 },
        (r) => r.verdict === 'eligible' && (r.last_sync_ms ?? 0) < NOW - 30 * DAY,
      ],
      ['a', { ownership: ['personal'] }, (r) => r.ownership === 'personal'],
      // A fragment with a check-in age: the match-table plan (filteredText).
      ['356', { lastCheckInOlderThanDays: 14 }, (r) => (r.last_sync_ms ?? 0) < NOW - 14 * DAY],
      [
        'iphone',
        { ownership: ['company'], compliance: ['compliant'] },
        (r) => r.ownership === 'company' && r.compliance_state === 'compliant',
      ],
    ]
    for (const [query, filters, predicate] of cases) {
      const ids = textIds(query)
      const expected = all.filter((r) => ids.has(r.id) && predicate(r)).length
      expect(expected).toBeGreaterThan(0)
      const plansToCompare = [
        {},
        { broadQueryMatches: 10, sortOverWalk: 0 },
        { broadQueryMatches: 10, sortOverWalk: Infinity },
      ]
      for (const sort of [undefined, { field: 'lastSyncDateTime' as const }]) {
        const pages = plansToCompare.map((options) =>
          search({ query, filters, sort, limit: 30, offset: 5 }, options),
        )
        for (const page of pages) expect(page.total).toBe(expected)
        if (sort) expect(pages[2]!.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id))
        else expect(pages[1]!.rows.map((r) => r.id)).toEqual(pages[2]!.rows.map((r) => r.id))
        for (const page of pages) expect(page.rows.every((r) => ids.has(r.id))).toBe(true)
      }
    }
    // The match set lives only for the search.
    expect(db.prepare('SELECT count(*) FROM temp.search_matches').pluck().get()).toBe(0)
  })

  it('words + a check-in age stay exact at the boundary and as the clock moves on without a sync', () => {
    const texts = new Map(['a', 'iphone'].map((q) => [q, textIds(q)]))
    // Clocks from the bench's day to weeks later, some exactly one check-in time past N days (the
    // boundary: that device is not older than N days yet, a millisecond later it is).
    const stamps = all.map((r) => r.last_sync_ms).filter((ms): ms is number => ms !== null)
    const clocks = [NOW, NOW + 45 * DAY + 1234, stamps[7]! + 30 * DAY, stamps[7]! + 30 * DAY + 1]
    let checked = 0
    // One search per plan option across every clock: what it remembers must stay right as time passes.
    let clock = NOW
    const searchers = [{}, { broadQueryMatches: 10 }, { broadQueryMatches: 10, sortOverWalk: 0 }].map(
      (options) => createDeviceSearch(db, { now: () => clock, ...options }),
    )
    for (clock of clocks) {
      for (const [query, ids] of texts) {
        for (const [days, verdicts] of [
          [30, ['eligible']],
          [7, undefined],
          [1, ['ineligible', 'eligible']],
        ] as const) {
          const filters = { lastCheckInOlderThanDays: days, ...(verdicts ? { verdicts: [...verdicts] } : {}) }
          const old = (r: DeviceRecord) =>
            ids.has(r.id) &&
            (r.last_sync_ms ?? 0) < clock - days * DAY &&
            (!verdicts || (verdicts as readonly string[]).includes(r.verdict))
          const expected = all.filter(old).map((r) => r.id)
          for (const s of searchers) {
            for (const sort of [undefined, { field: 'lastSyncDateTime' as const }]) {
              const page = s.search(input({ query, filters, sort, limit: 200 }))
              expect(page.total, `${query} ${days} ${clock}`).toBe(expected.length)
              expect(page.rows).toHaveLength(Math.min(200, expected.length))
              const want = new Set(expected)
              expect(page.rows.every((r) => want.has(r.id))).toBe(true)
              checked++
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
    // The boundary device itself: in at 30 days + 1 ms, out at exactly 30 days.
    const edge = all.find((r) => r.last_sync_ms === stamps[7])!
    const at = (clock: number) =>
      createDeviceSearch(db, { now: () => clock })
        .search(input({ query: edge.device_name!, filters: { lastCheckInOlderThanDays: 30 }, limit: 500 }))
        .rows.map((r) => r.id)
    expect(at(stamps[7]! + 30 * DAY)).not.toContain(edge.id)
    expect(at(stamps[7]! + 30 * DAY + 1)).toContain(edge.id)
  })

  it('the remembered list count survives text + filters searches (their temp writes are not changes)', () => {
    const trace: { sql: string; params: unknown[] }[] = []
    const s = createDeviceSearch(db, { now: () => NOW, trace })
    const list = input({ filters: { verdicts: ['eligible'] } })
    const counted = () =>
      trace.filter(({ sql }) => sql === 'SELECT count(*) FROM devices d WHERE d.verdict IN (?)').length
    s.search(list)
    expect(counted()).toBe(1)
    s.search(input({ query: 'a', filters: { ownership: ['personal'] } }))
    s.search(list)
    expect(counted()).toBe(1)
  })

  it('remembered counts survive writes to other tables on this connection, not writes to devices', () => {
    const trace: { sql: string; params: unknown[] }[] = []
    const s = createDeviceSearch(db, { now: () => NOW, trace })
    const list = input({ filters: { compliance: ['noncompliant'] } })
    const counted = () =>
      trace.filter(({ sql }) => sql === 'SELECT count(*) FROM devices d WHERE d.compliance_state IN (?)')
        .length
    const total = s.search(list).total
    expect(counted()).toBe(1)
    // An action recorded or a sync time noted on the same connection is not a change of the devices.
    db.prepare("INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('search-test', 'x')").run()
    expect(s.search(list).total).toBe(total)
    expect(counted()).toBe(1)
    // A device written on this connection (devices:refresh) is.
    const pk = db
      .prepare("SELECT pk FROM devices WHERE compliance_state = 'noncompliant' LIMIT 1")
      .pluck()
      .get()
    db.prepare("UPDATE devices SET compliance_state = 'compliant' WHERE pk = ?").run(pk)
    try {
      expect(s.search(list).total).toBe(total - 1)
      expect(counted()).toBe(2)
    } finally {
      db.prepare("UPDATE devices SET compliance_state = 'noncompliant' WHERE pk = ?").run(pk)
      db.prepare("DELETE FROM sync_meta WHERE key = 'search-test'").run()
    }
    expect(s.search(list).total).toBe(total)
  })

  describe('query plans (EXPLAIN QUERY PLAN)', () => {
    const plans = (partial: Partial<SearchInput>, options = {}) => {
      const trace: { sql: string; params: unknown[] }[] = []
      search(partial, { trace, ...options })
      expect(trace.length).toBeGreaterThan(0)
      return trace
        .filter(({ sql }) => !/FROM devices d WHERE 1$/.test(sql)) // the cached device count
        .map(({ sql, params }) =>
          (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
            .map((r) => r.detail)
            .join(' | '),
        )
    }
    const fullScan = /\bSCAN (d|devices)\b(?! USING)/

    it('text search goes through the FTS indexes and looks devices up by key', () => {
      for (const plan of [...plans({ query: 'helene' }), ...plans({ query: 'durand K1AB' })]) {
        expect(plan).toMatch(/VIRTUAL TABLE INDEX/)
        expect(plan).not.toMatch(fullScan)
      }
      const rowsPlan = plans({ query: 'helene' }).at(-1)!
      expect(rowsPlan).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/)
    })

    it('a broad query reads FTS hits in rowid order (name order) and stops after a page', () => {
      const rowsPlan = plans({ query: 'a' }, { broadQueryMatches: 10 }).at(-1)!
      expect(rowsPlan).toMatch(/SCAN f VIRTUAL TABLE INDEX/)
      expect(rowsPlan).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/)
      expect(rowsPlan).not.toMatch(/TEMP B-TREE/)
    })

    it('a broad query with an explicit sort walks that index and probes the hit set', () => {
      const rowsPlan = plans(
        { query: 'a', sort: { field: 'userDisplayName' } },
        { broadQueryMatches: 10 },
      ).at(-1)!
      expect(rowsPlan).toMatch(/SCAN d USING INDEX devices_\w+_user/)
      expect(rowsPlan).not.toMatch(/TEMP B-TREE/)
    })

    it('text + filters writes the matches once: filter index range, probing the FTS hit set', () => {
      // An identifier fragment (trigram index) cannot be a word of the FTS5 query: this plan.
      const filters = { verdicts: ['eligible' as const], lastCheckInOlderThanDays: 30 }
      const [insert, rows] = plans({ query: '356', filters }, { broadQueryMatches: 10, sortOverWalk: 0 })
      expect(insert).toMatch(
        /SEARCH d USING COVERING INDEX devices_\w+_verdict_age \(verdict=\? AND <expr><\?\)/,
      )
      // `+d.pk`: the hit set is built once (Bloom filter), never one FTS lookup per device.
      expect(insert).toMatch(
        /LIST SUBQUERY \d+ \| (MERGE \(UNION\) \| LEFT \| )?SCAN devices_fts VIRTUAL TABLE INDEX/,
      )
      expect(insert).toMatch(/CREATE BLOOM FILTER/)
      // The page walks the verdict index in name order and probes the match set by key.
      expect(rows).toMatch(/SEARCH d USING INDEX devices_\w+_verdict \(verdict=\?\)/)
      expect(rows).toMatch(/ROWID SEARCH ON TABLE search_matches FOR IN-OPERATOR/)
      expect(rows).not.toMatch(/TEMP B-TREE/)
      // Few matches over many devices: read them by key and sort them.
      const sorted = plans({ query: '356', filters }, { broadQueryMatches: 10, sortOverWalk: Infinity }).at(
        -1,
      )!
      expect(sorted).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/)
      expect(sorted).toMatch(/ROWID SEARCH ON TABLE search_matches FOR IN-OPERATOR/)
    })

    it('words + discrete filters are one FTS5 query over words and filter words', () => {
      const filters = {
        ownership: ['personal' as const],
        verdicts: ['eligible' as const, 'ineligible' as const],
      }
      const trace: { sql: string; params: unknown[] }[] = []
      search({ query: 'a', filters }, { trace })
      // The count touches no devices row: FTS5 intersects the doclists.
      expect(trace[0]!.sql).toBe(
        'SELECT count(*) FROM (SELECT rowid AS pk FROM devices_fts WHERE devices_fts MATCH ?)',
      )
      expect(trace[0]!.params).toEqual([
        '"a"* AND ("\uE000veligible" OR "\uE000vineligible") AND "\uE000opersonal"',
      ])
      const [count, page] = plans({ query: 'a', filters }, { broadQueryMatches: 10 })
      expect(count).toBe('SCAN devices_fts VIRTUAL TABLE INDEX 0:M11')
      // Many matches in relevance order: FTS rowids are name order; devices read by key, no sort.
      expect(page).toMatch(/SCAN f VIRTUAL TABLE INDEX/)
      expect(page).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/)
      expect(page).not.toMatch(/TEMP B-TREE/)
      // An explicit sort walks its index and probes the hit set, built once (no FTS query per row).
      const walked = plans(
        { query: 'a', filters: { ...filters, verdicts: ['eligible'] }, sort: { field: 'deviceName' } },
        { broadQueryMatches: 10, sortOverWalk: 0 },
      ).at(-1)!
      expect(walked).toMatch(/SEARCH d USING INDEX devices_\w+_verdict \(verdict=\?\)/)
      expect(walked).toMatch(/LIST SUBQUERY/)
      expect(walked).not.toMatch(/TEMP B-TREE/)
    })

    it('words + a check-in age: counted inside FTS5, only the boundary week read by key', () => {
      const filters = { verdicts: ['eligible' as const], lastCheckInOlderThanDays: 30 }
      const trace: { sql: string; params: unknown[] }[] = []
      search({ query: 'a', filters }, { trace })
      const [newest, definite, boundary] = trace
      expect(newest!.sql).toBe('SELECT max(last_sync_ms) FROM devices')
      // Both depend on the devices only (not on the clock within the week): remembered.
      expect(definite!.sql).toMatch(/^SELECT count\(\*\) FROM \(SELECT rowid AS pk FROM devices_fts/)
      expect(boundary!.sql).toMatch(/^SELECT ifnull\(d.last_sync_ms, 0\) AS ms FROM devices d/)
      // Weeks since 1970: the week holding now − 30 days and every later week up to the newest check-in.
      const week = Math.floor((NOW - 30 * DAY) / (7 * DAY))
      const newestWeek = Math.floor(Math.max(...all.map((r) => r.last_sync_ms ?? 0)) / (7 * DAY))
      const weeks = Array.from({ length: newestWeek - week + 1 }, (_, i) => `"\uE000w${week + i}"`)
      expect(definite!.params).toEqual([`("a"* AND "\uE000veligible") NOT (${weeks.join(' OR ')})`])
      expect(boundary!.params).toEqual([`("a"* AND "\uE000veligible") AND "\uE000w${week}"`])
      const [max, count, edge, page] = plans({ query: 'a', filters }, { broadQueryMatches: 10 })
      expect(max).toMatch(/SEARCH devices USING COVERING INDEX devices_\w+_lastsync/)
      // The count touches no devices row; the boundary week's devices are read by key, once.
      expect(count).toBe('SCAN devices_fts VIRTUAL TABLE INDEX 0:M11')
      expect(edge).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/)
      expect(edge).toMatch(/LIST SUBQUERY \d+ \| SCAN devices_fts VIRTUAL TABLE INDEX 0:M11/)
      expect(edge).not.toMatch(fullScan)
      // Many matches in relevance order: FTS rowid order (name order), the exact age per row, no sort.
      expect(page).toMatch(/SCAN f VIRTUAL TABLE INDEX/)
      expect(page).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/)
      expect(page).not.toMatch(/TEMP B-TREE/)
      // In check-in order: the walk of the verdict index in name order becomes the check-in index.
      const walked = plans(
        { query: 'a', filters, sort: { field: 'lastSyncDateTime' } },
        { broadQueryMatches: 10, sortOverWalk: 0 },
      ).at(-1)!
      expect(walked).toMatch(/SCAN d USING INDEX devices_\w+_lastsync/)
      expect(walked).toMatch(/LIST SUBQUERY/)
      expect(walked).not.toMatch(/TEMP B-TREE/)
      // No temp match table is written.
      expect(trace.some(({ sql }) => /search_matches/.test(sql))).toBe(false)
    })

    it('nothing typed can match a filter word', () => {
      expect(search({ filters: { ownership: ['personal'] } }).total).toBeGreaterThan(0)
      for (const query of ['\uE000opersonal', 'opersonal', 'x\uE000veligible']) {
        expect(search({ query }).total, query).toBe(0)
      }
      // The mark is dropped, what remains is searched as typed.
      expect(search({ query: '\uE000o' }).total).toBe(search({ query: 'o' }).total)
    })

    it('text + filters in check-in order walks the check-in index, every filter checked per entry', () => {
      const rows = plans(
        { query: 'a', filters: { verdicts: ['ineligible'] }, sort: { field: 'lastSyncDateTime' } },
        { broadQueryMatches: 10, sortOverWalk: 0 },
      ).at(-1)!
      expect(rows).toMatch(/SCAN d USING INDEX devices_\w+_lastsync/)
      expect(rows).not.toMatch(/TEMP B-TREE/)
    })

    it('counts under any filter read a covering index, not rows', () => {
      const [insert] = plans({
        query: '356',
        filters: { ownership: ['personal'], compliance: ['compliant'], lastCheckInOlderThanDays: 7 },
      })
      expect(insert).toMatch(/COVERING INDEX devices_\w+_filters/)
      const [, listCount] = plans({ filters: { compliance: ['noncompliant'], lastCheckInOlderThanDays: 7 } })
      expect(listCount).toMatch(/COVERING INDEX devices_\w+_filters/)
      const [, ageCount] = plans({ filters: { verdicts: ['eligible'], lastCheckInOlderThanDays: 30 } })
      expect(ageCount).toMatch(/COVERING INDEX devices_\w+_verdict_age \(verdict=\? AND <expr><\?\)/)
    })

    it('lists filtered by ownership or check-in walk the sort index instead of sorting every match', () => {
      const [byOwner] = plans({ filters: { ownership: ['personal'] } })
      expect(byOwner).toMatch(/SCAN d USING INDEX devices_\w+_name/)
      expect(byOwner).not.toMatch(/TEMP B-TREE/)
      const [aged] = plans({ filters: { verdicts: ['eligible'], lastCheckInOlderThanDays: 30 } })
      expect(aged).toMatch(/SEARCH d USING INDEX devices_\w+_verdict \(verdict=\?\)/)
      expect(aged).not.toMatch(/TEMP B-TREE/)
      const [recent] = plans({ filters: { ownership: ['personal'] }, sort: { field: 'lastSyncDateTime' } })
      expect(recent).toMatch(/SCAN d USING INDEX devices_\w+_lastsync/)
      expect(recent).not.toMatch(/TEMP B-TREE/)
    })

    it('the operating-system filter reads its own index, or the kind × platform index with a kind', () => {
      const [list, count] = plans({ filters: { platforms: ['iOS'] } })
      expect(count).toMatch(/SEARCH d USING COVERING INDEX devices_\w+_os \(operating_system=\?\)/)
      expect(list).not.toMatch(fullScan)
      const [, both] = plans({ filters: { enrollmentKinds: ['iosDeviceEnrollment'], platforms: ['iOS'] } })
      expect(both).toMatch(
        /SEARCH d USING COVERING INDEX devices_\w+_(platform|os) \((enrollment_kind=\? AND operating_system=\?|operating_system=\?)\)/,
      )
      const [insert] = plans({ query: 'iphone', filters: { platforms: ['iOS'] } })
      expect(insert).toMatch(
        /SEARCH d USING (COVERING )?INDEX devices_\w+_os \(operating_system=\?\)|VIRTUAL TABLE INDEX/,
      )
      expect(insert).not.toMatch(fullScan)
    })

    it('lists without text use the sort index; verdict / kind filters use their own index', () => {
      const [list] = plans({})
      expect(list).toMatch(/SCAN d USING INDEX devices_\w+_name/)
      expect(list).not.toMatch(/TEMP B-TREE/)
      const [verdict, verdictCount] = plans({ filters: { verdicts: ['eligible'] } })
      expect(verdict).toMatch(/SEARCH d USING INDEX devices_\w+_verdict \(verdict=\?\)/)
      expect(verdict).not.toMatch(/TEMP B-TREE/)
      expect(verdictCount).toMatch(/USING COVERING INDEX devices_\w+_verdict/)
      const [kind] = plans({ filters: { enrollmentKinds: ['androidFullyManaged'] } })
      expect(kind).toMatch(/SEARCH d USING INDEX devices_\w+_kind \(enrollment_kind=\?\)/)
      const [recent] = plans({ sort: { field: 'lastSyncDateTime' } })
      expect(recent).toMatch(/SCAN d USING INDEX devices_\w+_lastsync/)
      expect(recent).not.toMatch(/TEMP B-TREE/)
      const [byUser] = plans({ sort: { field: 'userDisplayName', direction: 'desc' } })
      expect(byUser).toMatch(/SCAN d USING INDEX devices_\w+_user/)
    })
  })
})
