import { describe, expect, it } from 'vitest'
import { CodedError } from '../../../../../shared/errors'
import { BETA_FALLBACK, fallsBackToV1, type BetaRead } from '../../../../../electron/core/graph/beta-fallback'
import { statusError } from '../../../../../electron/core/graph/failure'

/** The error the Graph client throws once it gives up on this status (graph/failure.ts). */
const answered = (status: number, body: unknown = { error: { code: 'BadRequest', message: 'x' } }) =>
  statusError({ status, body, approvalHeader: null, requestId: null, clientRequestId: 'c', attempts: 1 })

const scopeTag404 = answered(404, {
  error: {
    code: 'ResourceNotFound',
    message: '{"Message":"Resource not found for the segment \'managedDevices\'. Scope tag check failed"}',
  },
})

describe('beta → v1.0 fallback (domain §2.2): one rule table', () => {
  const cases: [string, CodedError | Error, Record<BetaRead, boolean>][] = [
    ['400 (beta $select refused)', answered(400), { sync: true, refresh: true }],
    ['404 (no beta in this tenant / device gone)', answered(404), { sync: true, refresh: false }],
    ['403', answered(403), { sync: false, refresh: false }],
    ['429', answered(429), { sync: false, refresh: false }],
    ['503', answered(503), { sync: false, refresh: false }],
    ['401', answered(401), { sync: false, refresh: false }],
    ['a GRAPH_ERROR of another status (409)', answered(409), { sync: false, refresh: false }],
    ['OFFLINE', new CodedError('OFFLINE', 'x'), { sync: false, refresh: false }],
    ['a plain Error', new Error('boom'), { sync: false, refresh: false }],
  ]
  for (const [name, error, expected] of cases) {
    it(`${name}: sync ${expected.sync ? 'falls back' : 'stays'}, refresh ${expected.refresh ? 'falls back' : 'stays'}`, () => {
      expect(fallsBackToV1('sync', error)).toBe(expected.sync)
      expect(fallsBackToV1('refresh', error)).toBe(expected.refresh)
    })
  }

  it('a 409 is GRAPH_ERROR too: the status, not only the code, decides', () => {
    expect(answered(409).code).toBe('GRAPH_ERROR')
    expect(answered(400).code).toBe('GRAPH_ERROR')
  })

  it('the table is the rule: sync on 400 or 404, refresh on 400 only', () => {
    expect(BETA_FALLBACK).toEqual({
      sync: [{ code: 'GRAPH_ERROR', status: 400 }, { code: 'GRAPH_NOT_FOUND' }],
      refresh: [{ code: 'GRAPH_ERROR', status: 400 }],
    })
  })

  it('a scope-tag 404 is not "no beta" for a refresh', () => {
    expect(fallsBackToV1('refresh', scopeTag404)).toBe(false)
  })
})
