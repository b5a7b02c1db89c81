/**
 * The demo tenant's Graph route table: path pattern → handler per method, tried in order. A path
 * that matches but has no handler for the method falls through to the next route and finally to
 * Graph's 400 "Resource not found for the segment" — except managedDevices items, whose handler
 * answers every method itself (405 as Graph does).
 */
import { auditEvents, auditFunction, remoteActionAudits } from './graph-audits'
import type { GraphCall, GraphReply } from './graph-context'
import { effectivePermissions, me } from './graph-directory'
import { deviceItem, listDevices } from './graph-devices'

type Handler = (call: GraphCall, match: RegExpExecArray) => GraphReply

export interface GraphRoute {
  readonly pattern: RegExp
  readonly GET?: Handler
  readonly POST?: Handler
  /** Answers any method the route has no handler for. */
  readonly ANY?: Handler
}

export const GRAPH_ROUTES: readonly GraphRoute[] = [
  { pattern: /^\/me$/, GET: (call) => me(call) },
  {
    pattern: /^\/deviceManagement\/getEffectivePermissions(?:\((?:scope=)?'([^']*)'\))?$/,
    GET: (call) => effectivePermissions(call),
  },
  { pattern: /^\/deviceManagement\/managedDevices$/, GET: (call) => listDevices(call) },
  {
    pattern: /^\/deviceManagement\/managedDevices(?:\/([^/()]+)|\('([^']+)'\))(?:\/([^/]+))?$/,
    ANY: (call, m) => deviceItem(call, (m[1] ?? m[2])!, m[3]),
  },
  { pattern: /^\/deviceManagement\/remoteActionAudits$/, GET: (call) => remoteActionAudits(call) },
  {
    pattern:
      /^\/deviceManagement\/auditEvents\/(getAuditCategories|getAuditActivityTypes)(?:\((?:category='([^']*)')?\))?$/,
    GET: (call, m) => auditFunction(call, m[1]!, m[2]),
  },
  { pattern: /^\/deviceManagement\/auditEvents$/, GET: (call) => auditEvents(call) },
]

/** The handler for this call, or undefined (the caller answers 400). */
export function findRoute(path: string, method: string): ((call: GraphCall) => GraphReply) | undefined {
  for (const route of GRAPH_ROUTES) {
    const match = route.pattern.exec(path)
    if (!match) continue
    const handler = method === 'GET' ? route.GET : method === 'POST' ? route.POST : undefined
    const chosen = handler ?? route.ANY
    if (chosen) return (call) => chosen(call, match)
  }
  return undefined
}
