// The managed ticket format's checker (shared/ticket-pattern.ts), used by core's actions:issue and
// the walkthrough's ticket field. Catastrophic patterns (`^(a+)+$` takes seconds on 25 characters)
// are refused before they are ever run.
import { describe, expect, it } from 'vitest'
import { compileTicketPattern, ticketMatchesPattern } from '@shared/ticket-pattern'

const problem = (pattern: string) => {
  const result = compileTicketPattern(pattern)
  return result.ok ? null : result.problem
}

describe('compileTicketPattern', () => {
  it('accepts the formats ticketing tools use', () => {
    for (const pattern of [
      '^INC[0-9]{7}$',
      '^(INC|RITM|REQ)[0-9]{7}$',
      '^[A-Z]+-[0-9]+$',
      '^(?:GLPI )?#?[0-9]{1,8}$',
      '^SR-\\d{4,6}(-[a-z]+)?$',
      '^[+*|(){}]{2}[0-9]+$', // quantifier characters inside a class are characters
      '^[\\]+]{2}-[0-9]+$', // an escaped `]` does not end the class early
    ])
      expect(problem(pattern), pattern).toBeNull()
  })

  it('refuses empty, too long and uncompilable patterns', () => {
    expect(problem('')).toBe('empty')
    expect(problem(`^${'a'.repeat(200)}$`)).toBe('tooLong')
    for (const pattern of ['^INC[0-9', '(', '^a{2,1}$', '\\p{Nope}', '(?<n>a)(?<n>b)'])
      expect(problem(pattern), pattern).toBe('doesNotCompile')
  })

  it('refuses patterns that can backtrack for ever (nested or alternating repeats, backreferences)', () => {
    for (const pattern of [
      '^(a+)+$',
      '^(a*)*b$',
      '^(\\d+)*$',
      '^(a|a)*$',
      '^(a|aa)+$',
      '^((ab)*c)+$',
      '^(x{1,})+$',
      '^(.*a){1,30}$',
      '^(a)\\1$',
      '^(?<t>a)\\k<t>$',
      '^a*a*a*a*a*b$',
    ])
      expect(problem(pattern), pattern).toBe('tooComplex')
  })
})

describe('ticketMatchesPattern', () => {
  it('matches the trimmed ticket; empty tickets and no pattern are not its business', () => {
    expect(ticketMatchesPattern(' INC0012345 ', '^INC[0-9]{7}$')).toBe(true)
    expect(ticketMatchesPattern('INC001234', '^INC[0-9]{7}$')).toBe(false)
    expect(ticketMatchesPattern('inc0012345', '^INC[0-9]{7}$')).toBe(false)
    expect(ticketMatchesPattern('   ', '^INC[0-9]{7}$')).toBe(true)
    expect(ticketMatchesPattern('anything', undefined)).toBe(true)
    // A pattern that should never have got this far refuses instead of running.
    expect(ticketMatchesPattern('aaaa', '^(a+)+$')).toBe(false)
  })
})
