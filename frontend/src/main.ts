import './app.css'
import { mount } from 'svelte'
import App from './App.svelte'
import { installShim } from './lib/transport/shim'
import { session, sessionExpired } from './lib/session.svelte'
import { initTheme } from './lib/theme.svelte'

initTheme()

if (window.go) {
  // Desktop: the shell injected the bound methods and its runtime.
  session.mode = 'desktop'
  session.auth = 'ready'
} else {
  // Headless server in a browser: same calls, over HTTP and Server-Sent Events.
  // Installed before mounting so the generated bindings find `window.go`.
  session.mode = 'server'
  const events = installShim(window, {
    onUnauthorized: sessionExpired,
    onEventsStatus: (connected) => (session.eventsConnected = connected),
  })
  session.reconnectEvents = () => events.reconnect()
}

export default mount(App, { target: document.getElementById('app')! })
