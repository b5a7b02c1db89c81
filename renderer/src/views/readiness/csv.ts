/**
 * A chart's data table as CSV, following the History export (core/history/csv.ts, which the
 * renderer cannot import): `;` and decimal commas in French, `,` in English, UTF-8 with a BOM so
 * Excel opens accents right, CRLF lines, and text cells starting with = + - @ prefixed with an
 * apostrophe so a spreadsheet never runs them (OWASP "CSV injection"). Numbers stay numbers.
 */
export const CSV_SEPARATOR = { fr: ';', en: ',' } as const
const BOM = '\uFEFF'

export function csvCell(value: string | number, separator: string, locale: 'fr' | 'en'): string {
  if (typeof value === 'number') {
    const text = String(value)
    return locale === 'fr' ? text.replace('.', ',') : text
  }
  let v = value
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`
  return v.includes(separator) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function tableCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  locale: 'fr' | 'en',
): string {
  const sep = CSV_SEPARATOR[locale]
  const line = (cells: readonly (string | number)[]) => cells.map((c) => csvCell(c, sep, locale)).join(sep)
  return BOM + [line(columns), ...rows.map(line)].join('\r\n') + '\r\n'
}

/** Saves a file through a download link (no file-system access in the renderer). */
export function download(filename: string, href: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
}

export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  download(filename, url)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
