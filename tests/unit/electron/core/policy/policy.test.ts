// Managed settings (electron/core/policy): reg.exe output and managed-preferences plists (XML and
// binary, written by Python's plistlib — Apple's formats, not our own writer) through the real
// parsers, then precedence, bad types, bad values and unknown keys. The reg.exe texts reproduce
// its output format byte for byte (CRLF, four-space columns, `\0` between REG_MULTI_SZ items);
// they were not captured on a Windows machine (none here), and reg.exe itself runs only there.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../../../electron/core/log'
import { loadManagedPolicy, mergePolicy } from '../../../../../electron/core/policy'
import { managedPlistPaths, parseManagedPlist } from '../../../../../electron/core/policy/plist'
import { parseRegQuery } from '../../../../../electron/core/policy/registry'
import { managedPolicy } from '@shared/api/schemas/policy'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name))
const HKLM = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Passcode Desk'
const HKCU = 'HKEY_CURRENT_USER\\Software\\Policies\\Passcode Desk'

function capturingLog() {
  const lines: { level: string; event: string; data?: unknown }[] = []
  const log = createLogger({})
  for (const level of ['info', 'warn', 'error'] as const) {
    ;(log as unknown as Record<string, unknown>)[level] = (event: string, data?: unknown) =>
      lines.push({ level, event, data })
  }
  return { log, lines }
}

describe('reg query output', () => {
  it('parses every value type the ADMX writes, by name', () => {
    const { values, subkeyValues } = parseRegQuery(fixture('reg-query-hklm.txt').toString('utf8'), HKLM)
    expect(values.get('TicketRequired')).toEqual({ type: 'REG_DWORD', data: 1 })
    expect(values.get('HistoryRetentionDays')).toEqual({ type: 'REG_DWORD', data: 90 })
    expect(values.get('TicketPattern')).toEqual({ type: 'REG_SZ', data: '^INC[0-9]{7}$' })
    expect(values.get('IdentityChecksRequired')).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['employeeId', 'managerCallback'],
    })
    expect(values.size).toBe(9)
    expect(subkeyValues).toEqual([])
  })

  it('keeps subkey values apart, accepts empty REG_SZ data, and flags odd data', () => {
    const out = [
      '',
      HKCU,
      '    Empty    REG_SZ    ',
      '    Bin    REG_BINARY    0A0B',
      '    Spaced    REG_SZ    a    b',
      '',
      `${HKCU}\\Legacy`,
      '    TicketRequired    REG_DWORD    0x1',
      '',
    ].join('\r\n')
    const { values, subkeyValues } = parseRegQuery(out, HKCU)
    expect(values.get('Empty')).toEqual({ type: 'REG_SZ', data: '' })
    expect(values.get('Bin')).toMatchObject({ type: 'unsupported', regType: 'REG_BINARY' })
    expect(values.get('Spaced')).toEqual({ type: 'REG_SZ', data: 'a    b' })
    expect(subkeyValues).toEqual(['Legacy\\TicketRequired'])
  })
})

describe('managed preferences plists', () => {
  it('reads the XML and the binary form to the same dictionary', () => {
    const xml = parseManagedPlist(fixture('managed-computer.xml.plist'))
    const binary = parseManagedPlist(fixture('managed-computer.binary.plist'))
    expect(binary).toEqual(xml)
    expect(xml).toMatchObject({ TicketRequired: true, HistoryRetentionDays: 30, DefaultLanguage: 'en' })
  })

  it('refuses a file that is not a dictionary, or not a plist', () => {
    expect(() => parseManagedPlist(Buffer.from('<plist version="1.0"><array/></plist>'))).toThrow()
    expect(() => parseManagedPlist(Buffer.from('garbage'))).toThrow()
    expect(() => parseManagedPlist(Buffer.from('bplist00garbage'))).toThrow()
  })

  it('looks in /Library/Managed Preferences for the bundle id, computer-wide and per user', () => {
    expect(managedPlistPaths('agent')).toEqual({
      macComputer: '/Library/Managed Preferences/com.passcodedesk.app.plist',
      macUser: '/Library/Managed Preferences/agent/com.passcodedesk.app.plist',
    })
  })
})

