import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * Help for reading a temporary passcode aloud to a caller (DESIGN §4: shown once, on request): the
 * characters in short groups, each letter with its spelling word — the French spelling alphabet in
 * French (« A comme Anatole », glossary-fr.md §3 Z) and ICAO/NATO in English (glossary §3 O) — each
 * digit named, and whether the caller must leave the numeric keypad. Pure text built on screen:
 * nothing here is stored, logged or sent.
 */

export type CharKind = 'letter' | 'digit' | 'other'

export interface DictatedChar {
  readonly char: string
  readonly kind: CharKind
  /** For letters: 'upper' / 'lower'; null for digits and other characters. */
  readonly letterCase: 'upper' | 'lower' | null
  /** The spelling word (letters) or the digit's name; null for other characters. */
  readonly word: string | null
}

export interface Dictation {
  readonly groups: readonly (readonly DictatedChar[])[]
  readonly hasLetters: boolean
  /** How the letters are written, when there are letters: all lowercase, all capitals, or mixed. */
  readonly letterCase: 'lower' | 'upper' | 'mixed' | null
}

export interface SpellingWords {
  /** 26 words, A to Z. */
  readonly alphabet: readonly string[]
  /** 10 words, 0 to 9. */
  readonly digits: readonly string[]
}

/**
 * Groups of four (8 → 4 + 4), or of three when the length divides by three and not by four
 * (6 → 3 + 3, 9 → 3 + 3 + 3): a caller keeps track of three or four characters at a time.
 */
export function groupSize(length: number): number {
  return length % 4 !== 0 && length % 3 === 0 ? 3 : 4
}

export function dictatePasscode(passcode: string, words: SpellingWords): Dictation {
  const chars: DictatedChar[] = [...passcode].map((char) => {
    if (/^[0-9]$/.test(char))
      return { char, kind: 'digit', letterCase: null, word: words.digits[+char] ?? null }
    if (/^[a-z]$/i.test(char)) {
      const word = words.alphabet[char.toUpperCase().charCodeAt(0) - 65] ?? null
      return { char, kind: 'letter', letterCase: char === char.toUpperCase() ? 'upper' : 'lower', word }
    }
    return { char, kind: 'other', letterCase: null, word: null }
  })
  const size = groupSize(chars.length)
  const groups: DictatedChar[][] = []
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size))
  const cases = new Set(chars.filter((c) => c.kind === 'letter').map((c) => c.letterCase))
  return {
    groups,
    hasLetters: cases.size > 0,
    letterCase: cases.size === 0 ? null : cases.size > 1 ? 'mixed' : cases.has('upper') ? 'upper' : 'lower',
  }
}

/** The spelling words of the active language, from the catalogue (`passcodeDictation.*`). */
export function usePasscodeDictation(passcode: Ref<string | null>) {
  const { t } = useI18n()
  const words = computed<SpellingWords>(() => ({
    alphabet: t('passcodeDictation.alphabet').split(/\s+/),
    digits: t('passcodeDictation.digits').split(/\s+/),
  }))
  const dictation = computed(() => (passcode.value ? dictatePasscode(passcode.value, words.value) : null))

  /** The caption under a character, e.g. « comme Kléber », « majuscule, comme Kléber », « chiffre sept ». */
  function caption(c: DictatedChar, mixed: boolean): string {
    if (c.kind === 'digit') return t('passcodeDictation.digit', { word: c.word ?? c.char })
    if (c.kind === 'other') return t('passcodeDictation.other', { char: c.char })
    const key = mixed ? (c.letterCase === 'upper' ? 'upper' : 'lower') : 'letter'
    return t(`passcodeDictation.${key}`, { word: c.word ?? c.char })
  }

  /** One group as a screen reader says it: « k comme Kléber, chiffre sept, … ». */
  function spoken(group: readonly DictatedChar[]): string {
    return group
      .map((c) =>
        c.kind === 'letter'
          ? t('passcodeDictation.spokenLetter', { char: c.char, word: c.word ?? c.char })
          : c.kind === 'digit'
            ? t('passcodeDictation.spokenDigit', { word: c.word ?? c.char })
            : t('passcodeDictation.other', { char: c.char }),
      )
      .join(', ')
  }

  return { dictation, caption, spoken }
}
