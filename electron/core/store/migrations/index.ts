import { migration0010 } from './0010-initial'
import { migration0020 } from './0020-actions'
import { migration0030 } from './0030-device-scope'
import { migration0050 } from './0050-filter-words'
import { migration0060 } from './0060-action-caller'
import { migration0090 } from './0090-failure-lookups'
import { migration0100 } from './0100-readiness-index'
import { migration0110 } from './0110-check-in-weeks'
import { migration0120 } from './0120-check-in-counts'
import { migration0140 } from './0140-platform-filter'
import { migration0150 } from './0150-raw-key'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every migration, in order. Add one file per migration and one line here. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0050,
  migration0060,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0140,
  migration0150,
]
