import type { z } from 'zod'
import { CHANNELS, type Channel, isChannel } from '@shared/api/channels'
import { contract, type ChannelOutput, type ParsedInput } from '@shared/api/contract'
import { err, ok, type Result } from '@shared/api/result'
import { CodedError, type AppError } from '@shared/errors'
import type { Logger } from './log'

/** Who is calling: lets handlers scope per-window state (e.g. the passcode shown in one window). */
export interface CallContext {
  readonly host: 'electron' | 'browser' | 'cli' | 'test'
  /** Stable per window / WebSocket connection. */
  readonly clientId: string
}

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

export type Handlers<C extends Channel = Channel> = { readonly [K in C]: Handler<K> }

export interface RouterOptions {
  /** Check every output against its schema: on in development and tests, off in packaged builds. */
  readonly validateOutput: boolean
  readonly log: Logger
}

export interface Router {
  call(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>
  readonly channels: readonly Channel[]
}

/** Caps that apply before any schema runs, so a hostile payload is cheap to refuse. */
export const LIMITS = {
  maxPayloadBytes: 256 * 1024,
  maxDepth: 12,
} as const

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Looks for keys that could pollute prototypes anywhere in the payload, and measures depth.
 * Runs on the raw value before zod (which would also refuse unknown keys, but we want a precise
 * code, and we never want such a key to reach a spread or `Object.assign`).
 */
function inspectPayload(value: unknown, depth = 0): AppError | null {
  if (depth > LIMITS.maxDepth) return { code: 'INVALID_INPUT', message: 'Payload nested too deeply' }
  if (value === null || typeof value !== 'object') return null
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') return { code: 'INVALID_INPUT', message: 'Symbol keys are not accepted' }
    if (FORBIDDEN_KEYS.has(key))
      return { code: 'FORBIDDEN_KEY', message: `Key "${key}" is not accepted`, detail: { key } }
    const found = inspectPayload((value as Record<string, unknown>)[key], depth + 1)
    if (found) return found
  }
  return null
}

function payloadSize(value: unknown): number | null {
  if (value === undefined) return 0
  try {
    return JSON.stringify(value)?.length ?? 0
  } catch {
    return null // cycles, BigInt: not a JSON payload
  }
}

/** Turns zod's issues into one line that names the field, never the value (it may be a secret). */
function describeIssues(error: z.ZodError): { message: string; field: string } {
  const issue = error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)'
  const tooBig = error.issues.some((i) => i.code === 'too_big')
  return { message: `${tooBig ? 'Too large' : 'Invalid'}: ${field} (${issue?.code ?? 'invalid'})`, field }
}

/** What crosses to the renderer when a handler throws: a code and a safe message, nothing else. */
export function toAppError(error: unknown): AppError {
  if (error instanceof CodedError) {
    return error.detail === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, detail: error.detail }
  }
  return { code: 'INTERNAL', message: 'Unexpected error in Passcode Desk' }
}

export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const { log } = options
  return {
    channels: CHANNELS,
    async call(channel, input, ctx) {
      if (!isChannel(channel)) {
        log.warn('router.unknown-channel', {
          channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel,
        })
        return err('UNKNOWN_CHANNEL', 'Unknown channel')
      }
      const size = payloadSize(input)
      if (size === null) return err('INVALID_INPUT', 'Payload is not plain data')
      if (size > LIMITS.maxPayloadBytes)
        return err('PAYLOAD_TOO_LARGE', 'Payload too large', { limit: LIMITS.maxPayloadBytes })
      const bad = inspectPayload(input)
      if (bad) return { ok: false, error: bad }

      const schema = contract[channel]
      const parsed = schema.input.safeParse(input)
      if (!parsed.success) {
        const { message, field } = describeIssues(parsed.error)
        const tooBig = parsed.error.issues.some((i) => i.code === 'too_big')
        return err(tooBig ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT', message, { field })
      }

      const started = performance.now()
      try {
        const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown
        const value = await handler(parsed.data, ctx)
        if (options.validateOutput) {
          const checked = schema.output.safeParse(value)
          if (!checked.success) {
            // A contract bug in core: fail loudly in development and tests.
            log.error('router.bad-output', { channel, issue: describeIssues(checked.error).message })
            return err('INTERNAL', 'Core returned data that does not match the contract')
          }
        }
        log.debug('router.call', { channel, ms: Math.round(performance.now() - started) })
        return ok(value)
      } catch (error) {
        const appError = toAppError(error)
        if (appError.code === 'INTERNAL') {
          log.error('router.handler-threw', { channel, error })
        } else {
          log.info('router.handler-error', { channel, code: appError.code })
        }
        return { ok: false, error: appError }
      }
    },
  }
}
