import { describe, expect, it } from 'vitest'
import { numberOption, parseCommand, UsageError } from '../../../../electron/cli/options'

const spec = {
  name: 'demo',
  usage: 'Usage: passcode-desk demo [--db PATH] [--refresh] WORD\n',
  options: { db: { type: 'string' }, refresh: { type: 'boolean' } },
  positionals: { min: 1, max: 2 },
} as const

describe('CLI options (node:util parseArgs)', () => {
  it('reads values, inline values, booleans and positionals', () => {
    expect(parseCommand(spec, ['--db', 'a.db', 'word'])).toMatchObject({
      values: { db: 'a.db' },
      positionals: ['word'],
      help: false,
    })
    expect(parseCommand(spec, ['--db=b.db', '--refresh', 'w1', 'w2'])).toMatchObject({
      values: { db: 'b.db', refresh: true },
      positionals: ['w1', 'w2'],
    })
  })

  it('--help and -h need nothing else', () => {
    expect(parseCommand(spec, ['--help']).help).toBe(true)
    expect(parseCommand(spec, ['-h']).help).toBe(true)
  })

  it('refuses unknown options, missing and empty values, and wrong argument counts as usage errors', () => {
    const refused = (argv: string[]) => {
      try {
        parseCommand(spec, argv)
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError)
        expect((error as UsageError).usage).toBe(spec.usage)
        return (error as Error).message
      }
      throw new Error(`accepted ${argv.join(' ')}`)
    }
    expect(refused(['--nope', 'w'])).toBe('Unknown option "--nope".')
    expect(refused(['w', '--db'])).toMatch(/--db/)
    expect(refused(['--db=', 'w'])).toBe('Option --db needs a value.')
    expect(refused([])).toMatch(/Wrong number of arguments/)
    expect(refused(['a', 'b', 'c'])).toMatch(/Wrong number of arguments/)
    expect(refused(['--refresh=yes', 'w'])).toMatch(/refresh/)
  })

  it('numbers: non-negative, integer when asked, bounded', () => {
    expect(numberOption(undefined, 'n', 7, 'u')).toBe(7)
    expect(numberOption('2.5', 'n', 7, 'u')).toBe(2.5)
    expect(() => numberOption('x', 'n', 7, 'u')).toThrow(/non-negative number/)
    expect(() => numberOption('-1', 'n', 7, 'u')).toThrow(/non-negative number/)
    expect(() => numberOption('1.5', 'n', 7, 'u', { integer: true })).toThrow(/integer/)
    expect(() => numberOption('3', 'n', 7, 'u', { max: 2 })).toThrow(/at most 2/)
  })
})
