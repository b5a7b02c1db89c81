import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * An axe scan of the page, run by axe.run inside it. AxeBuilder's default runs axe in each frame and
 * merges the results in a new blank page: a page opened and closed, and axe's source injected twice
 * more, for every scan. The app renders no frames (no iframe in renderer/), so the page alone holds
 * everything the default would see, and the results are the same.
 */
export function newAxe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode()
}
