import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Readonly<Record<string, unknown>>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Field names whose values are never written, whatever they hold (DESIGN §4: no token, no passcode). */
const SECRET_KEY = /token|passcode|password|secret|authorization|cookie|code_verifier|client_info|^code$/i
/** JWT-shaped strings and bearer headers are scrubbed even under an innocent key. */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi

export function redactString(value: string): string {
  return value.replace(JWT, '[redacted-jwt]').replace(BEARER, 'Bearer [redacted]')
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]'
  if (typeof value === 'string') return redactString(value)
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactString(value.message),
      code: (value as { code?: unknown }).code,
    }
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)
    return out
  }
  return value
}

export interface LoggerOptions {
  /** Directory for `passcode-desk.log`; omitted = no file. */
  readonly dir?: string
  readonly level?: LogLevel
  /** Also write to stderr (development, CLI with --verbose). */
  readonly console?: boolean
}

/** JSON-lines logger. Every line passes through `redact`, so a careless call cannot leak a secret. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? 'info']
  let file: string | null = null
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true })
    file = join(options.dir, 'passcode-desk.log')
  }
  const write = (level: LogLevel, event: string, fields?: LogFields) => {
    if (ORDER[level] < min) return
    const line = JSON.stringify({
      t: new Date().toISOString(),
      level,
      event,
      ...(redact(fields ?? {}) as object),
    })
    if (file) {
      try {
        appendFileSync(file, line + '\n', { mode: 0o600 })
      } catch {
        file = null // disk full or read-only: keep serving, stop logging to file
      }
    }
    if (options.console) process.stderr.write(line + '\n')
  }
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
