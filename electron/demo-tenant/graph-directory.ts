/** The signed-in agent as Graph describes them: `GET /me` and Intune's getEffectivePermissions. */
import { requireScope } from './graph-auth'
import { ok, type GraphCall, type GraphReply } from './graph-context'
import { ROLE_PERMISSIONS, SCOPES } from './permissions'

export function me(call: GraphCall): GraphReply {
  requireScope(call.scopes, SCOPES.me, call.req)
  const { agent } = call
  return ok(call, 'users/$entity', {
    businessPhones: [],
    displayName: agent.displayName,
    givenName: agent.displayName.split(' ')[0],
    jobTitle: agent.role === 'helpDeskOperator' ? 'Technicien support' : 'Auditeur',
    mail: agent.upn,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'fr-FR',
    surname: agent.displayName.split(' ').slice(1).join(' '),
    userPrincipalName: agent.upn,
    id: agent.objectId,
  })
}

export function effectivePermissions(call: GraphCall): GraphReply {
  requireScope(call.scopes, SCOPES.rbac, call.req)
  const allowed = ROLE_PERMISSIONS[call.agent.role]
  const resourceActions = [
    {
      '@odata.type': '#microsoft.graph.resourceAction',
      allowedResourceActions: [...allowed],
      notAllowedResourceActions: [],
    },
  ]
  // v1.0 rolePermission has resourceActions; beta also carries the older flat `actions` list.
  const item =
    call.version === 'beta'
      ? { '@odata.type': '#microsoft.graph.rolePermission', actions: [...allowed], resourceActions }
      : { '@odata.type': '#microsoft.graph.rolePermission', resourceActions }
  return ok(call, 'Collection(microsoft.graph.rolePermission)', { value: [item] })
}
