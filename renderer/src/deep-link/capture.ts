import { deepLinkFromFragment, parseDeepLink, type DeepLinkResult } from '@shared/deep-link'

/**
 * Browser host: a deep link as the URL fragment (`…/#passcode-desk://device?serial=…`). Taken out
 * of the address and replaced by an ordinary route, so the hash router never reads it as a path
 * and a reload does not follow it twice. main.ts imports this module BEFORE the router module
 * (whose hash history reads and rewrites the address as soon as it is created).
 */

/** Browsers may percent-encode the fragment once more (`%3F` for `?`): undo only that layer. */
function safeDecode(text: string): string {
  if (/^passcode-desk:\/\/device[?/]/i.test(text)) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function captureFragmentLink(win: Window): DeepLinkResult | null {
  const text = deepLinkFromFragment(win.location.hash)
  if (text === null) return null
  win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}#/`)
  return parseDeepLink(safeDecode(text))
}

/** The link the page was opened with, if any. */
export const initialFragmentLink: DeepLinkResult | null =
  typeof window === 'undefined' ? null : captureFragmentLink(window)
