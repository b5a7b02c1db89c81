import { describe, expect, it } from 'vitest'
import { fuzzyScore, rankMatches } from '@renderer/components/palette/match'

describe('palette matcher', () => {
  it('ignores accents and case on both sides', () => {
    expect(fuzzyScore('echec', 'Historique : actions en échec')).not.toBeNull()
    expect(fuzzyScore('ÉCHEC', 'failed actions, echec')).not.toBeNull()
    expect(fuzzyScore('parametres', 'Paramètres')).not.toBeNull()
    // A decomposed "é" (e + U+0301) typed by an input method matches a composed one.
    expect(fuzzyScore('e\u0301chec', 'échec')).not.toBeNull()
  })

  it('is fuzzy: letters in order with gaps, every typed word must match', () => {
    expect(fuzzyScore('rfrsh', 'Refresh from Intune')).not.toBeNull()
    expect(fuzzyScore('hist fail', 'History: failed actions')).not.toBeNull()
    expect(fuzzyScore('hist zzz', 'History: failed actions')).toBeNull()
    // Letters out of order do not match.
    expect(fuzzyScore('hserfer', 'Refresh')).toBeNull()
    expect(fuzzyScore('', 'anything')).toBe(0)
    expect(fuzzyScore('   ', 'anything')).toBe(0)
  })

  it('prefers word starts and consecutive letters over scattered ones', () => {
    const start = fuzzyScore('ser', 'Copy serial number')!
    const inside = fuzzyScore('ser', 'Casserole')!
    const scattered = fuzzyScore('ser', 'Dossier')!
    expect(start).toBeGreaterThan(inside)
    expect(inside).toBeGreaterThan(scattered)
    expect(fuzzyScore('cs', 'Copy serial')!).toBeGreaterThan(fuzzyScore('cs', 'Access')!)
  })

  it('matches keywords a little below the label, each keyword on its own', () => {
    // h-e-l-e-n-e can be picked out of "theme langue … dark" together, but of no single keyword.
    expect(
      fuzzyScore('helene', 'Paramètres : Apparence', ['theme', 'langue', 'language', 'sombre', 'dark']),
    ).toBeNull()
    expect(fuzzyScore('theme', 'Appearance', ['theme', 'dark'])).not.toBeNull()
    expect(fuzzyScore('appear', 'Appearance')!).toBeGreaterThan(fuzzyScore('appear', 'Look', ['appearance'])!)
  })

  it('ranks best first and keeps the given order on ties', () => {
    const items = [
      { id: 'a', label: 'Go to Settings' },
      { id: 'b', label: 'Settings: Appearance' },
      { id: 'c', label: 'Start the walkthrough' },
      { id: 'd', label: 'Settings: About' },
    ]
    expect(rankMatches('sett', items).map((i) => i.id)).toEqual(['a', 'b', 'd'])
    expect(rankMatches('walk', items).map((i) => i.id)).toEqual(['c'])
    expect(rankMatches('', items).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd'])
  })
})
