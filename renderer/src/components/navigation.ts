import type { IconName } from './icons'

export interface NavItem {
  /** Route name the item leads to; the item is highlighted for this route and its children. */
  readonly route: string
  /** Other route names under this item (e.g. a device page under Devices). */
  readonly children?: readonly string[]
  readonly labelKey: string
  readonly icon: IconName
}

/** The side bar, top to bottom. A new top-level view adds one entry here and one route. */
export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'devices', children: ['device'], labelKey: 'nav.devices', icon: 'devices' },
  { route: 'history', labelKey: 'nav.history', icon: 'history' },
  { route: 'readiness', labelKey: 'nav.readiness', icon: 'chart' },
  { route: 'settings', labelKey: 'nav.settings', icon: 'settings' },
]
