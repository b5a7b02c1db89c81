/**
 * The `fetch` of the Node hosts (browser host, CLI). Node's global fetch ignores `HTTPS_PROXY`
 * (Node 20); behind a corporate proxy the agent's IT sets it, so when one of the usual variables is
 * present, requests go through undici's EnvHttpProxyAgent, which reads HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY (either case) the way curl does (https://undici.nodejs.org/#/docs/api/EnvHttpProxyAgent).
 * The Electron host does not use this: it passes Electron's net.fetch (DESIGN §4).
 * Loopback (the embedded demo tenant) never goes through a proxy.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const

export function proxyFromEnvironment(env: NodeJS.ProcessEnv): string | null {
  for (const name of PROXY_VARIABLES) {
    const value = env[name]
    if (value) return value
  }
  return null
}

function withLoopbackBypass(noProxy: string | undefined): string {
  const loopback = 'localhost,127.0.0.1,::1'
  return noProxy ? `${noProxy},${loopback}` : loopback
}

/** Global fetch without a proxy variable; otherwise undici's fetch through the environment's proxy. */
export function createNodeFetch(env: NodeJS.ProcessEnv = process.env): typeof fetch {
  if (!proxyFromEnvironment(env)) return globalThis.fetch
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: env.HTTP_PROXY ?? env.http_proxy,
    httpsProxy: env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy,
    noProxy: withLoopbackBypass(env.NO_PROXY ?? env.no_proxy),
  })
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch
}
