// The client must run first: it takes the launch secret out of the URL fragment (`#k=…`) before
// the hash router reads the address.
import '@renderer/api/client'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import './theme/focus.css'
import { i18n } from './i18n'
import { router } from './router'

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
