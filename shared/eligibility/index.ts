/**
 * Passcode eligibility rules (domain §6): can Intune reset or remove this device's passcode, and why.
 * Pure module, imports only shared/. Rule table and sources: ./README.md.
 */
export {
  ENROLLMENT_KINDS,
  OUTCOME_CODES,
  PASSCODE_ACTIONS,
  PRECONDITION_CODES,
  REASON_CODES,
  VERDICTS,
  type EnrollmentKind,
  type OutcomeCode,
  type PasscodeAction,
  type PreconditionCode,
  type ReasonCode,
  type Verdict,
} from './codes'
export { SOURCES, SOURCE_IDS, type SourceId, type SourceRef } from './sources'
export type { DeviceFacts } from './facts'
export { enrollmentKindOf } from './classify'
export { parseOsVersion, type OsVersion } from './version'
export { PLATFORM_RULES, type PlatformRule, type VersionCondition } from './rules'
export { OVERRIDE_RULES, STALE_SYNC_DAYS, type OverrideRule } from './overrides'
export { renderRuleTable, RULE_TABLE_START, RULE_TABLE_END } from './table'
export { evaluatePasscodeAction, type EvaluateOptions, type PasscodeEligibility } from './evaluate'
