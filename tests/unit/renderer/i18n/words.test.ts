// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { GRAPH_ENUMS } from '@renderer/i18n/graphEnums'

type Tree = { readonly [key: string]: string | Tree }
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path)
  })
}
const FR = leaves(fr as Tree)
const EN = leaves(en as Tree)

/**
 * Synonyms glossary-fr.md §1 bans (one term per concept): passcode = « code secret » (never « code
 * d’accès », « code » alone, « mot de passe »), walkthrough = « procédure pas à pas », check-in =
 * « Dernier archivage », « profil professionnel », « entièrement géré », « stratégie », « appareil
 * dédié » (ex-« kiosque »).
 */
const BANNED_FR: readonly [RegExp, string][] = [
  [/code d[’']accès/i, 'code d’accès → code secret'],
  [/procédure guidée/i, 'procédure guidée → procédure pas à pas'],
  [/réinitialisation guidée/i, 'réinitialisation guidée → procédure pas à pas'],
  [/\bparcours\b/i, 'parcours → procédure pas à pas'],
  [/dernier contact/i, 'Dernier contact → Dernier archivage'],
  [/dernière synchronisation avec intune/i, 'Dernière synchronisation avec Intune → Dernier archivage'],
  [/synchronisé avec intune/i, 'synchronisé avec Intune → archivage'],
  [/profil de travail/i, 'profil de travail → profil professionnel'],
  [/complètement géré/i, 'complètement géré → entièrement géré'],
  [/\bmanagé/i, 'managé → géré'],
  [/\bpolitique/i, 'politique → stratégie'],
  [/kiosque/i, 'kiosque → appareil dédié'],
  [/Android Enterprise/, 'Android Enterprise → Android Entreprise'],
  // « code » alone for the passcode; « code secret », « code PIN », « code d’erreur » are other terms.
  [/\bcodes?\b(?!\s+(secrets?|PIN|d’erreur)\b)/i, '« code » seul → code secret'],
  [/\b(l’appelant|un appelant|L’appelant|appelante?s?)\b/, 'appelant → la personne qui appelle (épicène)'],
  [/\bCe qu’il verra\b/, 'Ce qu’il verra → Ce que la personne verra'],
]
/** « mot de passe » is right only for an account password (Windows, macOS, Linux), never the passcode. */
const ACCOUNT_PASSWORD_KEYS =
  /^(eligibility\.reason\.(windows|macos)Unsupported|guidance\.(windows|macos|linux|links)\.)/

const BANNED_EN: readonly [RegExp, string][] = [
  [/enrolment/i, 'enrolment → enrollment'],
  [/\bguided\b/i, 'guided → walkthrough'],
  [/last contact/i, 'last contact → last check-in'],
  [/synced with Intune/i, 'synced with Intune → checked in'],
  [/access code/i, 'access code → passcode'],
  [/kiosk/i, 'kiosk → dedicated'],
  [/(?<!error )\bcodes?\b(?!\s+PIN\b)/i, 'code → passcode'],
  [/\b(he|she|his|her|him)\b/i, 'gendered pronoun → they'],
]

/** Raw Graph enum members in camelCase (windowsRT, androidForWork, azureADJoined…) or all-lowercase jargon (mdm). */
const RAW_MEMBERS = [...new Set(Object.values(GRAPH_ENUMS).flat())].filter(
  (m) =>
    (/[a-z][A-Z]/.test(m) && !/^(i[A-Z]|tvOS|visionOS|macOS)/.test(m)) ||
    ['mdm', 'eas', 'easMdm'].includes(m),
)
/** Intune's operatingSystem strings for Android modes ("AndroidForWork 14"). */
const RAW_OS = ['AndroidForWork', 'AndroidEnterprise', 'AndroidAOSP']

function offences(entries: [string, string][], rules: readonly [RegExp, string][], skip?: RegExp): string[] {
  return entries.flatMap(([key, value]) =>
    // {placeholders} are not words the agent reads.
    rules
      .filter(([re]) => re.test(value.replace(/\{\w+\}/g, '')) && !skip?.test(key))
      .map(([, why]) => `${key}: ${why} — « ${value} »`),
  )
}

describe('i18n words (glossary-fr.md)', () => {
  it('French uses one term per concept: no banned synonym', () => {
    expect(offences(FR, BANNED_FR)).toEqual([])
  })

  it('French says « mot de passe » only for account passwords, never for the passcode', () => {
    expect(offences(FR, [[/mot de passe/i, 'mot de passe → code secret']], ACCOUNT_PASSWORD_KEYS)).toEqual([])
  })

  it('English uses one term per concept: no banned synonym', () => {
    expect(offences(EN, BANNED_EN)).toEqual([])
  })

  it.each([
    ['fr', FR],
    ['en', EN],
  ] as const)('%s shows no raw Graph enum value', (_lang, entries) => {
    const raw = entries.flatMap(([key, value]) =>
      [...RAW_MEMBERS, ...RAW_OS]
        .filter((m) => new RegExp(`(^|[^A-Za-z])${m}([^A-Za-z]|$)`).test(value))
        .map((m) => `${key}: ${m}`),
    )
    expect(raw).toEqual([])
  })

  it('French typography: no-break space before : ; ! ? and inside « », no semicolon', () => {
    // One space per mark, as the catalogue writes it: U+00A0 before ':', U+202F before '?' and '!'.
    const bad = FR.filter(
      ([, v]) =>
        / [:;!?]/.test(v) ||
        /(?<!\u202f)[!?]/.test(v) ||
        /«(?![\u00a0\u202f])/.test(v) ||
        /(?<![\u00a0\u202f])»/.test(v) ||
        /;/.test(v),
    ).map(([key, value]) => `${key}: « ${value} »`)
    expect(bad).toEqual([])
  })

  it('the checks themselves catch what the issue saw', () => {
    const seen: [string, string][] = [
      ['a', 'Démarrer la procédure guidée'],
      ['b', 'Dernier contact avec Intune'],
      ['c', 'Réinitialiser le code d’accès'],
      ['d', 'Ce qu’il verra'],
    ]
    expect(new Set(offences(seen, BANNED_FR).map((o) => o.split(':')[0]))).toEqual(
      new Set(['a', 'b', 'c', 'd']),
    )
    expect(offences([['e', 'After enrolment']], BANNED_EN)).toHaveLength(1)
  })
})
