/**
 * Entra ID's error body (`error`, `error_description: "AADSTSnnnn: …"`, `error_codes`, `timestamp`,
 * `trace_id`, `correlation_id`), so MSAL maps it the same way (invalid_grant →
 * InteractionRequiredAuthError).
 */
import { randomUUID } from 'node:crypto'
import { json, type Reply } from './http'

export function entraError(
  status: number,
  error: string,
  code: number,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    ...extra,
  })
}

/**
 * Entra marks unusable refresh tokens with `suberror: "bad_token"` (seen with AADSTS700081 and
 * AADSTS70000, AzureAD/microsoft-authentication-library-for-js#3760, PR #6757): MSAL then throws
 * InteractionRequiredAuthError and drops the refresh token from its cache.
 */
export const BAD_TOKEN = { suberror: 'bad_token' }
