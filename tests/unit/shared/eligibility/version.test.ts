import { describe, expect, it } from 'vitest'
import { parseOsVersion } from '@shared/eligibility'

describe('parseOsVersion', () => {
  it.each([
    ['6.0.1', 6, 0],
    ['8.1.0', 8, 1],
    ['14', 14, 0],
    ['10.0.22631.3880', 10, 0],
    ['7.1.2 (N2G48C)', 7, 1],
    ['  9  ', 9, 0],
    ['17.5.1', 17, 5],
    ['0', 0, 0],
  ])('reads %j as %i.%i', (raw, major, minor) => {
    expect(parseOsVersion(raw)).toEqual({ major, minor })
  })

  it.each([
    [''],
    [null],
    [undefined],
    ['unknown'],
    ['Unknown'],
    ['8.x'],
    ['v8'],
    ['Android 8'],
    ['.8'],
    ['abc'],
    [{}],
    [[]],
    [true],
  ])('refuses %j', (raw) => {
    expect(parseOsVersion(raw)).toBeNull()
  })

  it('accepts finite non-negative numbers and refuses the rest', () => {
    expect(parseOsVersion(8.1)).toEqual({ major: 8, minor: 1 })
    expect(parseOsVersion(6)).toEqual({ major: 6, minor: 0 })
    expect(parseOsVersion(Number.NaN)).toBeNull()
    expect(parseOsVersion(-1)).toBeNull()
    expect(parseOsVersion(Number.POSITIVE_INFINITY)).toBeNull()
    expect(parseOsVersion(1e21)).toBeNull()
  })
})
