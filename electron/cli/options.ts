/**
 * The CLI's one argument parser, on node:util `parseArgs` (strict: unknown options and missing
 * values are usage errors). Each command declares its options and usage text once; `--help`/`-h`
 * works on every command. Exit codes (README "Command line"): 0 success, 1 failure, 2 usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** A mistake in the command line: the dispatcher prints it with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** `sync`, `demo-tenant serve`… */
  readonly name: string
  /** The usage line(s) printed by --help and after a usage error. */
  readonly usage: string
  readonly options: O
  /** Free words after the options (e.g. the search query); default none allowed. */
  readonly positionals?: { readonly min: number; readonly max: number }
}

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const
export const PROFILE_OPTION = { profile: { type: 'string' } } as const
export const DB_OPTION = { db: { type: 'string' } } as const
export const GRAPH_OPTIONS = { 'graph-url': { type: 'string' }, 'access-token': { type: 'string' } } as const

type Values<O extends ParseArgsOptionsConfig> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string
}

export interface Parsed<O extends ParseArgsOptionsConfig> {
  readonly values: Values<O>
  readonly positionals: readonly string[]
  readonly help: boolean
}

/** Parses `argv` for `spec`; throws UsageError (never a raw TypeError) on anything it refuses. */
export function parseCommand<O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
  argv: readonly string[],
): Parsed<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...HELP_OPTION, ...spec.options },
      allowPositionals: (spec.positionals?.max ?? 0) > 0,
      strict: true,
    })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    // node:util's own words ("Unknown option '--x'", "Option '--db <value>' argument missing").
    const unknown = /Unknown option '([^']+)'/.exec(text)
    const message = unknown ? `Unknown option "${unknown[1]}".` : text.replace(/\. To specify.*$/s, '.')
    throw new UsageError(message, spec.usage)
  }
  const help = parsed.values.help === true
  if (!help) {
    for (const [name, config] of Object.entries(spec.options)) {
      if (config.type === 'string' && parsed.values[name] === '')
        throw new UsageError(`Option --${name} needs a value.`, spec.usage)
    }
    const { min, max } = spec.positionals ?? { min: 0, max: 0 }
    if (parsed.positionals.length < min || parsed.positionals.length > max)
      throw new UsageError(
        max === 0 ? `Unexpected argument "${parsed.positionals[0]}".` : `Wrong number of arguments.`,
        spec.usage,
      )
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals, help }
}

/** A non-negative number option, or the fallback when absent. */
export function numberOption(
  value: string | undefined,
  name: string,
  fallback: number,
  usage: string,
  check: { integer?: boolean; max?: number; maxMessage?: string } = {},
): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`Option --${name} needs a non-negative number.`, usage)
  if (check.integer && !Number.isInteger(n)) throw new UsageError(`Option --${name} needs an integer.`, usage)
  if (check.max !== undefined && n > check.max)
    throw new UsageError(check.maxMessage ?? `Option --${name} is at most ${check.max}.`, usage)
  return n
}
