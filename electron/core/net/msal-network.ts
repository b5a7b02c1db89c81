/**
 * MSAL's network client over a given `fetch` (msal-node's `system.networkClient`). msal-node's
 * default HttpClient calls Node's global fetch, which ignores the OS proxy settings and certificate
 * store; the Electron host hands core Electron's `net.fetch` instead (system proxy, PAC, OS trust
 * store — DESIGN §4 "corporate networks"), and MSAL must use the same stack as Graph. The shape
 * follows msal-node's own HttpClient (src/network/HttpClient.ts): JSON body, headers as a plain
 * object, timeout only on GET, errors as MSAL network errors so MSAL's retry logic recognises them.
 */
import {
  AuthError,
  ClientAuthErrorCodes,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node'

const NETWORK_ERROR = ClientAuthErrorCodes.networkError
const PARSING_ERROR = ClientAuthErrorCodes.tokenParsingError

function headersOf(options?: NetworkRequestOptions): Record<string, string> {
  return { ...(options?.headers ?? {}) }
}

export function createFetchNetworkClient(doFetch: typeof fetch): INetworkModule {
  async function send<T>(
    url: string,
    method: 'GET' | 'POST',
    options?: NetworkRequestOptions,
    timeoutMs?: number,
  ): Promise<NetworkResponse<T>> {
    let response: Response
    try {
      response = await doFetch(url, {
        method,
        headers: headersOf(options),
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      })
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      throw new AuthError(
        NETWORK_ERROR,
        options?.correlationId ?? '',
        timedOut
          ? 'Request timeout'
          : `Network request failed: ${error instanceof Error ? error.message : 'unknown'}`,
      )
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((value, key) => (headers[key] = value))
    try {
      return { headers, body: (await response.json()) as T, status: response.status }
    } catch (error) {
      throw new AuthError(
        PARSING_ERROR,
        options?.correlationId ?? '',
        `Failed to parse response: ${error instanceof Error ? error.message : 'unknown'}`,
      )
    }
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  }
}
