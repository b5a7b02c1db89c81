// The client must run first: it takes the launch secret out of the URL fragment (`#k=…`) before
// the hash router reads the address; so must a deep link in the fragment (browser host).
import '@renderer/api/client'
import { initialFragmentLink } from './deep-link/capture'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import './theme/focus.css'
import { installDeepLinks } from './deep-link'
import { i18n } from './i18n'
import { router } from './router'

const app = createApp(App).use(createPinia()).use(i18n)
installDeepLinks(router, initialFragmentLink)
app.use(router).mount('#app')
