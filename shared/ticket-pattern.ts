/**
 * The organisation's ticket number format (managed `TicketPattern`, DESIGN §3 "managed settings"):
 * a regular expression written by IT, checked here once for core (`actions:issue` refuses a
 * ticket that does not match) and the renderer (the walkthrough's ticket field says so at once).
 *
 * A policy value is untrusted input, and a backtracking regex engine can take exponential time on
 * a pattern such as `^(a+)+$`; the ticket itself is bounded (120 characters), which caps
 * polynomial blow-ups but not exponential ones. So a pattern is accepted only when it is short,
 * compiles, and has no construct that makes backtracking explode: no quantified group that itself
 * contains a quantifier or an alternation, no backreference, and only a few variable quantifiers.
 * Real ticket formats (`^INC[0-9]{7}$`, `^(INC|RITM)[0-9]+$`, `^[A-Z]+-[0-9]+$`) pass. Pure.
 */
export const MAX_TICKET_PATTERN_LENGTH = 200
/** `a*b*c*d*` over 120 characters is ~10⁷ steps at worst: fast enough. Five or more is not. */
const MAX_VARIABLE_QUANTIFIERS = 4

export type TicketPatternProblem = 'empty' | 'tooLong' | 'doesNotCompile' | 'tooComplex'

export type TicketPatternResult =
  | { readonly ok: true; readonly regex: RegExp }
  | { readonly ok: false; readonly problem: TicketPatternProblem }

interface Group {
  hasQuantifier: boolean
  hasAlternation: boolean
}

/**
 * Reads the pattern once, as the engine would, and says whether it can backtrack badly. Character
 * classes and escapes are skipped (a `+` inside `[...]` is a character, not a quantifier).
 */
function isTooComplex(pattern: string): boolean {
  const stack: Group[] = [{ hasQuantifier: false, hasAlternation: false }]
  let variable = 0
  let lastClosed: Group | null = null
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    let closed: Group | null = null
    if (c === '\\') {
      const next = pattern[i + 1] ?? ''
      // \1…\9 and \k<name>: backreferences make matching NP-hard in general.
      if (/[1-9k]/.test(next)) return true
      i++
    } else if (c === '[') {
      // Skip the class; `]` right after `[` or `[^` is a literal in some dialects, not in `u` mode.
      i++
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1
    } else if (c === '(') {
      stack.push({ hasQuantifier: false, hasAlternation: false })
    } else if (c === ')') {
      closed = stack.pop() ?? null
      if (!closed || stack.length === 0) return true // unbalanced: the compiler refuses it anyway
      const parent = stack[stack.length - 1]!
      parent.hasQuantifier ||= closed.hasQuantifier
      parent.hasAlternation ||= closed.hasAlternation
    } else if (c === '|') {
      stack[stack.length - 1]!.hasAlternation = true
    } else if (c === '*' || c === '+' || c === '{') {
      let unbounded = c !== '{'
      if (c === '{') {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i))
        if (match) {
          const min = Number(match[1])
          const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3])
          unbounded = max > min
          i += match[0].length - 1
        }
      }
      if (unbounded) {
        variable++
        // A variable quantifier on a group that can match in several ways: exponential backtracking.
        if (lastClosed && (lastClosed.hasQuantifier || lastClosed.hasAlternation)) return true
        stack[stack.length - 1]!.hasQuantifier = true
      }
    } else if (c === '?') {
      // `x?` is bounded (0 or 1); `+?`, `*?` are lazy markers of the quantifier before.
    }
    lastClosed = closed
  }
  return variable > MAX_VARIABLE_QUANTIFIERS
}

/** Checks and compiles a ticket pattern (Unicode mode, as both hosts' engines support). */
export function compileTicketPattern(pattern: string): TicketPatternResult {
  if (pattern.length === 0) return { ok: false, problem: 'empty' }
  if (pattern.length > MAX_TICKET_PATTERN_LENGTH) return { ok: false, problem: 'tooLong' }
  let regex: RegExp
  try {
    regex = new RegExp(pattern, 'u')
  } catch {
    return { ok: false, problem: 'doesNotCompile' }
  }
  if (isTooComplex(pattern)) return { ok: false, problem: 'tooComplex' }
  return { ok: true, regex }
}

/**
 * Whether a ticket reference satisfies the format: an empty ticket is "missing", not "malformed"
 * (whether it is required is TicketRequired's business), and no pattern means any text will do.
 */
export function ticketMatchesPattern(ticket: string, pattern: string | undefined): boolean {
  const text = ticket.trim()
  if (text === '' || pattern === undefined) return true
  const compiled = compileTicketPattern(pattern)
  // A pattern that got this far was already accepted by the policy reader; refuse safely if not.
  return compiled.ok && compiled.regex.test(text)
}
