/**
 * Intune RBAC of the demo agents, as getEffectivePermissions reports it. Built-in role contents from
 * memdocs ref-built-in-roles.md (domain §1.4): Help Desk Operator has Remote tasks (reset passcode,
 * remote lock, sync, wipe, retire…), Managed devices Read/Update, Audit data Read, Organization Read;
 * Read Only Operator has reads and Audit data Read but no remote tasks.
 */
import type { AgentRole } from './types'

const READS = [
  'Microsoft.Intune_ManagedDevices_Read',
  'Microsoft.Intune_ManagedDevices_ViewReports',
  'Microsoft.Intune_Organization_Read',
  'Microsoft.Intune_Audit_Read',
  'Microsoft.Intune_MobileApps_Read',
  'Microsoft.Intune_DeviceConfigurations_Read',
  'Microsoft.Intune_DeviceCompliancePolices_Read',
  'Microsoft.Intune_EndpointProtection_Read',
  'Microsoft.Intune_EnrollmentPrograms_Read',
]

export const ROLE_PERMISSIONS: Readonly<Record<AgentRole, readonly string[]>> = {
  helpDeskOperator: [
    ...READS,
    'Microsoft.Intune_ManagedDevices_Update',
    'Microsoft.Intune_ManagedDevices_SetPrimaryUser',
    'Microsoft.Intune_RemoteTasks_ResetPasscode',
    'Microsoft.Intune_RemoteTasks_RemoteLock',
    'Microsoft.Intune_RemoteTasks_SyncDevice',
    'Microsoft.Intune_RemoteTasks_Wipe',
    'Microsoft.Intune_RemoteTasks_Retire',
    'Microsoft.Intune_RemoteTasks_RebootNow',
    'Microsoft.Intune_RemoteTasks_LocateDevice',
    'Microsoft.Intune_RemoteTasks_RequestRemoteAssistance',
    'Microsoft.Intune_RemoteTasks_EnableLostMode',
    'Microsoft.Intune_RemoteTasks_DisableLostMode',
  ],
  readOnlyOperator: READS,
}

export const hasPermission = (role: AgentRole, permission: string): boolean =>
  ROLE_PERMISSIONS[role].includes(permission)

/** Delegated Graph scopes each endpoint needs (GD permission tables; domain §2.4, §2.5, §3). */
export const SCOPES = {
  readDevices: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
  privileged: ['DeviceManagementManagedDevices.PrivilegedOperations.All'],
  audit: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All'],
  rbac: ['DeviceManagementRBAC.Read.All', 'DeviceManagementRBAC.ReadWrite.All'],
  me: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
} as const
