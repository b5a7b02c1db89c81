import { describe, expect, it } from 'vitest'
import { createGraphClient } from '../../../../../electron/core/graph/client'
import { graphPages } from '../../../../../electron/core/graph/paging'
import { CodedError } from '../../../../../shared/errors'

/** Answers by URL; each URL's replies are served in order (the last one repeats). */
function byUrl(replies: Record<string, string[]>) {
  const calls: string[] = []
  const graph = createGraphClient({
    baseUrl: 'http://127.0.0.1:9',
    getAccessToken: async () => 'token',
    fetch: (async (url: URL | string) => {
      const key = String(url).replace('http://127.0.0.1:9', '')
      calls.push(key)
      const list = replies[key] ?? ['{"error":{"code":"NotFound"}}']
      const text = list.length > 1 ? list.shift()! : list[0]!
      return new Response(text, { status: text.startsWith('{"error"') ? 404 : 200 })
    }) as typeof fetch,
    sleep: async () => {},
  })
  return { graph, calls }
}

const page = (ids: string[], next?: string) =>
  JSON.stringify({
    value: ids.map((id) => ({ id })),
    ...(next ? { '@odata.nextLink': `http://127.0.0.1:9${next}` } : {}),
  })

async function collect(g: ReturnType<typeof byUrl>['graph'], first: string, firstPage?: number) {
  const out: { page: number; ids: string[]; nextLink: string | null }[] = []
  for await (const p of graphPages<{ id: string }>(g, first, { firstPage }))
    out.push({ page: p.page, ids: p.items.map((i) => i.id), nextLink: p.nextLink })
  return out
}

describe('graphPages: truncated or malformed pages', () => {
  it('asks for a truncated page again from the same link, then carries on', async () => {
    const full = page(['b', 'c'], '/d?s=3')
    const { graph, calls } = byUrl({
      '/d': [page(['a'], '/d?s=2')],
      '/d?s=2': [full.slice(0, 20), '{"value": 12}', full],
      '/d?s=3': [page(['d'])],
    })
    expect(await collect(graph, '/d')).toEqual([
      { page: 1, ids: ['a'], nextLink: 'http://127.0.0.1:9/d?s=2' },
      { page: 2, ids: ['b', 'c'], nextLink: 'http://127.0.0.1:9/d?s=3' },
      { page: 3, ids: ['d'], nextLink: null },
    ])
    expect(calls).toEqual(['/d', '/d?s=2', '/d?s=2', '/d?s=2', '/d?s=3'])
  })

  it('fails GRAPH_BAD_RESPONSE after a bounded number of tries', async () => {
    const { graph, calls } = byUrl({ '/d': ['{"value": [{"id"'] })
    const error = await collect(graph, '/d').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CodedError)
    expect((error as CodedError).code).toBe('GRAPH_BAD_RESPONSE')
    expect(calls).toHaveLength(4)
  })

  it('does not retry a refusal that is not a bad page (404 stays a 404, once)', async () => {
    const { graph, calls } = byUrl({})
    const error = await collect(graph, '/d').catch((e: unknown) => e)
    expect((error as CodedError).code).toBe('GRAPH_NOT_FOUND')
    expect(calls).toHaveLength(1)
  })

  it('starts from a saved nextLink and keeps counting pages (a resumed sync)', async () => {
    const { graph } = byUrl({ '/d?s=2': [page(['b'], '/d?s=3')], '/d?s=3': [page(['c'])] })
    expect((await collect(graph, 'http://127.0.0.1:9/d?s=2', 2)).map((p) => [p.page, p.ids])).toEqual([
      [2, ['b']],
      [3, ['c']],
    ])
  })
})
