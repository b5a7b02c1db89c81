/**
 * Graph request plumbing shared by the handlers: error shape, OData query options ($select, $top,
 * $skiptoken, $filter, $count) and paging links.
 */
import { FilterError, parseFilter, type FilterSpec, type Node } from './filter'
import { json, type Reply } from './http'
import { isKnownProperty, type GraphVersion } from './view'

export const MAX_PAGE = 1000

export interface GraphRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly requestId: string
  readonly clientRequestId: string
}

export function graphError(
  status: number,
  code: string,
  message: string,
  req: GraphRequest,
  headers: Record<string, string> = {},
): Reply {
  return json(
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId,
        },
      },
    },
    headers,
  )
}

export class HttpFailure extends Error {
  constructor(readonly reply: Reply) {
    super('graph failure')
  }
}

export interface Skip {
  /** Next index (device list) or offset (audits) to scan from. */
  readonly p: number
  /** Page number of the page this token fetches. */
  readonly n: number
  /** Total count carried from the first page ($count=true). */
  readonly c?: number
}

const encodeSkip = (s: Skip): string => Buffer.from(JSON.stringify(s)).toString('base64url')

export function fail(
  status: number,
  code: string,
  message: string,
  req: GraphRequest,
  headers: Record<string, string> = {},
): never {
  throw new HttpFailure(graphError(status, code, message, req, headers))
}

export function checkQueryOptions(req: GraphRequest, allowed: readonly string[]): void {
  for (const key of req.url.searchParams.keys()) {
    if (key.startsWith('$') && !allowed.includes(key)) {
      fail(
        400,
        'BadRequest',
        `Query option '${key}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`,
        req,
      )
    }
  }
}

export function parseSelect(req: GraphRequest, version: GraphVersion): string[] | null {
  const raw = req.url.searchParams.get('$select')
  if (raw === null) return null
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (names.length === 0)
    fail(400, 'BadRequest', "The query specified in the URI is not valid. '$select' is empty.", req)
  for (const n of names) {
    if (!isKnownProperty(version, n)) {
      fail(
        400,
        'BadRequest',
        `Could not find a property named '${n}' on type 'microsoft.graph.managedDevice'.`,
        req,
      )
    }
  }
  return names
}

export function parseTop(req: GraphRequest): number {
  const raw = req.url.searchParams.get('$top')
  if (raw === null) return MAX_PAGE
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    fail(400, 'BadRequest', `Invalid value '${raw}' for $top query option found.`, req)
  // Intune caps pages at 1000 whatever $top asks (domain §2.6).
  return Math.min(Number(raw), MAX_PAGE)
}

export function parseSkip(req: GraphRequest): Skip {
  const raw = req.url.searchParams.get('$skiptoken')
  if (raw === null) return { p: 0, n: 1 }
  try {
    const s = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Skip
    if (Number.isInteger(s.p) && s.p >= 0 && Number.isInteger(s.n) && s.n >= 1) return s
  } catch {
    // fall through
  }
  fail(400, 'BadRequest', 'The $skiptoken value is not valid.', req)
}

export function parseFilterParam(req: GraphRequest, spec: FilterSpec): Node | null {
  const raw = req.url.searchParams.get('$filter')
  if (raw === null || raw.trim() === '') return null
  try {
    return parseFilter(raw, spec)
  } catch (e) {
    if (e instanceof FilterError) fail(400, 'BadRequest', e.message, req)
    throw e
  }
}

export function wantsCount(req: GraphRequest): boolean {
  const raw = req.url.searchParams.get('$count')
  if (raw === null) return false
  if (raw !== 'true' && raw !== 'false') fail(400, 'BadRequest', `'${raw}' is not a valid count option.`, req)
  return raw === 'true'
}

export function nextLink(req: GraphRequest, skip: Skip, graphUrl: string): string {
  const next = new URL(req.url.pathname, graphUrl)
  for (const [k, v] of req.url.searchParams) if (k !== '$skiptoken') next.searchParams.append(k, v)
  next.searchParams.set('$skiptoken', encodeSkip(skip))
  return next.toString()
}

export function headerOf(req: GraphRequest, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v.join(',') : v
}
