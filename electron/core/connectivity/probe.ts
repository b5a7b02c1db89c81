import type { ErrorCode } from '@shared/errors'

/** A probe answers well within the 8-second promise of Refresh (DESIGN §1, reachability). */
export const PROBE_TIMEOUT_MS = 4_000

/**
 * The cheap probe: an unauthenticated GET of the Graph root. Graph answers it (401/400/404) without
 * a token and without touching Intune's per-app budget (domain §2.7), so any HTTP answer below 500
 * proves the path to Graph works; no token is ever sent, so nothing can leak. Returns null when
 * Graph answered, else the code of the failure.
 */
export async function probeGraph(
  graphBaseUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ErrorCode | null> {
  if (!/^https?:\/\//i.test(graphBaseUrl)) return 'OFFLINE' // profile could not start (no endpoint)
  try {
    const response = await fetchImpl(`${graphBaseUrl.replace(/\/+$/, '')}/v1.0/`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel().catch(() => {})
    return response.status >= 500 ? 'GRAPH_UNAVAILABLE' : null
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'TIMEOUT' : 'OFFLINE'
  }
}

/**
 * A fetch that tells the reachability model about every Graph attempt as it happens, so that the
 * status bar knows within the first refused connection, not after the client's retries (~15 s).
 * Aborts by the caller (cancel, deadline) say nothing about Graph and are not noted.
 */
export function reportingFetch(
  note: (outcome: ErrorCode | null) => void,
  fetchImpl: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    try {
      const response = await fetchImpl(input, init)
      note(response.status >= 500 ? 'GRAPH_UNAVAILABLE' : null)
      return response
    } catch (error) {
      const name = error instanceof Error ? error.name : ''
      if (name === 'TimeoutError') note('TIMEOUT')
      else if (name !== 'AbortError') note('OFFLINE')
      throw error
    }
  }
}
