/** Small deterministic PRNG helpers: the same (seed, index) always yields the same device. */

/** One mixing round (murmur3 finaliser over a simple combine). */
export function mix32(h: number, part: number): number {
  h = Math.imul(h ^ (part | 0), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** 32-bit integer hash of the parts; pure and fast. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9
  for (let i = 0; i < parts.length; i++) h = mix32(h, parts[i])
  return h >>> 0
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** 8 lowercase hex digits (table-driven: Number#toString(16) is slow on values above 2^31). */
export function hex8(n: number): string {
  n = n >>> 0
  return BYTE_HEX[n >>> 24] + BYTE_HEX[(n >>> 16) & 255] + BYTE_HEX[(n >>> 8) & 255] + BYTE_HEX[n & 255]
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  int(minInclusive: number, maxInclusive: number): number
  pick<T>(items: readonly T[]): T
  /** Picks by weight: entries are [value, weight]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  chance(probability: number): boolean
  hex(length: number): string
  digits(length: number): string
}

/** mulberry32 seeded from a hash of the parts. */
export function rng(...parts: number[]): Rng {
  let state = hash32(...parts)
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (entries) => {
      let total = 0
      for (const [, w] of entries) total += w
      let r = next() * total
      for (const [value, w] of entries) {
        r -= w
        if (r < 0) return value
      }
      return entries[entries.length - 1][0]
    },
    chance: (p) => next() < p,
    hex: (length) => {
      let s = ''
      while (s.length < length) s += hex8(next() * 4294967296)
      return s.slice(0, length)
    },
    digits: (length) => {
      let s = ''
      for (let i = 0; i < length; i++) s += String(Math.floor(next() * 10))
      return s
    },
  }
}

/** Luhn check digit for a numeric string (IMEIs carry one). */
export function luhnCheckDigit(digits: string): string {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function isLuhnValid(number: string): boolean {
  return luhnCheckDigit(number.slice(0, -1)) === number.slice(-1)
}
