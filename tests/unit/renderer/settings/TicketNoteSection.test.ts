// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/api/schemas/settings'
import type { ActionRecord } from '@shared/api/schemas/actions'
import { createFakeClient, type FakeClient } from '../fake-client'
import { mountPart } from '../walkthrough/mount'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { default: TicketNoteSection } = await import('@renderer/views/settings/TicketNoteSection.vue')
const { default: TicketNoteButton } = await import('@renderer/components/history/TicketNoteButton.vue')
const { useSettingsStore } = await import('@renderer/stores/settings')

const action = {
  id: 'a1',
  deviceName: 'iPhone de Hélène',
  action: 'removePasscode',
  state: 'done',
  agentUpn: 'emarchand@contoso.example',
  agentDisplayName: 'Élodie Marchand',
  ticketReference: 'INC-6060',
  verification: { checks: [] },
  graphRequestId: null,
  clientRequestId: 'c1',
  requestedAt: '2026-12-01T14:10:00.000Z',
  sentAt: '2026-12-01T14:10:00.000Z',
  completedAt: null,
  device: {
    deviceName: 'iPhone de Hélène',
    model: 'iPhone 15',
    manufacturer: 'Apple',
    serialNumber: 'F2LXK9PQ7XK4',
  },
} as unknown as ActionRecord

describe('Settings → Ticket note', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    client.current.call.mockImplementation(async (channel, input) =>
      channel === 'settings:update'
        ? { ok: true, value: { ...DEFAULT_SETTINGS, ...(input as object) } }
        : { ok: true, value: DEFAULT_SETTINGS },
    )
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it.each([
    ['en', /Unknown placeholders: \{appareil\}, \{passcode\}/],
    ['fr', /Espaces réservés inconnus\u00a0: \{appareil\}, \{passcode\}/],
  ] as const)('refuses unknown placeholders by name, in the agent’s language (%s)', async (locale, error) => {
    const wrapper = mountPart(TicketNoteSection, { locale })
    await flushPromises()
    await wrapper
      .find('[data-testid="ticket-note-template-fr"] textarea')
      .setValue('{appareil} {outcome} {passcode}')
    expect(wrapper.find('[data-testid="ticket-note-error-fr"]').text()).toMatch(error)
    expect(wrapper.find('[data-testid="ticket-note-save"]').attributes('disabled')).toBeDefined()
    expect(client.current.call).not.toHaveBeenCalledWith('settings:update', expect.anything())
  })

  it('saves a valid template, which the Copy button then writes; empty goes back to the built-in note', async () => {
    let board = ''
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (board = text) },
    })
    const wrapper = mountPart(
      {
        components: { TicketNoteSection, TicketNoteButton },
        setup: () => ({ action }),
        template: '<div><TicketNoteSection /><TicketNoteButton :action="action" /></div>',
      },
      { locale: 'en' },
    )
    await flushPromises()
    await wrapper
      .find('[data-testid="ticket-note-template-en"] textarea')
      .setValue('[{ticket}] {action}: {outcome}')
    expect(wrapper.find('[data-testid="ticket-note-error-en"]').exists()).toBe(false)
    await wrapper.find('[data-testid="ticket-note-save"]').trigger('click')
    await flushPromises()
    expect(client.current.call).toHaveBeenCalledWith('settings:update', {
      ticketNote: { fr: null, en: '[{ticket}] {action}: {outcome}' },
    })
    expect(useSettingsStore().ticketNote.en).toBe('[{ticket}] {action}: {outcome}')

    await wrapper.find('[data-testid="copy-ticket-note"]').trigger('click')
    await flushPromises()
    expect(board).toBe('[INC-6060] Remove passcode: Done')
    // The other language has no template: the built-in French note.
    await wrapper.find('[data-testid="copy-ticket-note-other"]').trigger('click')
    await flushPromises()
    expect(board.split('\n')[0]).toBe('Passcode Desk — Supprimer le code secret')
    expect(board).toContain('numéro de série se terminant par 7XK4')
    expect(board).not.toContain('F2LXK9PQ7XK4')
  })
})
