/**
 * Turns what an agent typed into safe FTS5 terms (DESIGN §3: every user-typed string is escaped
 * before it reaches FTS5). FTS5 has its own query language (sqlite.org/fts5.html §3: quotes, `*`,
 * `^`, `:`, `-`, `NEAR(`, `AND`/`OR`/`NOT`); instead of escaping operators one by one, the text is
 * cut into word tokens the same way the unicode61 tokenizer cuts the indexed text, and each token
 * is emitted as a double-quoted string, so nothing the agent types is ever read as an operator.
 */

/** Characters searched on; longer input is cut here (the contract accepts up to 20,000). */
export const MAX_SEARCH_CHARS = 256
export const MAX_TOKENS = 8
const MAX_TOKEN_CHARS = 64
/** Trigram matching needs 3 characters (sqlite.org/fts5.html §4.3.2). */
export const MIN_FRAGMENT_CHARS = 3

export interface SearchText {
  /** Lower-case word tokens, deduplicated, in typed order. */
  readonly tokens: readonly string[]
  /** The agent typed something, even if nothing searchable (emoji only → no match, not "everything"). */
  readonly hadText: boolean
  readonly truncated: boolean
}

// unicode61's token characters are the L*, N* and Co categories (sqlite.org/fts5.html §4.3.1);
// combining marks stay inside a token so "he\u0301le\u0300ne" is one word. Private-use (Co)
// characters are dropped from what is typed: the index uses U+E000 to mark filter words
// (store/device-facets.ts), which a search must never match.
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}]/gu
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u

export function parseSearchText(query: string): SearchText {
  const truncated = query.length > MAX_SEARCH_CHARS
  // Cut on a code point boundary so a surrogate pair is never split.
  const cut = truncated
    ? Array.from(query.slice(0, MAX_SEARCH_CHARS + 1))
        .join('')
        .slice(0, MAX_SEARCH_CHARS)
    : query
  const clean = cut.replace(CONTROL, ' ').normalize('NFC')
  const seen = new Set<string>()
  const tokens: string[] = []
  for (const raw of clean.split(SEPARATORS)) {
    if (!raw || !HAS_WORD_CHAR.test(raw)) continue
    const token = Array.from(raw.toLowerCase()).slice(0, MAX_TOKEN_CHARS).join('')
    if (seen.has(token)) continue
    seen.add(token)
    tokens.push(token)
    if (tokens.length === MAX_TOKENS) break
  }
  return { tokens, hadText: clean.trim() !== '', truncated }
}

/** An FTS5 string literal: double quotes, inner quotes doubled (sqlite.org/fts5.html §3.1). */
export function quoteFts(token: string): string {
  return `"${token.replace(/"/g, '""')}"`
}

/** Every token as a prefix term, implicitly ANDed: `"hel"* "dur"*`. */
export function prefixQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `${quoteFts(t)}*`).join(' ')
}

/**
 * Whether a token is also looked up inside identifiers. Serials, IMEIs, MEIDs and phone numbers an
 * agent reads out almost always contain digits, while names do not: restricting the trigram lookup
 * to tokens with a digit keeps name searches on the (much cheaper) word index.
 */
export function isFragment(token: string): boolean {
  return Array.from(token).length >= MIN_FRAGMENT_CHARS && /\p{N}/u.test(token)
}
