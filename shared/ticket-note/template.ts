import { NOTE_FIELDS, ticketNoteFields, type NoteField, type NoteOptions, type NoteSource } from './index'

/**
 * A team's own ticket note (Settings → Ticket note): plain text with placeholders such as
 * `{device}` or `{outcome}`, one per field of the note (NOTE_FIELDS). Only those placeholders exist,
 * so a template cannot reach anything the note itself would not show (no passcode, no full serial).
 */
export const TEMPLATE_MAX_LENGTH = 2000
const PLACEHOLDER = /\{([^{}]*)\}/g
const KNOWN = new Set<string>(NOTE_FIELDS)

/** The placeholders a template uses that do not exist (each once, in order of appearance). */
export function unknownPlaceholders(template: string): string[] {
  const unknown: string[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim()
    if (!KNOWN.has(name) && !unknown.includes(name)) unknown.push(name)
  }
  return unknown
}

export type TemplateProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooLong'; readonly max: number }
  | { readonly kind: 'unknownPlaceholders'; readonly names: readonly string[] }

/** Why a template cannot be saved, or null when it can. */
export function templateProblem(template: string): TemplateProblem | null {
  if (template.trim() === '') return { kind: 'empty' }
  if (template.length > TEMPLATE_MAX_LENGTH) return { kind: 'tooLong', max: TEMPLATE_MAX_LENGTH }
  const names = unknownPlaceholders(template)
  return names.length > 0 ? { kind: 'unknownPlaceholders', names } : null
}

/** The note written through a template: each placeholder replaced by its field, in the note's language. */
export function renderTicketNote(source: NoteSource, template: string, options: NoteOptions): string {
  const fields = ticketNoteFields(source, options)
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name.trim()) ? fields[name.trim() as NoteField] : whole,
  )
}
