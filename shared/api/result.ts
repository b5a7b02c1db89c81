import type { AppError, ErrorCode, ErrorDetail } from '../errors'

/** The envelope every channel returns (DESIGN §3: errors are values at the boundary). */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string, detail?: ErrorDetail): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } }
}
