/** Names the keystroke benchmarks type, as an agent would hear them on a call (keystroke*.pw.ts). */
export const KEYSTROKE_WORDS: readonly string[] = [
  'helene durand',
  'martin',
  'sophie lef',
  'nicolas',
  'camille ber',
  'thomas',
  'julie mor',
  'pierre',
]
