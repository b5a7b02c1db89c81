import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { vi } from 'vitest'

/** Every file below `dir`, for the scans that prove no token or passcode reached the disk. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/**
 * Records every token the identity endpoints hand out, as MSAL receives them (spying on the real
 * fetch, which still answers). Restore with `vi.restoreAllMocks()`.
 */
export function captureIssuedTokens(): Set<string> {
  const secrets = new Set<string>()
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await realFetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.includes('/oauth2/v2.0/token') && response.ok) {
      const body = (await response.clone().json()) as Record<string, unknown>
      for (const key of ['access_token', 'refresh_token', 'id_token']) {
        if (typeof body[key] === 'string') secrets.add(body[key] as string)
      }
    }
    return response
  })
  return secrets
}