describe('Windows: HKLM beats HKCU, value by value', () => {
  const regQuery = async (key: string) =>
    key === HKLM
      ? fixture('reg-query-hklm.txt').toString('utf8')
      : key === HKCU
        ? fixture('reg-query-hkcu-mixed.txt').toString('utf8')
        : null

  it('applies machine values over user values, and every valid value', async () => {
    const { log } = capturingLog()
    const policy = await loadManagedPolicy({ platform: 'win32', regQuery }, log)
    expect(managedPolicy.parse(policy)).toEqual(policy)
    expect(policy.values).toEqual({
      TicketRequired: true,
      TicketPattern: '^INC[0-9]{7}$',
      AllowAddProfiles: false,
      ShowDemoProfile: false,
      IdentityChecksRequired: ['employeeId', 'managerCallback'],
      HistoryRetentionDays: 90,
      UpdateFeedUrl: 'https://updates.contoso.example/passcode-desk/',
      DefaultLanguage: 'fr',
      TenantProfiles: [
        {
          name: 'Contoso',
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
          clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
          cloud: 'global',
        },
      ],
    })
    expect(new Set(Object.values(policy.sources))).toEqual(new Set(['HKLM']))
  })

  it('reports the user policy’s bad types, bad values, unknown names and subkeys, with a log line each', async () => {
    const { log, lines } = capturingLog()
    const policy = await loadManagedPolicy({ platform: 'win32', regQuery }, log)
    expect(policy.problems).toEqual([
      { key: 'Legacy\\TicketRequired', source: 'HKCU', reason: 'unknownKey' },
      { key: 'HistoryRetentionDays', source: 'HKCU', reason: 'badType' },
      { key: 'DefaultLanguage', source: 'HKCU', reason: 'badValue' },
      { key: 'AllowAddProfile', source: 'HKCU', reason: 'unknownKey' },
      { key: 'UpdateFeedUrl', source: 'HKCU', reason: 'badValue' },
    ])
    const ignored = lines.filter((l) => l.event === 'policy.value-ignored')
    expect(ignored).toHaveLength(5)
    expect(ignored.every((l) => l.level === 'warn')).toBe(true)
  })

  it('a malformed machine value falls back to the user’s valid one (only that value is ignored)', () => {
    const policy = mergePolicy([
      {
        source: 'HKLM',
        values: new Map([
          ['ticketrequired', { from: 'registry', value: { type: 'REG_SZ', data: 'true' } }],
          ['TicketPattern', { from: 'registry', value: { type: 'REG_SZ', data: '([unclosed' } }],
          ['HistoryRetentionDays', { from: 'registry', value: { type: 'REG_DWORD', data: 0 } }],
        ]),
      },
      {
        source: 'HKCU',
        values: new Map([['TicketRequired', { from: 'registry', value: { type: 'REG_DWORD', data: 0 } }]]),
      },
    ])
    expect(policy.values).toEqual({ TicketRequired: false })
    expect(policy.sources).toEqual({ TicketRequired: 'HKCU' })
    expect(policy.problems.map((p) => `${p.source}:${p.key}:${p.reason}`)).toEqual([
      'HKLM:TicketRequired:badType',
      'HKLM:TicketPattern:badPattern',
      'HKLM:HistoryRetentionDays:badValue',
    ])
  })

  it('no policy key at all: nothing managed, nothing reported', async () => {
    const { log, lines } = capturingLog()
    const policy = await loadManagedPolicy({ platform: 'win32', regQuery: async () => null }, log)
    expect(policy).toEqual({ values: {}, sources: {}, problems: [] })
    expect(lines).toEqual([])
  })
})

describe('macOS: computer-wide beats per-user', () => {
  const files: Record<string, Buffer> = {
    '/Library/Managed Preferences/com.passcodedesk.app.plist': fixture('managed-computer.binary.plist'),
    '/Library/Managed Preferences/agent/com.passcodedesk.app.plist': fixture(
      'managed-user-mixed.binary.plist',
    ),
  }
  const readFile = async (path: string) => {
    const file = files[path]
    if (!file) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    return file
  }

  it('applies native plist types, keeps the computer’s values, and ignores the user’s bad ones', async () => {
    const { log } = capturingLog()
    const policy = await loadManagedPolicy({ platform: 'darwin', readFile, user: 'agent' }, log)
    expect(policy.values).toMatchObject({
      TicketRequired: true,
      HistoryRetentionDays: 30,
      IdentityChecksRequired: ['employeeId', 'mfaPrompt'],
      DefaultLanguage: 'en',
      // Only in the user file, and valid there:
      ShowDemoProfile: false,
    })
    expect(policy.values.TenantProfiles?.[0]).toMatchObject({ cloud: 'usGovHigh' })
    expect(policy.sources.ShowDemoProfile).toBe('macUser')
    expect(policy.sources.TicketRequired).toBe('macComputer')
    const userProblems = policy.problems
      .filter((p) => p.source === 'macUser')
      .map((p) => `${p.key}:${p.reason}`)
    expect(userProblems.sort()).toEqual(
      [
        'TicketRequired:badType',
        'HistoryRetentionDays:badValue',
        'UnknownThing:unknownKey',
        'IdentityChecksRequired:badValue',
        'TenantProfiles:badValue',
        'UpdateFeedUrl:badValue',
      ].sort(),
    )
  })

  it('an unreadable file is reported and the app goes on; no file means nothing managed', async () => {
    const { log, lines } = capturingLog()
    const broken = async (path: string) =>
      path.includes('/agent/') ? Buffer.from('not a plist') : Promise.reject(new Error('ENOENT'))
    const policy = await loadManagedPolicy({ platform: 'darwin', readFile: broken, user: 'agent' }, log)
    expect(policy.values).toEqual({})
    expect(policy.problems).toEqual([{ key: '(file)', source: 'macUser', reason: 'unknownKey' }])
    expect(lines.some((l) => l.event === 'policy.unreadable')).toBe(true)
    const none = await loadManagedPolicy({ platform: 'linux' }, log)
    expect(none.values).toEqual({})
  })
})
