import type { ManagedPolicy } from '@shared/api/schemas/policy'
import type { Handlers } from '../router'

/** `policy:get`: what the organisation manages, read once at start (registry / managed preferences). */
export function createPolicyHandlers(policy: ManagedPolicy): Handlers<'policy:get'> {
  return { 'policy:get': () => policy }
}
