/** What every Graph handler of the demo tenant is given: the tenant's parts and the caller. */
import { json, type Reply } from './http'
import type { GraphRequest } from './graph-query'
import type { IntuneAnswers } from './intune-answers'
import type { IntunePolicies } from './intune-policies'
import type { TenantStore } from './store'
import type { DemoAgent } from './types'
import type { GraphVersion } from './view'

export interface GraphReply extends Reply {
  /** 1-based position of a managedDevices list page (fault injection targets it). */
  readonly pageNumber?: number
}

export interface GraphConfig {
  readonly store: TenantStore
  readonly tenantId: string
  readonly secret: Buffer
  readonly agents: readonly DemoAgent[]
  readonly graphUrl: () => string
  readonly policies: IntunePolicies
  /** Chosen devices answering like real Intune (domain §9). */
  readonly answers: IntuneAnswers
}

/** One authenticated request, as the route table hands it to a handler. */
export interface GraphCall {
  readonly cfg: GraphConfig
  readonly req: GraphRequest
  readonly version: GraphVersion
  /** Path after the version, decoded, without trailing slashes. */
  readonly path: string
  readonly method: string
  readonly agent: DemoAgent
  readonly scopes: ReadonlySet<string>
}

/** A 200 with Graph's `@odata.context` first. */
export function ok(call: GraphCall, context: string, body: Record<string, unknown>): Reply {
  return json(200, { '@odata.context': odataContext(call, context), ...body })
}

export function odataContext(call: GraphCall, context: string): string {
  return `${call.cfg.graphUrl()}/${call.version}/$metadata#${context}`
}
