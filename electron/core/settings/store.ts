import { join } from 'node:path'
import {
  DEFAULT_SETTINGS,
  settings as settingsSchema,
  type Settings,
  type SettingsUpdate,
} from '@shared/api/schemas/settings'
import { readJsonFile, writeJsonFile } from '../json-file'

export interface SettingsStore {
  get(): Settings
  update(patch: SettingsUpdate): Settings
}

/** Agent preferences and the team's action policy, in `settings.json` beside the databases. */
export function createSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, 'settings.json')
  let current = readJsonFile(path, settingsSchema, DEFAULT_SETTINGS)
  return {
    get: () => current,
    update(patch) {
      const next: Settings = {
        locale: patch.locale ?? current.locale,
        theme: patch.theme ?? current.theme,
        policy: patch.policy ?? current.policy,
        sync: patch.sync ?? current.sync,
        ticketNote: patch.ticketNote ?? current.ticketNote,
      }
      writeJsonFile(path, next)
      current = next
      return current
    },
  }
}
