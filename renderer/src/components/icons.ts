/** Names of the inline icons `AppIcon.vue` can draw. */
export type IconName =
  'devices' | 'history' | 'settings' | 'link' | 'plug' | 'cloud-off' | 'copy' | 'clock' | 'info' | 'chart'
