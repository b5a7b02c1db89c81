import { describe, expect, it } from 'vitest'
import {
  effectivePermissionsUrl,
  parseEffectivePermissions,
  RESET_PASSCODE_PERMISSION,
} from '../../../../../electron/core/auth/permissions'

const rolePermissions = (allowed: string[], notAllowed: string[] = []) => ({
  value: [{ resourceActions: [{ allowedResourceActions: allowed, notAllowedResourceActions: notAllowed }] }],
})

describe('effective permissions', () => {
  it('asks Graph v1.0 with a scope argument', () => {
    expect(effectivePermissionsUrl('https://graph.microsoft.us')).toBe(
      "https://graph.microsoft.us/v1.0/deviceManagement/getEffectivePermissions(scope='AllResources')",
    )
  })

  it('collects allowed actions across role permissions', () => {
    const body = {
      value: [
        { resourceActions: [{ allowedResourceActions: ['Microsoft.Intune_ManagedDevices_Read'] }] },
        { resourceActions: [{ allowedResourceActions: [RESET_PASSCODE_PERMISSION] }] },
      ],
    }
    const set = parseEffectivePermissions(body)
    expect(set.has(RESET_PASSCODE_PERMISSION)).toBe(true)
    expect(set.has('Microsoft.Intune_ManagedDevices_Read')).toBe(true)
  })

  it('does not grant reset passcode to a read-only role', () => {
    const set = parseEffectivePermissions(
      rolePermissions(['Microsoft.Intune_ManagedDevices_Read', 'Microsoft.Intune_Audit_Read']),
    )
    expect(set.has(RESET_PASSCODE_PERMISSION)).toBe(false)
  })

  it('expands wildcard grants and lets an explicit denial win', () => {
    expect(parseEffectivePermissions(rolePermissions(['*'])).has(RESET_PASSCODE_PERMISSION)).toBe(true)
    expect(
      parseEffectivePermissions(rolePermissions(['Microsoft.Intune_RemoteTasks_*'])).has(
        RESET_PASSCODE_PERMISSION,
      ),
    ).toBe(true)
    expect(
      parseEffectivePermissions(
        rolePermissions(['Microsoft.Intune_RemoteTasks_*'], [RESET_PASSCODE_PERMISSION]),
      ).has(RESET_PASSCODE_PERMISSION),
    ).toBe(false)
  })

  it('refuses a body without a value array', () => {
    expect(() => parseEffectivePermissions({ error: 'x' })).toThrowError(/value array/)
  })
})
