import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateDevices } from '../../../../../electron/demo-tenant/generator'
import { BETA_FIELDS } from '../../../../../electron/core/sync/fields'
import { toDeviceRecord, type DeviceRecord } from '../../../../../electron/core/store/device-record'

export function tempDir(): { dir: string; file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pd-store-'))
  return { dir, file: join(dir, 'cache.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Demo-tenant devices as the sync receives them ($select of the beta fields). */
export function selectedDevices(count: number, seed = 3): Record<string, unknown>[] {
  return generateDevices(seed, count).map((d) =>
    Object.fromEntries(BETA_FIELDS.map((f) => [f, d.graph[f] ?? null])),
  )
}

export function records(
  devices: readonly Record<string, unknown>[],
  at = '2026-11-26T12:00:00.000Z',
): DeviceRecord[] {
  return devices.map((d) => toDeviceRecord(d, 'beta', at)!)
}
