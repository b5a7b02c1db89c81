import { timingSafeEqual } from 'node:crypto'
import { BRIDGE_PROTOCOL, SECRET_PROTOCOL_PREFIX } from '@shared/api/bridge'

/** Only loopback: the browser host must never be reachable from the network (DESIGN §4). */
export const ALLOWED_BIND_HOSTS = new Set(['127.0.0.1'])

export function assertLoopbackHost(host: string): void {
  if (!ALLOWED_BIND_HOSTS.has(host)) {
    throw new Error(`The browser host binds 127.0.0.1 only (refused: ${host})`)
  }
}

/** Host header check: a DNS-rebinding page reaches us under its own name, which we refuse. */
export function isAllowedHostHeader(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/** Parses `Sec-WebSocket-Protocol` and compares the secret in constant time. */
export function hasValidSecret(protocolHeader: string | undefined, secret: string): boolean {
  if (!protocolHeader) return false
  const offered = protocolHeader.split(',').map((p) => p.trim())
  if (!offered.includes(BRIDGE_PROTOCOL)) return false
  const candidate = offered.find((p) => p.startsWith(SECRET_PROTOCOL_PREFIX))
  if (!candidate) return false
  const given = Buffer.from(candidate.slice(SECRET_PROTOCOL_PREFIX.length))
  const expected = Buffer.from(secret)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
