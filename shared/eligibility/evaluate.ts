/**
 * evaluatePasscodeAction: can Intune reset/remove this device's passcode, and why (domain §6).
 * Pure: reads only its arguments; the clock comes in through `options.now`.
 */
import type {
  EnrollmentKind,
  OutcomeCode,
  PasscodeAction,
  PreconditionCode,
  ReasonCode,
  Verdict,
} from './codes'
import { classifyNormalized } from './classify'
import { isRecord, normalizeFacts, type DeviceFacts, type NormalizedFacts } from './facts'
import { OVERRIDE_RULES, STALE_SYNC_DAYS } from './overrides'
import { PLATFORM_RULES, type PlatformRule, type VersionCondition } from './rules'
import { SOURCES, type SourceId, type SourceRef } from './sources'
import { compareVersion, parseOsVersion, type OsVersion } from './version'

/**
 * The answer. Arrays are plain (not readonly) so the value is assignable to the zod-inferred DTO in
 * shared/api/schemas/devices.ts; every call returns fresh arrays and objects, so callers may keep them.
 */
export interface PasscodeEligibility {
  readonly verdict: Verdict
  /** The action as the agent sees it; `null` unless eligible. Both map to Graph's resetPasscode. */
  readonly action: PasscodeAction | null
  readonly enrollment: EnrollmentKind
  /** Why: the first code is the main reason. */
  readonly reasons: ReasonCode[]
  /** What the agent must confirm with the caller first (eligible only). */
  readonly preconditions: PreconditionCode[]
  /** What the caller will experience; `null` unless eligible. */
  readonly outcome: OutcomeCode | null
  /** The documents the applied rules come from. */
  readonly sources: SourceRef[]
}

export interface EvaluateOptions {
  /** The current time, for the stale-sync precondition. Without it no staleness check is made. */
  readonly now?: Date | number | null
}

const DAY_MS = 86_400_000

function matches(when: VersionCondition, version: OsVersion | null): boolean {
  switch (when.type) {
    case 'any':
      return true
    case 'versionUnknown':
      return version === null
    case 'below':
      return version !== null && compareVersion(version, when.version) < 0
    case 'atLeast':
      return version !== null && compareVersion(version, when.version) >= 0
  }
}

/** The platform rule for a kind. The table covers every kind and version (tested), so this always finds one. */
export function platformRuleFor(enrollment: EnrollmentKind, osVersion: unknown): PlatformRule {
  const version = parseOsVersion(osVersion)
  const rule = PLATFORM_RULES.find((r) => r.enrollment === enrollment && matches(r.when, version))
  // Unreachable while the table is complete; an undetermined answer is the safe fallback.
  return rule ?? PLATFORM_RULES.find((r) => r.enrollment === 'unknown')!
}

function isStale(lastSync: string | null, neverCheckedIn: boolean, now: EvaluateOptions['now']): boolean {
  if (now === undefined || now === null) return false
  const nowMs = now instanceof Date ? now.getTime() : now
  if (!Number.isFinite(nowMs)) return false
  // Enrolled but never checked in: as stale as a device can be (its "never" date became null).
  if (lastSync === null) return neverCheckedIn
  const syncMs = Date.parse(lastSync)
  if (!Number.isFinite(nowMs) || !Number.isFinite(syncMs)) return false
  // Graph's "never synced" is 0001-01-01T00:00:00Z, which is simply very old.
  return nowMs - syncMs > STALE_SYNC_DAYS * DAY_MS
}

function sourcesOf(ids: readonly SourceId[]): SourceRef[] {
  return [...new Set(ids)].map((id) => ({ ...SOURCES[id] }))
}

function evaluateNormalized(f: NormalizedFacts, options: EvaluateOptions): PasscodeEligibility {
  const enrollment = classifyNormalized(f)
  const rule = platformRuleFor(enrollment, f.osVersion)
  const overrides = OVERRIDE_RULES.filter((o) => {
    const value = o.field === 'managementState' ? f.managementState : f.managementAgent
    return value !== null && o.values.includes(value)
  })

  if (overrides.length > 0) {
    // A pending retire/wipe/delete or a missing MDM channel wins over any platform answer. The platform's
    // own reasons are kept when they also say no (or cannot say), never when they would say yes.
    return {
      verdict: 'ineligible',
      action: null,
      enrollment,
      reasons: [...overrides.map((o) => o.reason), ...(rule.verdict === 'eligible' ? [] : rule.reasons)],
      preconditions: [],
      outcome: null,
      sources: sourcesOf([...overrides.flatMap((o) => o.sources), ...rule.sources]),
    }
  }

  const preconditions: PreconditionCode[] = [...rule.preconditions]
  if (rule.verdict === 'eligible' && isStale(f.lastSyncDateTime, f.neverCheckedIn, options.now)) {
    preconditions.push('deviceNotSyncedRecently')
  }
  const staleSource: SourceId[] = preconditions.includes('deviceNotSyncedRecently') ? ['DM-ACTIONS'] : []
  return {
    verdict: rule.verdict,
    action: rule.verdict === 'eligible' ? rule.action : null,
    enrollment,
    reasons: [...rule.reasons],
    preconditions: rule.verdict === 'eligible' ? preconditions : [],
    outcome: rule.verdict === 'eligible' ? rule.outcome : null,
    sources: sourcesOf([...rule.sources, ...staleSource]),
  }
}

const invalid = (): PasscodeEligibility => ({
  verdict: 'undetermined',
  action: null,
  enrollment: 'unknown',
  reasons: ['deviceRecordInvalid'],
  preconditions: [],
  outcome: null,
  sources: sourcesOf(['GRAPH-MANAGED-DEVICE']),
})

/**
 * Whether Intune can reset (Android) or remove (iOS/iPadOS) this device's passcode, and why.
 * Accepts any value: a record that is not an object, or that cannot be read, is "undetermined".
 */
export function evaluatePasscodeAction(
  device: DeviceFacts,
  options: EvaluateOptions = {},
): PasscodeEligibility {
  try {
    if (!isRecord(device)) return invalid()
    return evaluateNormalized(normalizeFacts(device), isRecord(options) ? options : {})
  } catch {
    // A hostile object (throwing getter, revoked Proxy) must not take the caller down.
    return invalid()
  }
}
