// The deep-link parser (shared/deep-link.ts): what a ticketing tool's link may say, and the hostile
// links any web page could craft instead. A link only ever navigates and pre-fills.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deepLinkFromArgv, deepLinkFromFragment, MAX_LINK_LENGTH, parseDeepLink } from '@shared/deep-link'

const ok = (url: string) => {
  const result = parseDeepLink(url)
  if (!result.ok) throw new Error(`refused ${url}: ${result.reason}`)
  return result.link
}
const reason = (url: unknown) => {
  const result = parseDeepLink(url)
  return result.ok ? 'accepted' : result.reason
}

describe('deep links a ticketing tool produces', () => {
  it('serial, id, upn or imei, with optional ticket and caller (percent-decoded)', () => {
    expect(ok('passcode-desk://device?serial=C02XK1JHJG5H&ticket=INC0012345&caller=Marie%20Dupont')).toEqual({
      by: 'serial',
      value: 'C02XK1JHJG5H',
      ticket: 'INC0012345',
      caller: 'Marie Dupont',
    })
    expect(ok('passcode-desk://device?id=0f3c5a2e-1b2c-4d5e-8f90-123456789abc')).toEqual({
      by: 'id',
      value: '0f3c5a2e-1b2c-4d5e-8f90-123456789abc',
    })
    expect(
      ok('passcode-desk://device/?upn=marie.dupont%40contoso.fr&caller=Ren%C3%A9e%20L%E2%80%99H%C3%B4te'),
    ).toEqual({ by: 'upn', value: 'marie.dupont@contoso.fr', caller: 'Renée L’Hôte' })
    expect(ok('PASSCODE-DESK://device?imei=356938035643809&ticket=GLPI%20%234711')).toMatchObject({
      by: 'imei',
      ticket: 'GLPI #4711',
    })
    // Jira Service Management keys, ServiceNow RITM, a "+" as space in a form-encoded query.
    expect(ok('passcode-desk://device?serial=ABC-123&ticket=ITSM-42&caller=Jean+Martin')).toMatchObject({
      ticket: 'ITSM-42',
      caller: 'Jean Martin',
    })
  })
})

describe('hostile links', () => {
  it('other schemes and targets: javascript:, https:, file:, other hosts, paths, traversal', () => {
    expect(reason('javascript:alert(1)//passcode-desk://device?serial=A')).toBe('wrongScheme')
    expect(reason('https://evil.example/?serial=A')).toBe('wrongScheme')
    expect(reason('file:///etc/passwd')).toBe('wrongScheme')
    expect(reason('passcode-desk:device?serial=A')).toBe('unknownTarget')
    expect(reason('passcode-desk://settings?serial=A')).toBe('unknownTarget')
    expect(reason('passcode-desk://walkthrough?serial=A')).toBe('unknownTarget')
    expect(reason('passcode-desk://device/../settings?serial=A')).toBe('unknownTarget')
    expect(reason('passcode-desk://device/%2e%2e/settings?serial=A')).toBe('unknownTarget')
    expect(reason('passcode-desk://device/issue?serial=A')).toBe('unknownTarget')
    expect(reason('passcode-desk://user:pw@device?serial=A')).toBe('notALink')
    expect(reason('passcode-desk://device:8080?serial=A')).toBe('notALink')
    expect(reason('passcode-desk://device?serial=A#/settings')).toBe('notALink')
  })

  it('parameters that would act, confirm or change settings are refused, not ignored', () => {
    for (const extra of ['action=reset', 'confirm=1', 'issue=true', 'locale=en', 'profile=x', 'Serial=B'])
      expect(reason(`passcode-desk://device?serial=A&${extra}`), extra).toBe('unknownParameter')
    expect(reason('passcode-desk://device?serial=A&serial=B')).toBe('repeatedParameter')
    expect(reason('passcode-desk://device?serial=A&imei=356938035643809')).toBe('severalDevices')
    expect(reason('passcode-desk://device?ticket=INC1')).toBe('noDevice')
  })

  it('scripts, markup, control characters and odd values are refused', () => {
    const bad = [
      'serial=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      'serial=A&caller=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'serial=A&ticket=INC1%0ASet-Cookie:x',
      'serial=A%00B',
      'serial=',
      'serial=..%2F..%2Fsettings',
      'id=not-a-guid',
      'upn=marie%20dupont@contoso.fr',
      'upn=%22a%22@contoso.fr',
      'imei=35693803564380A',
      'serial=A&caller=',
      'serial=A&ticket=%20INC1',
    ]
    for (const query of bad) expect(reason(`passcode-desk://device?${query}`), query).toBe('badValue')
    expect(reason('passcode-desk://device?serial=A B')).toBe('notALink')
    expect(reason('passcode-desk://device?serial=A\tB')).toBe('notALink')
  })

  it('huge links and non-strings', () => {
    expect(reason(`passcode-desk://device?serial=A&ticket=${'X'.repeat(MAX_LINK_LENGTH)}`)).toBe('tooLong')
    expect(reason(`passcode-desk://device?serial=${'A'.repeat(65)}`)).toBe('badValue')
    expect(reason(`passcode-desk://device?serial=A&caller=${'é'.repeat(101)}`)).toBe('badValue')
    expect(reason(null)).toBe('notALink')
    expect(reason({ toString: () => 'passcode-desk://device?serial=A' })).toBe('notALink')
  })

  it('never throws, and whatever it accepts is bounded and markup-free (property)', () => {
    const fragments = fc.constantFrom(
      'passcode-desk://device?',
      'serial=',
      'id=',
      'upn=',
      'imei=',
      'ticket=',
      'caller=',
      '&',
      '%3C',
      '%00',
      '/',
      '..',
      '#',
      '@',
      ':',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 })), { maxLength: 12 }), (parts) => {
        const result = parseDeepLink(parts.join(''))
        if (!result.ok) return true
        const all = [result.link.value, result.link.ticket ?? '', result.link.caller ?? '']
        // eslint-disable-next-line no-control-regex -- checking that no control character got through
        return all.every((v) => v.length <= 100 && !/[<>"\u0000-\u001f]/.test(v))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('where links arrive', () => {
  it('argv (Windows/Linux launch and second-instance), the browser host’s fragment', () => {
    expect(deepLinkFromArgv(['C:\\PD\\Passcode Desk.exe', '--flag', 'passcode-desk://device?serial=A'])).toBe(
      'passcode-desk://device?serial=A',
    )
    expect(deepLinkFromArgv(['/app', '--allow-file-access'])).toBeNull()
    expect(deepLinkFromFragment('#passcode-desk://device?serial=A')).toBe('passcode-desk://device?serial=A')
    expect(deepLinkFromFragment('#/devices')).toBeNull()
  })
})
