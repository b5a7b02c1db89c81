import type { Channel } from '@shared/api/channels'
import type { Handlers } from './router'

/**
 * What each domain folder's `create<Domain>Module(deps)` returns (DESIGN §1 "one composition
 * root"): the handlers of its `domain:*` channels and how to stop it. `createCore` only composes these.
 */
export interface CoreModule<C extends Channel> {
  readonly handlers: Handlers<C>
  dispose(): void | Promise<void>
}
