/**
 * The Graph front door of the demo tenant: what happens to a `/v1.0|/beta` request before and after
 * the Graph look-alike answers it — Graph's ids headers (`request-id`, the client's echoed
 * `client-request-id`, `x-ms-ags-diagnostic`), Intune's budgets (429 + Retry-After), injected faults
 * (throttle, 503/504, dropped connection, truncated page; decisions from rng(seed, n)) and OData's
 * JSON content type.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { decide } from './faults'
import type { GraphApi } from './graph'
import { graphError, type GraphRequest } from './graph-query'
import { serialise, writeReply, type Reply } from './http'
import { verifyJwt } from './jwt'
import type { IntuneBudgetLimiter } from './rate-limits'
import type { FaultOptions } from './types'

/** What Graph sends as Content-Type for JSON payloads. */
const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'

export interface GraphFrontConfig {
  readonly graph: GraphApi
  readonly faults: () => FaultOptions
  readonly seed: number
  readonly limiter: IntuneBudgetLimiter
  readonly secret: Buffer
}

/** Notes the answered status in the request log (0 = connection dropped). */
export type RecordStatus = (status: number) => void

export function createGraphFront(
  cfg: GraphFrontConfig,
): (req: IncomingMessage, res: ServerResponse, url: URL, method: string, record: RecordStatus) => void {
  let graphSequence = 0
  const appIdOf = (req: IncomingMessage): string => {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '')
    return String(verifyJwt(token, cfg.secret)?.appid ?? '')
  }

  return (req, res, url, method, record) => {
    const faults = cfg.faults()
    const requestId = randomUUID()
    const clientRequestId = String(req.headers['client-request-id'] ?? requestId)
    const gReq: GraphRequest = { method, url, headers: req.headers, requestId, clientRequestId }
    const ids = {
      'request-id': requestId,
      'client-request-id': clientRequestId,
      'x-ms-ags-diagnostic':
        '{"ServerInfo":{"DataCenter":"Loopback","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"DEMO"}}',
    }
    const decision = decide(faults, cfg.seed, graphSequence++)
    if (decision.kind === 'drop') {
      // Headers and half a body, then the socket dies: the client sees a premature close.
      record(0)
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096', ...ids })
      res.write('{"@odata.context":"')
      setImmediate(() => res.destroy())
      return
    }
    let reply: Reply & { pageNumber?: number }
    const limited = faults.intuneRateLimits ? cfg.limiter.take(appIdOf(req), method !== 'GET') : 0
    if (limited > 0) {
      reply = graphError(
        429,
        'TooManyRequests',
        'Too many requests: Intune service limit reached for this application.',
        gReq,
        { 'retry-after': String(limited) },
      )
    } else if (decision.kind === 'throttle') {
      reply = graphError(
        429,
        'TooManyRequests',
        'Too many requests. Retry after the delay in Retry-After.',
        gReq,
        faults.omitRetryAfter ? {} : { 'retry-after': String(faults.retryAfterSeconds) },
      )
    } else if (decision.kind === 'unavailable') {
      reply = graphError(
        decision.status,
        decision.status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout',
        decision.status === 503
          ? 'The service is temporarily unavailable.'
          : 'The gateway did not receive a timely response.',
        gReq,
        { 'retry-after': '1' },
      )
    } else {
      reply = cfg.graph.handle(gReq)
    }
    const odata: Record<string, string> = reply.headers?.['content-type']?.startsWith('application/json')
      ? { 'content-type': GRAPH_JSON, 'odata-version': '4.0' }
      : {}
    reply = { ...reply, headers: { ...reply.headers, ...odata, ...ids } }
    let text = serialise(reply)
    const malformed =
      decision.kind === 'none' &&
      reply.pageNumber !== undefined &&
      (decision.malformed || reply.pageNumber === faults.malformedPageAt)
    if (malformed && text) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)))
    record(reply.status)
    writeReply(res, reply, text)
  }
}
