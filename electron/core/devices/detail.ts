import type { DeviceDetail } from '@shared/api/schemas/devices'
import { evaluatePasscodeAction } from '@shared/eligibility'
import type { StoredDevice } from '../store/device-repository'

/**
 * One cached device grouped as an agent thinks of it (domain §2.1–2.2, §6). Eligibility is
 * recomputed from the cached Graph record on every read, so a rules update applies without a sync;
 * `now` feeds the stale-check-in precondition.
 */
export function toDeviceDetail(stored: StoredDevice, now: number): DeviceDetail {
  let raw: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(stored.raw)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      raw = parsed as Record<string, unknown>
  } catch {
    // A row is written from JSON.stringify; an unreadable one still shows its columns.
  }
  const eligibility = evaluatePasscodeAction(raw, { now })
  return {
    id: stored.id,
    deviceName: stored.device_name,
    user: {
      userPrincipalName: stored.user_principal_name,
      userDisplayName: stored.user_display_name,
      emailAddress: stored.email_address,
      phoneNumber: stored.phone_number,
    },
    hardware: {
      model: stored.model,
      manufacturer: stored.manufacturer,
      serialNumber: stored.serial_number,
      imei: stored.imei,
      meid: stored.meid,
      deviceType: stored.device_type,
    },
    management: {
      operatingSystem: stored.operating_system,
      osVersion: stored.os_version,
      deviceEnrollmentType: stored.device_enrollment_type,
      managementAgent: stored.management_agent,
      ownership: stored.ownership,
      managementState: stored.management_state,
      joinType: stored.join_type,
      isSupervised: stored.is_supervised === null ? null : stored.is_supervised === 1,
      enrolledDateTime: stored.enrolled_date_time,
      lastSyncDateTime: stored.last_sync_date_time,
    },
    compliance: { complianceState: stored.compliance_state },
    eligibility: {
      verdict: eligibility.verdict,
      action: eligibility.action,
      enrollment: eligibility.enrollment,
      reasons: [...eligibility.reasons],
      preconditions: [...eligibility.preconditions],
      outcome: eligibility.outcome,
      sources: eligibility.sources.map((s) => ({ id: s.id, title: s.title, url: s.url })),
    },
    cachedAt: stored.cached_at,
    source: stored.api_version,
    raw,
  }
}
