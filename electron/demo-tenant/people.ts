/** Demo people: French and English names (accents on purpose), bijective per language so UPNs never collide. */
import * as C from './catalog'

/** Reserved `.example` TLD (RFC 2606): never a real domain. */
export const DEMO_DOMAIN = 'contoso-demo.example'

export interface Person {
  readonly first: string
  readonly last: string
  readonly lang: 'fr' | 'en'
}

const folded = new Map<string, string>()

export function foldAscii(s: string): string {
  const hit = folded.get(s)
  if (hit !== undefined) return hit
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
  if (folded.size < 10_000) folded.set(s, out)
  return out
}

export function upnOf(p: Person, suffix = 0): string {
  return `${foldAscii(p.first)}.${foldAscii(p.last)}${suffix > 0 ? suffix : ''}@${DEMO_DOMAIN}`
}

/** A GUID-shaped id from hashes (stable per input). */
export function personFor(u: number): Person {
  const group = u % 3
  const k = Math.floor(u / 3)
  if (group < 2) {
    const k2 = k * 2 + group
    return {
      first: C.FRENCH_FIRST[k2 % C.FRENCH_FIRST.length],
      last: C.FRENCH_LAST[Math.floor(k2 / C.FRENCH_FIRST.length) % C.FRENCH_LAST.length],
      lang: 'fr',
    }
  }
  return {
    first: C.ENGLISH_FIRST[k % C.ENGLISH_FIRST.length],
    last: C.ENGLISH_LAST[Math.floor(k / C.ENGLISH_FIRST.length) % C.ENGLISH_LAST.length],
    lang: 'en',
  }
}

export function personSuffix(u: number): number {
  const group = u % 3
  const k = Math.floor(u / 3)
  if (group < 2) return Math.floor((k * 2 + group) / (C.FRENCH_FIRST.length * C.FRENCH_LAST.length))
  return Math.floor(k / (C.ENGLISH_FIRST.length * C.ENGLISH_LAST.length))
}
