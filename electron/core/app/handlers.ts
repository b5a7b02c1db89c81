import type { AppInfo, HostKind } from '@shared/api/schemas/app'
import type { Handlers } from '../router'

export interface AppInfoSource {
  readonly version: string
  readonly hostKind: HostKind
  readonly dataDir: string
  readonly locale: () => string
  readonly electronVersions?: { readonly electron: string; readonly chrome: string }
}

export function createAppHandlers(source: AppInfoSource): Handlers<'app:info'> {
  return {
    'app:info': (): AppInfo => ({
      name: 'Passcode Desk',
      version: source.version,
      hostKind: source.hostKind,
      dataDir: source.dataDir,
      locale: source.locale(),
      platform: process.platform,
      versions: {
        node: process.versions.node,
        electron: source.electronVersions?.electron ?? null,
        chrome: source.electronVersions?.chrome ?? null,
      },
    }),
  }
}
