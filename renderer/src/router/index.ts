import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import DevicesView from '@renderer/views/devices/DevicesView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page name (window title; the nav uses its own keys). */
    titleKey?: string
  }
}

/**
 * Hash history: the Electron host serves `app://` and the browser host a static folder, and neither
 * should have to know the app's paths. Views are loaded lazily so each feature stays its own chunk,
 * except Devices, the start view (DESIGN §5, cold start): in the initial script it mounts with the
 * app, so its first search goes out as soon as the bridge opens instead of after a chunk's round trip.
 * Add a route here (one line per view) and, if it belongs in the side bar, an entry in
 * `components/navigation.ts`.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'devices' } },
  {
    path: '/devices',
    name: 'devices',
    component: DevicesView,
    meta: { titleKey: 'nav.devices' },
  },
  {
    path: '/devices/:id',
    name: 'device',
    component: () => import('@renderer/views/devices/DeviceDetailView.vue'),
    props: true,
    meta: { titleKey: 'nav.devices' },
  },
  {
    path: '/walkthrough/:deviceId',
    name: 'walkthrough',
    component: () => import('@renderer/views/walkthrough/WalkthroughView.vue'),
    props: true,
    meta: { titleKey: 'walkthrough.title' },
  },
  {
    path: '/history',
    name: 'history',
    component: () => import('@renderer/views/HistoryView.vue'),
    meta: { titleKey: 'nav.history' },
  },
  {
    path: '/readiness',
    name: 'readiness',
    component: () => import('@renderer/views/readiness/ReadinessView.vue'),
    meta: { titleKey: 'nav.readiness' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@renderer/views/SettingsView.vue'),
    meta: { titleKey: 'nav.settings' },
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'devices' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
