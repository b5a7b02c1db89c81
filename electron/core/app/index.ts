import type { CoreModule } from '../module'
import { createAppHandlers, type AppInfoSource } from './handlers'

export type { AppInfoSource } from './handlers'

/** `app:info`: what the app is and where it runs (DESIGN §1). Holds nothing to stop. */
export function createAppModule(source: AppInfoSource): CoreModule<'app:info'> {
  return { handlers: createAppHandlers(source), dispose() {} }
}
