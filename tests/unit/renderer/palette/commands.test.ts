import { NAV_ITEMS } from '@renderer/components/navigation'
import { describe, expect, it, vi } from 'vitest'
import { paletteItems, type PaletteContext, type PaletteItem } from '@renderer/components/palette/commands'
import { runPaletteEffect, type PaletteRunDeps } from '@renderer/components/palette/run'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import type { DeviceRow } from '@shared/api/schemas/devices'

type Tree = { readonly [key: string]: string | Tree }
/** A tiny `t` over the real catalogue: the labels the agent reads, so the matching is tested on them. */
function translator(catalogue: Tree) {
  const t = (key: string, named: Record<string, unknown> = {}) => {
    const value = key
      .split('.')
      .reduce<string | Tree | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        catalogue,
      )
    if (typeof value !== 'string') throw new Error(`missing ${key}`)
    return value.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name]))
  }
  const tc = (key: string, n: number) => {
    const forms = t(key, { n }).split(' | ')
    return forms[Math.min(n, forms.length - 1)]!
  }
  return { t, tc }
}

const row = (over: Partial<DeviceRow>): DeviceRow => ({
  id: 'dev-1',
  deviceName: 'iPhone de Hélène',
  userPrincipalName: 'helene.durand@contoso.example',
  userDisplayName: 'Hélène Durand',
  operatingSystem: 'iOS',
  osVersion: '17.5',
  model: 'iPhone 15',
  manufacturer: 'Apple',
  serialNumber: 'F2LXK0AAHG7J',
  ownership: 'company',
  complianceState: 'compliant',
  lastSyncDateTime: null,
  enrollmentKind: 'iosDeviceEnrollment',
  verdict: 'eligible',
  action: 'removePasscode',
  ...over,
})

function ctx(over: Partial<PaletteContext> = {}, catalogue: Tree = en): PaletteContext {
  return {
    ...translator(catalogue),
    query: '',
    device: null,
    agentUpn: 'elodie@contoso.example',
    now: Date.parse('2026-12-01T12:00:00Z'),
    rows: [],
    ...over,
  }
}
const ids = (items: PaletteItem[]) => items.map((i) => i.id)
const openDevice = { id: 'dev-1', name: 'iPhone de Hélène', serial: 'F2LXK0AAHG7J', walkthroughBlocked: '' }

describe('palette commands', () => {
  it('with nothing typed: navigation, history filters and every settings section; no device actions', () => {
    const items = paletteItems(ctx())
    expect(ids(items)).toEqual([
      'history-failed',
      'history-inProgress',
      'history-week',
      'history-mine',
      'settings-appearance',
      'settings-account',
      'settings-profiles',
      'settings-policy',
      'settings-sync',
      'settings-about',
      'go-devices',
      'go-history',
      'go-readiness',
      'go-settings',
    ])
    expect(items.find((i) => i.id === 'history-week')?.effect).toEqual({
      kind: 'history',
      filters: { from: '2026-11-24T12:00:00.000Z' },
    })
    expect(ids(paletteItems(ctx({ agentUpn: null })))).not.toContain('history-mine')
  })

  it('on a device page its actions come first; a blocked walkthrough is shown with its reason', () => {
    const items = paletteItems(ctx({ device: openDevice }))
    expect(ids(items).slice(0, 4)).toEqual([
      'device-walkthrough',
      'device-refresh',
      'device-copy-serial',
      'device-history',
    ])
    expect(items[0]!.effect).toEqual({ kind: 'walkthrough', deviceId: 'dev-1' })
    expect(items[2]!.effect).toEqual({ kind: 'copySerial', serial: 'F2LXK0AAHG7J' })
    expect(items[3]!.effect).toEqual({ kind: 'history', filters: { device: 'dev-1' } })
    const blocked = paletteItems(ctx({ device: { ...openDevice, serial: null, walkthroughBlocked: 'No.' } }))
    expect(blocked[0]).toMatchObject({ id: 'device-walkthrough', disabledReason: 'No.' })
    expect(ids(blocked)).not.toContain('device-copy-serial')
  })

  it('finds commands fuzzily and without accents, in French and English', () => {
    expect(ids(paletteItems(ctx({ query: 'echec' }, fr)))[0]).toBe('history-failed')
    expect(ids(paletteItems(ctx({ query: 'hist fail' })))[0]).toBe('history-failed')
    expect(ids(paletteItems(ctx({ query: 'parametres apparence' }, fr)))[0]).toBe('settings-appearance')
    // Every view of the side bar has its entry, Readiness included, by its French name too.
    expect(ids(paletteItems(ctx({ query: 'parc' }, fr)))[0]).toBe('go-readiness')
    expect(ids(paletteItems(ctx({ query: 'readiness' })))[0]).toBe('go-readiness')
    const goTo = ids(paletteItems(ctx())).filter((id) => id.startsWith('go-'))
    expect(goTo.sort()).toEqual(NAV_ITEMS.map((n) => `go-${n.route}`).sort())
    expect(ids(paletteItems(ctx({ query: 'procedure', device: openDevice }, fr)))[0]).toBe(
      'device-walkthrough',
    )
    expect(ids(paletteItems(ctx({ query: 'cpy srl', device: openDevice })))[0]).toBe('device-copy-serial')
    // Keywords in the other language find it too.
    expect(ids(paletteItems(ctx({ query: 'theme' }, fr)))).toContain('settings-appearance')
  })

  it('devices and people come from core’s answer; the text is offered as a History search', () => {
    const rows = [
      row({}),
      row({ id: 'dev-2', deviceName: 'iPad de Hélène', model: 'iPad Air' }),
      row({
        id: 'dev-3',
        deviceName: null,
        userPrincipalName: null,
        userDisplayName: null,
        serialNumber: 'R58N',
      }),
    ]
    const items = paletteItems(ctx({ query: 'zzzz hélène', rows }))
    expect(ids(items)).toEqual([
      'device-dev-1',
      'device-dev-2',
      'device-dev-3',
      'person-helene.durand@contoso.example',
      'history-search-device',
    ])
    expect(items[0]).toMatchObject({
      label: 'iPhone de Hélène',
      detail: 'iPhone 15 · Hélène Durand · F2LXK0AAHG7J',
    })
    expect(items[2]).toMatchObject({ label: 'R58N' })
    expect(items[3]).toMatchObject({
      label: 'Hélène Durand',
      detail: 'helene.durand@contoso.example · 2 devices',
      effect: { kind: 'person', query: 'helene.durand@contoso.example' },
    })
    expect(items[4]!.effect).toEqual({ kind: 'history', filters: { device: 'zzzz hélène' } })
  })

  it('a ticket-like text also offers the History of that ticket (French quotes with no-break spaces)', () => {
    const items = paletteItems(ctx({ query: 'INC0012345' }, fr))
    const ticket = items.find((i) => i.id === 'history-search-ticket')
    expect(ticket?.effect).toEqual({ kind: 'history', filters: { ticket: 'INC0012345' } })
    expect(ticket?.label).toBe('Historique\u00a0: ticket «\u00a0INC0012345\u00a0»')
    expect(ids(paletteItems(ctx({ query: 'hélène' })))).not.toContain('history-search-ticket')
  })
})

