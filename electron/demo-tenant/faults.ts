/**
 * Fault injection for the client's reliability tests. Each Graph request gets a sequence number;
 * decisions come from rng(seed, n), so the same request sequence meets the same faults.
 */
import { rng } from './random'
import type { FaultOptions } from './types'

export const NO_FAULTS: FaultOptions = {
  throttleFraction: 0,
  retryAfterSeconds: 1,
  omitRetryAfter: false,
  unavailableFraction: 0,
  latencyMs: 0,
  dropConnectionFraction: 0,
  malformedPageFraction: 0,
  malformedPageAt: 0,
  consentRequired: false,
  intuneRateLimits: false,
}

export type FaultDecision =
  | { readonly kind: 'none'; readonly malformed: boolean }
  | { readonly kind: 'throttle' }
  | { readonly kind: 'unavailable'; readonly status: 503 | 504 }
  | { readonly kind: 'drop' }

const clamp = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0)

export function normaliseFaults(base: FaultOptions, patch: Partial<FaultOptions>): FaultOptions {
  const f = { ...base, ...patch }
  return {
    throttleFraction: clamp(f.throttleFraction),
    // Fractional seconds allowed: Microsoft's own sample sends `Retry-After: 2.128` (domain §9).
    retryAfterSeconds: Math.max(0, Math.round(f.retryAfterSeconds * 1000) / 1000),
    omitRetryAfter: Boolean(f.omitRetryAfter),
    unavailableFraction: clamp(f.unavailableFraction),
    latencyMs: Math.max(0, f.latencyMs),
    dropConnectionFraction: clamp(f.dropConnectionFraction),
    malformedPageFraction: clamp(f.malformedPageFraction),
    malformedPageAt: Math.max(0, Math.floor(f.malformedPageAt)),
    consentRequired: Boolean(f.consentRequired),
    intuneRateLimits: Boolean(f.intuneRateLimits),
  }
}

export function decide(f: FaultOptions, seed: number, n: number): FaultDecision {
  const r = rng(seed, n, 0xfa17)
  const x = r.next()
  let edge = f.throttleFraction
  if (x < edge) return { kind: 'throttle' }
  edge += f.unavailableFraction
  if (x < edge) return { kind: 'unavailable', status: r.chance(0.5) ? 503 : 504 }
  edge += f.dropConnectionFraction
  if (x < edge) return { kind: 'drop' }
  return { kind: 'none', malformed: r.next() < f.malformedPageFraction }
}
