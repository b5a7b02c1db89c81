/**
 * Microsoft Graph look-alike for the Intune slice the app uses, under /v1.0 and /beta. Errors use
 * Graph's shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
 * This file checks the version and the token, then hands the call to the route table
 * (`graph-routes.ts`); the handlers live in `graph-devices.ts`, `graph-audits.ts`, `graph-directory.ts`.
 */
import { authenticate } from './graph-auth'
import type { GraphCall, GraphConfig, GraphReply } from './graph-context'
import { fail, HttpFailure, type GraphRequest } from './graph-query'
import { findRoute } from './graph-routes'
import type { GraphVersion } from './view'

export { graphError, MAX_PAGE, type GraphRequest } from './graph-query'
export type { GraphConfig, GraphReply } from './graph-context'

export class GraphApi {
  constructor(private readonly cfg: GraphConfig) {}

  handle(req: GraphRequest): GraphReply {
    try {
      return this.route(req)
    } catch (e) {
      if (e instanceof HttpFailure) return e.reply
      throw e
    }
  }

  private route(req: GraphRequest): GraphReply {
    const m = /^\/(v1\.0|beta)(\/.*)$/.exec(req.url.pathname)
    if (!m) fail(400, 'BadRequest', `Invalid version: '${req.url.pathname.split('/')[1] ?? ''}'.`, req)
    const version = m[1] as GraphVersion
    const path = decodeURIComponent(m[2]).replace(/\/+$/, '')
    const { agent, scopes } = authenticate(req, this.cfg)
    const method = req.method.toUpperCase()
    const handler = findRoute(path, method)
    if (!handler) {
      fail(
        400,
        'BadRequest',
        `Resource not found for the segment '${path.split('/').filter(Boolean).pop() ?? ''}'.`,
        req,
      )
    }
    const call: GraphCall = { cfg: this.cfg, req, version, path, method, agent, scopes }
    return handler(call)
  }
}
