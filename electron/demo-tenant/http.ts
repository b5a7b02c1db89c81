/** Small node:http helpers shared by the Graph and identity handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Object → JSON; string → as is; undefined → no body. */
  body?: unknown
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
})

export const html = (status: number, body: string): Reply => ({
  status,
  body,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
})

export const redirect = (location: string): Reply => ({
  status: 302,
  headers: { location, 'cache-control': 'no-store' },
})

export function serialise(reply: Reply): string | undefined {
  if (reply.body === undefined) return undefined
  return typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
}

const MAX_BODY = 64 * 1024

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function writeReply(res: ServerResponse, reply: Reply, body = serialise(reply)): void {
  const headers: Record<string, string | number> = { ...reply.headers }
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body)
  res.writeHead(reply.status, headers)
  res.end(body)
}

export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
