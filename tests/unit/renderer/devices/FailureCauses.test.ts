// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { FailureFacts } from '@shared/api/schemas/failure-facts'
import FailureCauses from '@renderer/components/devices/FailureCauses.vue'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { failureFacts } from '../../../support/failure-facts'
import { fake } from './fake-client'
import { ok } from './rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

const DAY = 86_400_000
const facts = (partial: Partial<FailureFacts> = {}): FailureFacts =>
  failureFacts({
    action: 'removePasscode',
    lastCheckIn: new Date(Date.now() - 12 * DAY).toISOString(),
    readAt: new Date().toISOString(),
    passcodePolicy: 'notKnown',
    deviceFailures: [
      { reason: { kind: 'state', state: 'stillPending' }, count: 2, lastAt: '2026-11-20T10:00:00Z' },
    ],
    tenantFailures: [
      { reason: { kind: 'state', state: 'stillPending' }, count: 4, lastAt: '2026-11-21T10:00:00Z' },
    ],
    ...partial,
  })

async function render(locale: 'fr' | 'en', answer: FailureFacts) {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { fr, en } })
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(FailureCauses, { props: { deviceId: 'd1' }, global: { plugins: [i18n, pinia] } })
  fake.take('devices:failureFacts')[0]!.resolve(ok(answer))
  await flushPromises()
  return wrapper
}

beforeEach(() => fake.reset())

describe('FailureCauses', () => {
  it('states each cause with its facts and asks the caller first (en)', async () => {
    const wrapper = await render('en', facts())
    const causes = wrapper.findAll('[data-testid="failure-cause"]')
    expect(causes.map((c) => c.attributes('data-kind'))).toEqual([
      'staleCheckIn',
      'failedOnDevice',
      'policyNotKnown',
    ])
    expect(causes[0]!.text()).toContain('Last check-in 12 days ago')
    expect(causes[1]!.text()).toMatch(/Failed before on this device \(2×, last on .+\): Still pending/)
    expect(causes[1]!.text()).toContain('The same reason ended 4 actions on other devices of this tenant.')
    expect(wrapper.findAll('[data-testid="failure-asks"] li').map((li) => li.attributes('data-ask'))).toEqual(
      ['lastUsed', 'deviceOnline', 'newPasscode'],
    )
    expect(wrapper.text()).not.toMatch(/%/)
  })

  it('says plainly when nothing points to a failure (fr)', async () => {
    const wrapper = await render(
      'fr',
      facts({
        lastCheckIn: new Date().toISOString(),
        passcodePolicy: 'assigned',
        deviceFailures: [],
        tenantFailures: [],
      }),
    )
    expect(wrapper.find('[data-testid="failure-cause"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="failure-causes-none"]').text()).toMatch(/^Rien dans le cache/)
    expect(wrapper.find('[data-testid="failure-asks"]').exists()).toBe(false)
  })

  it('names Multi Admin Approval with its count and date (fr)', async () => {
    const wrapper = await render(
      'fr',
      facts({
        deviceFailures: [],
        tenantFailures: [],
        approvalRequired: { count: 3, lastAt: '2026-11-25T09:00:00Z' },
      }),
    )
    const maa = wrapper.get('[data-kind="approvalRequired"]').text()
    expect(maa).toContain('L’approbation multi-administrateur a retenu 3\u00a0actions dans ce locataire')
    expect(maa).toContain('25 nov. 2026')
  })

  it("quotes Intune's audit result with its window and count (fr), and says when the audit was refused (en)", async () => {
    const fr = await render(
      'fr',
      facts({
        deviceFailures: [],
        tenantFailures: [],
        audit: {
          status: 'read',
          since: '2026-10-27T12:00:00.000Z',
          readAt: '2026-11-26T12:00:00.000Z',
          deviceFailures: [{ result: 'Failure', count: 2, lastAt: '2026-11-24T09:00:00Z' }],
          tenantFailures: [{ result: 'Failure', count: 1, lastAt: '2026-11-22T09:00:00Z' }],
        },
      }),
    )
    const mine = fr.get('[data-kind="auditFailedOnDevice"]').text()
    expect(mine).toContain(
      'Les journaux d’audit d’Intune contiennent 2\u00a0demandes de code secret sur cet appareil',
    )
    expect(mine).toContain('depuis le 27 oct. 2026')
    expect(mine).toContain('résultat «\u00a0Failure\u00a0»')
    expect(fr.get('[data-kind="auditFailedInTenant"]').text()).toContain(
      '1\u00a0demande de code secret qui n’a pas abouti',
    )

    fake.reset()
    const en = await render('en', facts({ audit: { status: 'notRead', code: 'GRAPH_FORBIDDEN' } }))
    expect(en.get('[data-kind="auditNotRead"]').text()).toContain(
      "Intune's audit logs were not read: your Intune role or this app's permissions do not allow it",
    )
    expect(en.get('[data-kind="auditNotRead"]').text()).toContain(
      "from the cache and this app's history only",
    )
  })
})
