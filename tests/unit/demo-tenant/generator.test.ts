import { describe, expect, it } from 'vitest'
import {
  deviceIdFor,
  generateDevice,
  generateDevices,
  indexFromDeviceId,
  personFor,
  upnOf,
} from '../../../electron/demo-tenant/generator'
import { isLuhnValid } from '../../../electron/demo-tenant/random'
import { SCENARIOS } from '../../../electron/demo-tenant/scenarios'

describe('device generator', () => {
  const devices = generateDevices(1, 3000)

  it('is deterministic for (seed, count, reference time), and differs across seeds', () => {
    // The user pool scales with the count (people own ~1.6 devices), so compare equal counts.
    expect(generateDevices(1, 3000).slice(0, 50)).toEqual(devices.slice(0, 50))
    expect(generateDevices(2, 50).map((d) => d.graph.id)).not.toEqual(
      devices.slice(0, 50).map((d) => d.graph.id),
    )
    expect(generateDevices(1, 50).map((d) => d.graph.id)).toEqual(devices.slice(0, 50).map((d) => d.graph.id))
  })

  it('ids are unique GUIDs that decode back to their index', () => {
    const ids = new Set(devices.map((d) => d.graph.id))
    expect(ids.size).toBe(devices.length)
    for (const i of [0, 1, 17, 2999, 199_999]) expect(indexFromDeviceId(1, deviceIdFor(1, i))).toBe(i)
    expect(indexFromDeviceId(2, deviceIdFor(1, 5))).toBeUndefined()
    expect(indexFromDeviceId(1, '00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('IMEIs are 15 digits with a valid Luhn check digit', () => {
    const imeis = devices.map((d) => String(d.graph.imei)).filter(Boolean)
    expect(imeis.length).toBeGreaterThan(500)
    for (const imei of imeis) {
      expect(imei).toMatch(/^\d{15}$/)
      expect(isLuhnValid(imei)).toBe(true)
    }
  })

  it('uses French and English names with accents, one UPN per person', () => {
    const names = devices.map((d) => String(d.graph.userDisplayName))
    expect(names.some((n) => /[éèëêïçô]/i.test(n))).toBe(true)
    expect(names.some((n) => /^(Oliver|Emily|James|Grace) /.test(n))).toBe(true)
    const byUpn = new Map<string, string>()
    for (const d of devices) {
      const upn = String(d.graph.userPrincipalName)
      if (!upn) continue
      expect(upn).toMatch(/^[a-z0-9.]+@contoso-demo\.example$/)
      const name = String(d.graph.userDisplayName)
      expect(byUpn.get(upn) ?? name).toBe(name)
      byUpn.set(upn, name)
    }
    const upns = new Set(Array.from({ length: 20_000 }, (_, u) => upnOf(personFor(u))))
    expect(upns.size).toBeLessThan(20_000) // suffixes come from personSuffix(); the bijection is per language
  })

  it('spreads last check-ins over months', () => {
    const now = Date.UTC(2026, 10, 26, 12)
    const ages = devices.map((d) => (now - Date.parse(String(d.graph.lastSyncDateTime))) / 86_400_000)
    expect(ages.filter((a) => a < 3).length / ages.length).toBeGreaterThan(0.5)
    expect(ages.some((a) => a > 60)).toBe(true)
  })

  it('puts the named scenarios first', () => {
    SCENARIOS.forEach((s, i) => {
      expect(devices[i].graph.deviceName).toBe(s.deviceName)
      expect(devices[i].traits.kind).toBe(s.kind)
    })
  })

  it('generates lazily and fast: device i costs the same at index 199,999 as at 0', () => {
    // 200,000 devices take ~2 s in the built app (rolldown bundle, 2 busy cores); under vitest's
    // module runner every cross-module access is slower, so measure a 20,000 slice at the far end.
    const ctx = { seed: 9, count: 200_000, now: Date.now() }
    const t0 = performance.now()
    let n = 0
    for (let i = 180_000; i < ctx.count; i++) n += generateDevice(ctx, i).graph.deviceName.length
    const ms = performance.now() - t0
    expect(n).toBeGreaterThan(0)
    expect(ms).toBeLessThan(8_000)
  }, 30_000)
})
