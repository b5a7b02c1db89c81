// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import PasscodeDictation from '@renderer/components/actions/PasscodeDictation.vue'
import { dictatePasscode, groupSize } from '@renderer/composables/usePasscodeDictation'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'

const FR_ALPHABET =
  'Anatole Berthe Célestin Désiré Eugène François Gaston Henri Irma Joseph Kléber Louis Marcel Nicolas Oscar Pierre Quintal Raoul Suzanne Thérèse Ursule Victor William Xavier Yvonne Zoé'
const ICAO =
  'Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu'

function render(passcode: string, locale: 'fr' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { fr, en }, missingWarn: false })
  return mount(PasscodeDictation, { props: { passcode }, global: { plugins: [i18n] } })
}

describe('passcode dictation', () => {
  it('the catalogues hold the French spelling alphabet and ICAO, 26 words, and ten digit names', () => {
    expect(fr.passcodeDictation.alphabet).toBe(FR_ALPHABET)
    expect(en.passcodeDictation.alphabet).toBe(ICAO)
    for (const c of [fr, en]) {
      expect(c.passcodeDictation.alphabet.split(' ')).toHaveLength(26)
      expect(c.passcodeDictation.digits.split(' ')).toHaveLength(10)
    }
  })

  it('groups by four, or by three when that divides evenly', () => {
    expect(groupSize(8)).toBe(4)
    expect(groupSize(6)).toBe(3)
    expect(groupSize(9)).toBe(3)
    expect(groupSize(7)).toBe(4)
    const d = dictatePasscode('k7p2mx9q', {
      alphabet: FR_ALPHABET.split(' '),
      digits: fr.passcodeDictation.digits.split(' '),
    })
    expect(d.groups.map((g) => g.map((c) => c.char).join(''))).toEqual(['k7p2', 'mx9q'])
    expect(d.groups[0]).toEqual([
      { char: 'k', kind: 'letter', letterCase: 'lower', word: 'Kléber' },
      { char: '7', kind: 'digit', letterCase: null, word: 'sept' },
      { char: 'p', kind: 'letter', letterCase: 'lower', word: 'Pierre' },
      { char: '2', kind: 'digit', letterCase: null, word: 'deux' },
    ])
    expect(d).toMatchObject({ hasLetters: true, letterCase: 'lower' })
  })

  it('says whether letters are lower, upper or mixed case, and when there are none', () => {
    const words = { alphabet: ICAO.split(' '), digits: en.passcodeDictation.digits.split(' ') }
    expect(dictatePasscode('482913', words)).toMatchObject({ hasLetters: false, letterCase: null })
    expect(dictatePasscode('AB12', words).letterCase).toBe('upper')
    expect(dictatePasscode('aB12', words).letterCase).toBe('mixed')
    expect(dictatePasscode('a-1', words).groups[0]![1]).toEqual({
      char: '-',
      kind: 'other',
      letterCase: null,
      word: null,
    })
  })

  it('French: « k comme Kléber », digits named, the keypad warning, lower-case note', () => {
    const w = render('k7p2mx9q', 'fr')
    const words = w.findAll('[data-testid="passcode-dictation-word"]').map((x) => x.text())
    expect(words).toEqual([
      'comme Kléber',
      'sept',
      'comme Pierre',
      'deux',
      'comme Marcel',
      'comme Xavier',
      'neuf',
      'comme Quintal',
    ])
    expect(w.get('[data-testid="passcode-letters-warning"]').text()).toContain('clavier complet')
    expect(w.get('[data-testid="passcode-letter-case"]').text()).toBe(
      'Toutes les lettres sont en minuscules.',
    )
    expect(w.findAll('[data-testid="passcode-dictation-group"]')[0]!.attributes('aria-label')).toBe(
      'Groupe 1\u00a0: k comme Kléber, chiffre sept, p comme Pierre, chiffre deux',
    )
  })

  it('English: ICAO words, capitals marked one by one when the case is mixed; digits only → no warning', () => {
    const w = render('Qa9x', 'en')
    expect(w.findAll('[data-testid="passcode-dictation-word"]').map((x) => x.text())).toEqual([
      'capital, as in Quebec',
      'lowercase, as in Alfa',
      'nine',
      'lowercase, as in X-ray',
    ])
    expect(w.find('[data-testid="passcode-letters-warning"]').exists()).toBe(true)
    const digits = render('482913', 'en')
    expect(digits.find('[data-testid="passcode-letters-warning"]').exists()).toBe(false)
    expect(digits.find('[data-testid="passcode-letter-case"]').exists()).toBe(false)
    expect(digits.findAll('[data-testid="passcode-dictation-group"]')).toHaveLength(2)
  })
})