function deps(over: { refresh?: 'updated' | 'gone'; copyFails?: boolean } = {}) {
  return {
    navigate: vi.fn<PaletteRunDeps['navigate']>(async () => undefined),
    setHistoryFilters: vi.fn<PaletteRunDeps['setHistoryFilters']>(),
    setDeviceQuery: vi.fn<PaletteRunDeps['setDeviceQuery']>(),
    refreshDevice: vi.fn<PaletteRunDeps['refreshDevice']>(async () => over.refresh ?? 'updated'),
    copyText: vi.fn<PaletteRunDeps['copyText']>(async () => {
      if (over.copyFails) throw new Error('denied')
    }),
    notify: vi.fn<PaletteRunDeps['notify']>(),
    focusSection: vi.fn<PaletteRunDeps['focusSection']>(),
  } satisfies PaletteRunDeps
}

describe('running a palette entry', () => {
  it('"Start the walkthrough" only opens the walkthrough: nothing is sent, refreshed or copied', async () => {
    const d = deps()
    await runPaletteEffect({ kind: 'walkthrough', deviceId: 'dev-1' }, d)
    expect(d.navigate).toHaveBeenCalledWith({ name: 'walkthrough', params: { deviceId: 'dev-1' } })
    expect(d.refreshDevice).not.toHaveBeenCalled()
    expect(d.copyText).not.toHaveBeenCalled()
  })

  it('History entries set the filters before opening History; people open Devices with their UPN', async () => {
    const d = deps()
    await runPaletteEffect({ kind: 'history', filters: { states: ['failed'] } }, d)
    expect(d.setHistoryFilters).toHaveBeenCalledWith({ states: ['failed'] })
    expect(d.navigate).toHaveBeenCalledWith({ name: 'history' })
    expect(d.setHistoryFilters.mock.invocationCallOrder[0]).toBeLessThan(
      d.navigate.mock.invocationCallOrder[0]!,
    )
    await runPaletteEffect({ kind: 'person', query: 'helene@contoso.example' }, d)
    expect(d.setDeviceQuery).toHaveBeenCalledWith('helene@contoso.example')
    expect(d.navigate).toHaveBeenLastCalledWith({ name: 'devices' })
    await runPaletteEffect({ kind: 'settings', section: 'sync' }, d)
    expect(d.navigate).toHaveBeenLastCalledWith({ name: 'settings' })
    expect(d.focusSection).toHaveBeenCalledWith('sync')
  })

  it('says what happened: refreshed, gone (back to the results), copied or not', async () => {
    const d = deps()
    await runPaletteEffect({ kind: 'refresh', deviceId: 'dev-1' }, d)
    expect(d.notify).toHaveBeenLastCalledWith('success', 'palette.done.refreshed')
    const gone = deps({ refresh: 'gone' })
    await runPaletteEffect({ kind: 'refresh', deviceId: 'dev-1' }, gone)
    expect(gone.notify).toHaveBeenLastCalledWith('warning', 'devices.detail.gone')
    expect(gone.navigate).toHaveBeenLastCalledWith({ name: 'devices' })
    await runPaletteEffect({ kind: 'copySerial', serial: 'F2LX' }, d)
    expect(d.copyText).toHaveBeenCalledWith('F2LX')
    expect(d.notify).toHaveBeenLastCalledWith('success', 'palette.done.serialCopied')
    const refused = deps({ copyFails: true })
    await runPaletteEffect({ kind: 'copySerial', serial: 'F2LX' }, refused)
    expect(refused.notify).toHaveBeenLastCalledWith('error', 'palette.done.copyFailed')
  })
})
