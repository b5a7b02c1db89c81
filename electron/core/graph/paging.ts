import { CodedError } from '@shared/errors'
import type { GraphClient, RequestOptions } from './client'

export interface GraphPage<T> {
  readonly items: readonly T[]
  /** `@odata.count` when Graph sent one (first page, with $count=true or by service choice). */
  readonly count: number | null
  /** 1-based. */
  readonly page: number
  readonly requestId: string | null
  /** The link to the page after this one, null on the last page (a resumed sync starts there). */
  readonly nextLink: string | null
}

export interface PagingOptions extends Pick<RequestOptions, 'signal' | 'onWait'> {
  /** A page that is not JSON or not `{ value: [...] }` is requested again this many times (default 3). */
  readonly badPageRetries?: number
  /** 1-based number of the first page (a resumed walk keeps counting; default 1). */
  readonly firstPage?: number
}

/** Far above any tenant (200,000 devices / 1000 per page); stops a server that loops. */
const MAX_PAGES = 100_000

/** A response that came back but could not be read as a page: worth asking for again. */
function isBadPage(error: unknown): boolean {
  return (
    error instanceof CodedError && error.code === 'GRAPH_BAD_RESPONSE' && error.detail?.status !== undefined
  )
}

function isPage(body: unknown): boolean {
  return !!body && typeof body === 'object' && Array.isArray((body as { value?: unknown }).value)
}

/**
 * Follows `@odata.nextLink` to the end, using the full link as given (it carries the skiptoken;
 * learn.microsoft.com/graph/paging) — but only on the profile's Graph origin (client.resolve).
 * A truncated or malformed page (not JSON, or not `{ value: [...] }`) is requested again from the
 * same link, a bounded number of times, before the walk ends with GRAPH_BAD_RESPONSE: a proxy or
 * a dropped connection garbles one page without the collection being wrong.
 */
export async function* graphPages<T = unknown>(
  client: GraphClient,
  firstPath: string,
  options: PagingOptions = {},
): AsyncGenerator<GraphPage<T>> {
  const badPageRetries = options.badPageRetries ?? 3
  const seen = new Set<string>([firstPath])
  const fetchOnce = (link: string) =>
    client.get<unknown>(link, { signal: options.signal, onWait: options.onWait })
  const fetchPage = async (link: string) => {
    for (let retry = 0; ; retry++) {
      try {
        const response = await fetchOnce(link)
        if (isPage(response.body) || retry >= badPageRetries) return response
      } catch (error) {
        if (!isBadPage(error) || retry >= badPageRetries) throw error
      }
    }
  }
  const request = (link: string) => {
    const promise = fetchPage(link)
    // Awaited later; a consumer that stops early must not leave an unhandled rejection behind.
    promise.catch(() => {})
    return promise
  }
  let pending: ReturnType<typeof request> | null = request(firstPath)
  let page = (options.firstPage ?? 1) - 1
  while (pending !== null) {
    const response = await pending
    pending = null
    page++
    const body = response.body
    if (!isPage(body)) {
      throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph page has no value array', {
        page,
        requestId: response.requestId,
      })
    }
    const record = body as Record<string, unknown>
    const link = record['@odata.nextLink']
    if (link !== undefined && link !== null && typeof link !== 'string') {
      throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph page has an invalid nextLink', { page })
    }
    if (typeof link === 'string' && link !== '') {
      if (seen.has(link)) throw new CodedError('GRAPH_BAD_RESPONSE', 'Graph repeated a page link')
      if (page >= MAX_PAGES) throw new CodedError('GRAPH_BAD_RESPONSE', 'Too many pages')
      seen.add(link)
      // Ask for the next page before handing this one over: the network and the service work
      // while the caller stores this page (one request in flight, as Graph paging expects).
      pending = request(link)
    }
    const count = record['@odata.count']
    yield {
      items: record.value as T[],
      count: typeof count === 'number' && Number.isFinite(count) && count >= 0 ? Math.floor(count) : null,
      page,
      requestId: response.requestId,
      nextLink: typeof link === 'string' && link !== '' ? link : null,
    }
  }
}
