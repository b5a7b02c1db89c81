import type { ActionRecord } from '@shared/api/schemas/actions'

/**
 * Desktop notification text (domain §1.7: where the result is shown).
 * Core writes it because the Electron host shows it from the main process. It names the device and the
 * result, never the passcode (DESIGN §4): the agent reveals that in the app.
 */
type Lang = 'fr' | 'en'

const TEXT = {
  fr: {
    done: {
      title: 'Action terminée',
      removed: 'Code retiré sur {device}.',
      reset: 'Nouveau code prêt pour {device} : affichez-le dans Passcode Desk.',
      resetNoCode: 'Code réinitialisé sur {device}.',
    },
    failed: { title: 'Échec de l’action', body: 'Intune n’a pas pu traiter l’action sur {device}.' },
    notSupported: {
      title: 'Action non prise en charge',
      body: '{device} ne prend pas en charge cette action.',
    },
    canceled: { title: 'Action annulée', body: 'L’action sur {device} a été annulée.' },
  },
  en: {
    done: {
      title: 'Action complete',
      removed: 'Passcode removed on {device}.',
      reset: 'New passcode ready for {device}: reveal it in Passcode Desk.',
      resetNoCode: 'Passcode reset on {device}.',
    },
    failed: { title: 'Action failed', body: 'Intune could not complete the action on {device}.' },
    notSupported: { title: 'Action not supported', body: '{device} does not support this action.' },
    canceled: { title: 'Action canceled', body: 'The action on {device} was canceled.' },
  },
} as const

export function notificationLanguage(preference: string, systemLocale: string): Lang {
  const tag = preference === 'system' ? systemLocale : preference
  return tag.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

/** Title and body for a terminal state, or null when the state deserves no notification. */
export function notificationFor(action: ActionRecord, lang: Lang): { title: string; body: string } | null {
  const t = TEXT[lang]
  const device = action.deviceName ?? action.deviceId
  const fill = (s: string) => s.replace('{device}', device)
  switch (action.state) {
    case 'done': {
      const body =
        action.action === 'removePasscode'
          ? t.done.removed
          : action.hasPasscode
            ? t.done.reset
            : t.done.resetNoCode
      return { title: t.done.title, body: fill(body) }
    }
    case 'failed':
      return { title: t.failed.title, body: fill(t.failed.body) }
    case 'notSupported':
      return { title: t.notSupported.title, body: fill(t.notSupported.body) }
    case 'canceled':
      return { title: t.canceled.title, body: fill(t.canceled.body) }
    default:
      return null
  }
}
