import { CodedError } from '@shared/errors'
import type { GraphClient, RequestOptions } from './client'

export interface GraphPage<T> {
  readonly items: readonly T[]
  /** `@odata.count` when Graph sent one (first page, with $count=true or by service choice). */
  readonly count: number | null
  /** 1-based. */
  readonly page: number
  readonly requestId: string | null
}

/** Far above any tenant (200,000 devices / 1000 per page); stops a server that loops. */
const MAX_PAGES = 100_000

/**
 * Follows `@odata.nextLink` to the end, using the full link as given (it carries the skiptoken;
 * learn.microsoft.com/graph/paging) — but only on the profile's Graph origin (client.resolve).
 * A page that is not `{ value: [...] }` ends the walk with GRAPH_BAD_RESPONSE.
 */
export async function* graphPages<T = unknown>(
  client: GraphClient,
  firstPath: string,
  options: Pick<RequestOptions, 'signal'> = {},
): AsyncGenerator<GraphPage<T>> {
  const seen = new Set<string>([firstPath])
  const request = (link: string) => {
    const promise = client.get<unknown>(link, { signal: options.signal })
    // Awaited later; a consumer that stops early must not leave an unhandled rejection behind.
    promise.catch(() => {})
    return promise
  }
  let pending: ReturnType<typeof request> | null = request(firstPath)
  let page = 0
  while (pending !== null) {
    const response = await pending
    pending = null
    page++
    const body = response.body
    if (!body || typeof body !== 'object' || !Array.isArray((body as { value?: unknown }).value)) {
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
    }
  }
}
