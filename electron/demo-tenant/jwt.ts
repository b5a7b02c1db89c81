/** Minimal HS256 JWTs: enough for Graph-style bearer tokens and id tokens MSAL decodes. */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

export function signJwt(claims: Record<string, unknown>, secret: Buffer, kid: string): string {
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid }))
  const payload = b64url(JSON.stringify(claims))
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}

/** Returns the claims when the signature matches, otherwise undefined (no exp check here). */
export function verifyJwt(token: string, secret: Buffer): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest()
  const actual = Buffer.from(parts[2], 'base64url')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}
