import type { SourceId } from '@shared/eligibility/sources'

/**
 * Eligibility sources are shown by a localized title (`eligibility.source.<key>`), never by their
 * internal id (SEED-2018) or the English title core carries. Keys drop the id's punctuation.
 */
export function sourceKey(id: SourceId): string {
  return `eligibility.source.${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`
}

/** Microsoft Learn serves each page per locale: a French agent gets the fr-fr page. */
export function localizedLearnUrl(url: string, locale: string): string {
  const lang = locale.toLowerCase().startsWith('fr') ? 'fr-fr' : 'en-us'
  return url.replace(/^(https:\/\/learn\.microsoft\.com\/)(?:[a-z]{2}-[a-z]{2}\/)?/, `$1${lang}/`)
}
