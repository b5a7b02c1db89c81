/** Every generated device and every action result validates against Microsoft's schema. */
import { describe, expect, it } from 'vitest'
import { generateDevices } from '../../../electron/demo-tenant/generator'
import { actionResultJson, TenantStore } from '../../../electron/demo-tenant/store'
import { project } from '../../../electron/demo-tenant/view'
import { checkComplex, validateAuditEvent, validateManagedDevice, type Flavour } from './graph-schema'

const COUNT = 5000
const devices = generateDevices(7, COUNT)

describe('generated devices against the managedDevice schema', () => {
  const flavours: [Flavour, 'v1.0' | 'beta', boolean][] = [
    ['v1.0', 'v1.0', false],
    ['v1.0+prefer', 'v1.0', true],
    ['beta', 'beta', false],
  ]
  for (const [flavour, version, include] of flavours) {
    it(`all ${COUNT} devices validate as ${flavour} (list and single GET with $select)`, () => {
      const errors: string[] = []
      for (const d of devices) {
        errors.push(
          ...validateManagedDevice(
            project(d.graph, { version, includeUnknownEnumMembers: include, select: null, single: false }),
            flavour,
            true,
          ),
        )
        if (errors.length > 20) break
      }
      expect(errors.slice(0, 20)).toEqual([])
      // A single GET selecting the select-only properties returns real values that also validate.
      const select = [
        'id',
        'udid',
        'iccid',
        'ethernetMacAddress',
        'physicalMemoryInBytes',
        'deviceEnrollmentType',
        'managementAgent',
      ]
      for (const d of devices.slice(0, 500)) {
        errors.push(
          ...validateManagedDevice(
            project(d.graph, { version, includeUnknownEnumMembers: include, select, single: true }),
            flavour,
            false,
          ),
        )
      }
      expect(errors.slice(0, 20)).toEqual([])
    })
  }

  it('the v1.0 validator rejects beta-only members and properties (the check can fail)', () => {
    const aosp = devices.find((d) => d.graph.deviceEnrollmentType === 'androidAOSPUserOwnedDeviceEnrollment')!
    const raw = project(aosp.graph, {
      version: 'v1.0',
      includeUnknownEnumMembers: true,
      select: null,
      single: false,
    })
    expect(validateManagedDevice(raw, 'v1.0', true).join('\n')).toContain('deviceEnrollmentType')
    expect(
      validateManagedDevice({ ...raw, deviceType: 'android' }, 'v1.0+prefer', true).join('\n'),
    ).toContain('deviceType')
    expect(validateManagedDevice({ ...raw, isEncrypted: null }, 'v1.0+prefer', true).join('\n')).toContain(
      'not nullable',
    )
  })

  it('generated data covers every platform and both sides of each rule boundary', () => {
    const kinds = new Set(devices.map((d) => d.traits.kind))
    expect(kinds.size).toBe(14)
    const major = (d: (typeof devices)[number]): number => parseInt(String(d.graph.osVersion), 10)
    const of = (kind: string) => devices.filter((d) => d.traits.kind === kind)
    expect(of('androidDeviceAdministrator').some((d) => major(d) <= 6)).toBe(true)
    expect(of('androidDeviceAdministrator').some((d) => major(d) >= 7)).toBe(true)
    expect(of('androidWorkProfile').some((d) => major(d) === 7)).toBe(true)
    expect(of('androidWorkProfile').some((d) => major(d) >= 8)).toBe(true)
    const os = new Set(devices.map((d) => d.graph.operatingSystem))
    for (const o of [
      'iOS',
      'iPadOS',
      'Android',
      'AndroidForWork',
      'AndroidEnterprise',
      'AndroidAOSP',
      'Windows',
      'macOS',
      'Linux',
      'visionOS',
    ]) {
      expect(os).toContain(o)
    }
    const states = new Set(devices.map((d) => d.graph.managementState))
    expect(states).toContain('wipePending')
    expect(states).toContain('retirePending')
  })
})

describe('action results and audits against the schema', () => {
  it('resetPasscode and remoteLock results validate in every state', () => {
    const store = new TenantStore({ seed: 3, count: 400, now: Date.now() }, 0)
    const agent = {
      upn: 'elodie.marchand@contoso-demo.example',
      objectId: '00000000-0000-4000-8000-000000000001',
    }
    const errors: string[] = []
    const records = []
    for (let i = 0; i < 400; i++) {
      records.push(store.issue(i, 'resetPasscode', agent, 'client'))
      if (i % 5 === 0) records.push(store.issue(i, 'remoteLock', agent, 'client'))
    }
    const states = new Set<string>()
    for (const at of [records[0].requestedAt, records[0].requestedAt + 10, records[0].requestedAt + 60_000]) {
      for (const r of records) {
        const json = actionResultJson(r, at)
        states.add(String(json.actionState))
        checkComplex(`${r.deviceId}.deviceActionResults`, json, 'deviceActionResult', 'v1.0', errors)
      }
    }
    expect(errors.slice(0, 10)).toEqual([])
    expect(states).toEqual(new Set(['pending', 'done', 'failed', 'notSupported', 'canceled']))
    // The device payload carrying them still validates.
    const device = project(store.device(0, records[0].requestedAt + 60_000), {
      version: 'v1.0',
      includeUnknownEnumMembers: false,
      select: null,
      single: false,
    })
    expect(validateManagedDevice(device, 'v1.0', true)).toEqual([])
    for (const audit of store.audits.slice(0, 50)) expect(validateAuditEvent(audit.json)).toEqual([])
  })
})
