import { describe, expect, it } from 'vitest'
import { csvCell, formatCsvDate, historyToCsv } from '../../../../../electron/core/history/csv'
import { sampleRecord } from './fixtures'

describe('history CSV', () => {
  it('French: BOM, semicolons, French dates and labels, quoting and formula neutralising', () => {
    const csv = historyToCsv([sampleRecord()], 'fr', 'Europe/Paris')
    expect(csv.startsWith('\uFEFFDate;État;Action;Appareil')).toBe(true)
    const row = csv.split('\r\n')[1]!
    expect(
      row.startsWith('26/11/2026 09:05:09;Terminée;Réinitialisation du code;"PAR-Hélène; ""pro""";2B1XYZ'),
    ).toBe(true)
    expect(row).toContain(`;"'=HYPERLINK(""x"")";`)
    expect(row).toContain(';Oui;')
    expect(csv).toContain('"ligne 1\nligne 2"')
  })

  it('English: commas and sortable dates', () => {
    const csv = historyToCsv([sampleRecord({ deviceName: 'Laptop, 2' })], 'en', 'UTC')
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFDate,State,Action,Device,Serial number,User,Agent,Ticket,Checks,Temporary passcode issued,Intune error code,Outcome note,Request ID',
    )
    expect(csv.split('\r\n')[1]!.startsWith('2026-11-26 08:05:09,Done,Reset passcode,"Laptop, 2",')).toBe(
      true,
    )
  })

  it('cells and dates', () => {
    expect(csvCell('plain', ';')).toBe('plain')
    expect(csvCell('-1', ',')).toBe("'-1")
    expect(csvCell('a,b', ';')).toBe('a,b')
    expect(formatCsvDate('not a date', 'fr')).toBe('not a date')
  })
})
