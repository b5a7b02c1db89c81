// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createWebHashHistory, createRouter } from 'vue-router'
import { cameFrom } from '@renderer/router/cameFrom'

const page = { render: () => null }
function appRouter() {
  // The app's history kind (hash) and route names and paths (router/index.ts), with empty pages;
  // a memory history keeps no `back`.
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/devices', name: 'devices', component: page },
      { path: '/devices/:id', name: 'device', component: page },
      { path: '/walkthrough/:deviceId', name: 'walkthrough', component: page },
    ],
  })
}

describe('cameFrom: where the back button of a page would lead', () => {
  it('the list, when the device was opened from it; the walkthrough after one', async () => {
    const router = appRouter()
    await router.push('/devices?q=helene')
    await router.push('/devices/d1')
    expect(cameFrom(router, 'devices')).toBe(true)
    await router.push('/walkthrough/d1')
    expect(cameFrom(router, 'device', { id: 'd1' })).toBe(true)
    expect(cameFrom(router, 'device', { id: 'd2' })).toBe(false)
    // "Back to the device" pushed the device again: back would reopen the walkthrough.
    await router.push('/devices/d1')
    expect(cameFrom(router, 'devices')).toBe(false)
    expect(cameFrom(router, 'walkthrough')).toBe(true)
  })
})
