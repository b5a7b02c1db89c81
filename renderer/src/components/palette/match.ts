import { foldText } from '@shared/text'

/**
 * The command palette's matcher: fuzzy (the letters of each typed word in order, gaps allowed) and
 * accent- and case-insensitive on NFD-folded text (`foldText`), so « hist echec » finds « Historique :
 * actions en échec ». A few dozen commands only: a small tested function instead of a dependency.
 * Devices are not matched here: core's `devices:search` finds them in the cache.
 *
 * Scoring, in the spirit of VS Code's quick open: a letter at the start of a word counts more than one
 * inside a word, consecutive letters more than scattered ones, and a word typed whole at a word start
 * most of all; every typed word must match somewhere, or the command is not shown.
 */

const WORD_START = 8
const CONSECUTIVE = 5
const LETTER = 1
const WHOLE_WORD = 12

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true
  return !/[\p{L}\p{N}]/u.test(text[index - 1]!)
}

/** Best score of one typed word against the folded text, or null when its letters are not all there. */
function scoreWord(word: string, text: string): number | null {
  // A word typed whole (or its beginning) at a word start: the strongest signal.
  let at = text.indexOf(word)
  let best: number | null = null
  while (at >= 0) {
    const score = word.length * (LETTER + CONSECUTIVE) + (isWordStart(text, at) ? WORD_START + WHOLE_WORD : 0)
    if (best === null || score > best) best = score
    at = text.indexOf(word, at + 1)
  }
  if (best !== null) return best
  // Otherwise letters in order: the best placement (dynamic programming over the short label).
  // row[i] = best score with the current letter at text[i]; prefix[i] = best of row[0..i].
  const n = text.length
  let row: number[] = []
  for (let i = 0; i < n; i++)
    row.push(text[i] === word[0] ? LETTER + (isWordStart(text, i) ? WORD_START : 0) : -Infinity)
  for (let j = 1; j < word.length; j++) {
    const prefix: number[] = []
    for (let i = 0; i < n; i++) prefix.push(Math.max(prefix[i - 1] ?? -Infinity, row[i]!))
    const next: number[] = []
    for (let i = 0; i < n; i++) {
      if (text[i] !== word[j] || i === 0) {
        next.push(-Infinity)
        continue
      }
      const consecutive = row[i - 1]! + CONSECUTIVE
      const gap = (prefix[i - 2] ?? -Infinity) + (isWordStart(text, i) ? WORD_START : 0)
      next.push(LETTER + Math.max(consecutive, gap))
    }
    row = next
  }
  const score = Math.max(-Infinity, ...row)
  return Number.isFinite(score) ? score : null
}

/** Score of a query against a label and its extra keywords; null when it does not match. */
export function fuzzyScore(query: string, label: string, keywords: readonly string[] = []): number | null {
  const words = foldText(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return 0
  const labelText = foldText(label)
  // Each keyword on its own: letters scattered over several keywords are not a match.
  const keywordTexts = keywords.map(foldText)
  let total = 0
  for (const word of words) {
    let score = scoreWord(word, labelText) ?? -1
    // Keywords (synonyms, the other language's word) count a little less than the label itself.
    for (const k of keywordTexts) {
      const inKeyword = scoreWord(word, k)
      if (inKeyword !== null) score = Math.max(score, inKeyword - 1)
    }
    if (score < 0) return null
    total += score
  }
  return total
}

/** The items that match with their score, best first; equal scores keep the order given. */
export function scoreMatches<T extends { label: string; keywords?: readonly string[] }>(
  query: string,
  items: readonly T[],
): { item: T; score: number }[] {
  const scored: { item: T; score: number; index: number }[] = []
  items.forEach((item, index) => {
    const score = fuzzyScore(query, item.label, item.keywords)
    if (score !== null) scored.push({ item, score, index })
  })
  return scored.sort((a, b) => b.score - a.score || a.index - b.index)
}

/** The items that match, best first; equal scores keep the order given (the list's natural order). */
export function rankMatches<T extends { label: string; keywords?: readonly string[] }>(
  query: string,
  items: readonly T[],
): T[] {
  return scoreMatches(query, items).map((s) => s.item)
}
