import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGraphClient } from '../../../../../electron/core/graph/client'
import { approvalCodeOf, MAX_NESTING, readIntuneError } from '../../../../../electron/core/graph/intune-error'
import { CodedError } from '../../../../../shared/errors'
import { fixtureFetch, graphFixture } from '../../../../fixtures/graph/load'

/** Errors as Intune sends them (domain §9), read from Microsoft's and public samples. */

async function failureOf(name: string, method: 'get' | 'post' = 'get'): Promise<CodedError> {
  const graph = createGraphClient({
    baseUrl: 'http://127.0.0.1:9',
    getAccessToken: async () => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.signature',
    fetch: fixtureFetch(graphFixture(name)),
    maxRetries: 0,
  })
  try {
    await graph[method]('/beta/deviceManagement/managedDevices/x')
  } catch (error) {
    if (error instanceof CodedError) return error
    throw error
  }
  throw new Error('expected a failure')
}

describe('fixtures', () => {
  it('every Graph fixture names its source', () => {
    const dir = join(import.meta.dirname, '../../../../fixtures/graph')
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'))
    expect(names.length).toBeGreaterThanOrEqual(6)
    for (const name of names) expect(graphFixture(name).source, name).toMatch(/https:\/\/|issue|PR/)
  })
})

describe('readIntuneError', () => {
  it('unwraps UnknownError two levels deep into Forbidden, a sentence and the Activity ID', () => {
    const facts = readIntuneError(graphFixture('nested-unknown-error-forbidden.json').body)
    expect(facts.outerCode).toBe('UnknownError')
    expect(facts.code).toBe('Forbidden')
    expect(facts.message).toBe('An error has occurred')
    expect(facts.activityId).toBe('ce80e7e8-8a96-4c03-898c-d85f9cdf805a')
    // The all-zero Operation ID is Intune's placeholder, not an id support can use.
    expect(facts.operationId).toBeNull()
    expect(facts.requestId).toBe('0f6b1d2c-3e4a-4b5c-8d9e-0a1b2c3d4e5f')
    expect(facts.scopeTagDenied).toBe(false)
  })

  it('recognises the scope-tag 404 from its message', () => {
    const facts = readIntuneError(graphFixture('scope-tag-404.json').body)
    expect(facts.code).toBe('ResourceNotFound')
    expect(facts.scopeTagDenied).toBe(true)
    expect(facts.message).toBe('Resource does not contain a tag allowed by the current role.')
    expect(facts.activityId).toBe('985f047b-47bd-4312-9542-73f313b0ee72')
  })

  it('a plain not-found is not a scope denial', () => {
    const facts = readIntuneError({
      error: { code: 'ResourceNotFound', message: "Resource not found: managedDevice 'x'." },
    })
    expect(facts.scopeTagDenied).toBe(false)
    expect(facts.message).toBe("Resource not found: managedDevice 'x'.")
  })

  it.each([
    null,
    'text',
    42,
    [],
    { error: 'x' },
    { error: { code: 5, message: {} } },
    { error: { code: 'UnknownError', message: '{"ErrorCode":' } },
    { error: { code: 'UnknownError', message: '{"Message": 7}' } },
    { error: { code: 'UnknownError', message: '[1,2]' } },
  ])('never throws on garbage: %j', (body) => {
    expect(() => readIntuneError(body)).not.toThrow()
    expect(readIntuneError(body).scopeTagDenied).toBe(false)
  })

  it('stops unwrapping after a bounded depth', () => {
    let message = 'innermost - Activity ID: 11111111-2222-3333-4444-555555555555'
    for (let i = 0; i < 8; i++) message = JSON.stringify({ ErrorCode: `L${i}`, Message: message })
    const facts = readIntuneError({ error: { code: 'UnknownError', message } })
    expect(facts.code).toBe(`L${7 - (MAX_NESTING - 1)}`)
    expect(facts.message).not.toBe('innermost')
  })

  it('recognises Multi Admin Approval only on a 403 with the code or the header', () => {
    const fixture = graphFixture('approval-required-403.json')
    const facts = readIntuneError(fixture.body)
    expect(approvalCodeOf(403, facts, fixture.headers['x-msft-approval-code']!)).toBe(
      'a1f3c9e2-7b4d-4f60-9c1e-2d8b7a6f5e43',
    )
    expect(approvalCodeOf(404, facts, 'abc')).toBeNull()
    const forbidden = readIntuneError(graphFixture('forbidden-missing-scope-v3.json').body)
    expect(approvalCodeOf(403, forbidden, null)).toBeNull()
    expect(approvalCodeOf(403, facts, null)).toBe('')
  })
})

describe('the Graph client reads them', () => {
  it('a scope-tag 404 is GRAPH_OUT_OF_SCOPE with the support ids', async () => {
    const error = await failureOf('scope-tag-404.json')
    expect(error.code).toBe('GRAPH_OUT_OF_SCOPE')
    expect(error.detail).toMatchObject({
      status: 404,
      graphCode: 'ResourceNotFound',
      requestId: '6c3a1f0e-2b7d-4d0a-9e51-1f2a3b4c5d6e',
      activityId: '985f047b-47bd-4312-9542-73f313b0ee72',
    })
  })

  it('a nested Forbidden keeps GRAPH_FORBIDDEN, with the inner code and sentence (the renderer test reads this detail)', async () => {
    const error = await failureOf('nested-unknown-error-forbidden.json')
    expect(error.code).toBe('GRAPH_FORBIDDEN')
    expect(error.detail).toMatchObject({
      graphCode: 'UnknownError',
      intuneCode: 'Forbidden',
      intuneMessage: 'An error has occurred',
      activityId: 'ce80e7e8-8a96-4c03-898c-d85f9cdf805a',
    })
  })

  it('403 ApprovalRequired is APPROVAL_REQUIRED with the approval code, never retried', async () => {
    let calls = 0
    const fixture = graphFixture('approval-required-403.json')
    const inner = fixtureFetch(fixture)
    const graph = createGraphClient({
      baseUrl: 'http://127.0.0.1:9',
      getAccessToken: async () => 't',
      fetch: (async (...args: Parameters<typeof fetch>) => {
        calls++
        return inner(...args)
      }) as typeof fetch,
    })
    const error = await graph.post('/beta/x/resetPasscode').then(
      () => {
        throw new Error('expected a failure')
      },
      (e: unknown) => e as CodedError,
    )
    expect(error.code).toBe('APPROVAL_REQUIRED')
    expect(error.detail?.approvalCode).toBe('a1f3c9e2-7b4d-4f60-9c1e-2d8b7a6f5e43')
    expect(calls).toBe(1)
  })

  it('a token quoted in an error message never reaches the detail', async () => {
    const graph = createGraphClient({
      baseUrl: 'http://127.0.0.1:9',
      getAccessToken: async () => 't',
      maxRetries: 0,
      fetch: (async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'Forbidden',
              message: 'Bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl given',
            },
          }),
          { status: 403 },
        )) as unknown as typeof fetch,
    })
    const error = await graph.get('/beta/x').then(
      () => {
        throw new Error('expected a failure')
      },
      (e: unknown) => e as CodedError,
    )
    expect(JSON.stringify(error.detail)).not.toContain('eyJ')
    expect(error.detail?.intuneMessage).toBe('Bad token [redacted] given')
  })
})
