import { createHash } from 'node:crypto'
import { newAxe } from './axe'
import type { Page } from '@playwright/test'

/**
 * axe (WCAG 2.1 A/AA) for journeys that shoot one screen at several window sizes. A scan reads the DOM
 * and the theme's colours, so the same DOM in the same theme answers the same at another size: the
 * screen is scanned again only when its DOM differs (a compact layout rendering other elements).
 * Journeys shoot 800×600 first, so the scan kept is the compact one (rail navigation, container-query
 * layouts); the wide frame around every view is scanned at 1280×800 by views.spec.ts.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeScope {
  /** Only this part of the page (AxeBuilder.include). */
  readonly include?: string
  /** Everything but this part (AxeBuilder.exclude). */
  readonly exclude?: string
}

export interface AxeOnce {
  /** `id: targets` of every violation in `scope`, scanned now or read from a scan of the same DOM. */
  violations(scope?: AxeScope): Promise<string[]>
  /** Scans run and scans answered from an earlier scan of the same DOM (for the report). */
  readonly counts: { scanned: number; reused: number }
}

/** What a scan depends on besides the CSS: the theme, the language and the scanned part's markup. */
async function domKey(page: Page, scope: AxeScope): Promise<string> {
  const markup = await page.evaluate<string>(`(() => {
    const root = ${scope.include ? `document.querySelector(${JSON.stringify(scope.include)})` : 'document.body'}
    const html = document.documentElement
    return [html.getAttribute('data-theme'), html.lang, root ? root.outerHTML : ''].join('\\n')
  })()`)
  return createHash('sha256').update(JSON.stringify(scope)).update(markup).digest('hex')
}

const byPage = new WeakMap<Page, AxeOnce>()

/** The page's scanner (one per page, so a test's scans are only ever reused within that test). */
export function axeOnce(page: Page): AxeOnce {
  let scanner = byPage.get(page)
  if (!scanner) byPage.set(page, (scanner = createAxeOnce(page)))
  return scanner
}

function createAxeOnce(page: Page): AxeOnce {
  const seen = new Map<string, string[]>()
  const counts = { scanned: 0, reused: 0 }
  return {
    counts,
    async violations(scope = {}) {
      const key = await domKey(page, scope)
      const known = seen.get(key)
      if (known) {
        counts.reused++
        return known
      }
      let axe = newAxe(page).withTags(TAGS)
      if (scope.include) axe = axe.include(scope.include)
      if (scope.exclude) axe = axe.exclude(scope.exclude)
      const results = await axe.analyze()
      const found = results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      )
      counts.scanned++
      seen.set(key, found)
      return found
    },
  }
}
