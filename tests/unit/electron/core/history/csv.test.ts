import { describe, expect, it } from 'vitest'
import {
  csvCell,
  exportFilename,
  formatCsvDate,
  historyToCsv,
} from '../../../../../electron/core/history/csv'
import { sampleRecord } from './fixtures'

describe('history CSV', () => {
  it('French: BOM, semicolons, French dates and labels, quoting and formula neutralising', () => {
    const csv = historyToCsv([sampleRecord()], 'fr', 'Europe/Paris')
    expect(csv.startsWith('\uFEFFDate;État;Action;Appareil')).toBe(true)
    const row = csv.split('\r\n')[1]!
    expect(
      row.startsWith(
        '26/11/2026 09:05:09;Terminée;Réinitialiser le code secret;"PAR-Hélène; ""pro""";2B1XYZ;helene@contoso.example;Zoé Bélanger;',
      ),
    ).toBe(true)
    expect(row).toContain(`;"'=HYPERLINK(""x"")";`)
    // Localized check labels, never the raw ids.
    expect(row).toContain(';Matricule vérifié, Rappel du responsable;Oui;')
    expect(row).not.toMatch(/employeeId|managerCallback/)
    expect(csv).toContain('"ligne 1\nligne 2"')
  })

  it('English: commas, sortable dates, caller and check labels', () => {
    const csv = historyToCsv([sampleRecord({ deviceName: 'Laptop, 2' })], 'en', 'UTC')
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFDate,State,Action,Device,Serial number,User,Caller,Agent,Ticket,Checks,Temporary passcode issued,Intune error code,Outcome note,Intune request ID,Client request ID',
    )
    const row = csv.split('\r\n')[1]!
    expect(row.startsWith('2026-11-26 08:05:09,Done,Reset passcode,"Laptop, 2",')).toBe(true)
    expect(row).toContain(',Zoé Bélanger,agent@contoso.example,')
    expect(row).toContain(',"Employee ID confirmed, Manager called back",Yes,')
    // Graph's request-id, then ours: none yet for this action (not sent), so an empty cell first.
    expect(row.endsWith(',,req-1')).toBe(true)
    const sent = historyToCsv([sampleRecord({ graphRequestId: 'graph-7' })], 'en', 'UTC').split('\r\n')[1]!
    expect(sent.endsWith(',graph-7,req-1')).toBe(true)
  })

  it('an action without a caller name leaves the cell empty', () => {
    const row = historyToCsv(
      [sampleRecord({ callerName: null, action: 'removePasscode' })],
      'fr',
      'UTC',
    ).split('\r\n')[1]!
    expect(row).toContain(';Supprimer le code secret;')
    expect(row).toContain(';helene@contoso.example;;agent@contoso.example;')
  })

  it('file names carry the local day and the language', () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Paris.
    const at = Date.parse('2026-11-30T23:30:00Z')
    expect(exportFilename(at, 'fr', 'Europe/Paris')).toBe('passcode-desk-historique-2026-12-01-fr.csv')
    expect(exportFilename(at, 'en', 'America/Toronto')).toBe('passcode-desk-history-2026-11-30-en.csv')
    // An unknown zone falls back to UTC's day rather than failing the export.
    expect(exportFilename(at, 'en', 'Not/AZone')).toBe('passcode-desk-history-2026-11-30-en.csv')
  })

  it('cells and dates', () => {
    expect(csvCell('plain', ';')).toBe('plain')
    expect(csvCell('-1', ',')).toBe("'-1")
    expect(csvCell('a,b', ';')).toBe('a,b')
    expect(formatCsvDate('not a date', 'fr')).toBe('not a date')
  })
})
