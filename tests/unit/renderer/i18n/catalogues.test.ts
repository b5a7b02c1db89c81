// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { ERROR_CODES } from '@shared/errors'

type Tree = { readonly [key: string]: string | Tree }

/** Every leaf as `a.b.c` → value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of leaves(value, path)) out.set(k, v)
    } else {
      out.set(path, value)
    }
  }
  return out
}

const frLeaves = leaves(fr as Tree)
const enLeaves = leaves(en as Tree)

/** `{name}` placeholders in a message, sorted. */
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('i18n catalogues', () => {
  it('fr and en have exactly the same keys, at every depth', () => {
    const onlyFr = [...frLeaves.keys()].filter((key) => !enLeaves.has(key))
    const onlyEn = [...enLeaves.keys()].filter((key) => !frLeaves.has(key))
    expect({ onlyFr, onlyEn }).toEqual({ onlyFr: [], onlyEn: [] })
  })

  it('has no empty or non-string message', () => {
    const bad = [...frLeaves, ...enLeaves].filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    )
    expect(bad.map(([key]) => key)).toEqual([])
  })

  it('uses the same {placeholders} in both languages', () => {
    const mismatched = [...frLeaves.keys()]
      .filter((key) => enLeaves.has(key))
      .filter(
        (key) =>
          JSON.stringify(placeholders(String(frLeaves.get(key)))) !==
          JSON.stringify(placeholders(String(enLeaves.get(key)))),
      )
    expect(mismatched).toEqual([])
  })

  it.each(ERROR_CODES)('explains error %s in both languages', (code) => {
    expect(frLeaves.get(`errors.${code}`), `fr errors.${code}`).toEqual(expect.any(String))
    expect(enLeaves.get(`errors.${code}`), `en errors.${code}`).toEqual(expect.any(String))
  })

  it('has a fallback for codes a newer core might send', () => {
    expect(frLeaves.get('errors.UNKNOWN')).toBeTruthy()
    expect(enLeaves.get('errors.UNKNOWN')).toBeTruthy()
  })
})
