// App-wide state that is not owned by a single page.

export type Mode = 'desktop' | 'server'
export type AuthPhase = 'checking' | 'setup' | 'login' | 'ready' | 'error'

export const session = $state({
  /** How the frontend talks to the backend: injected bindings or the HTTP shim. */
  mode: 'desktop' as Mode,
  auth: 'checking' as AuthPhase,
  username: '',
  /** True when the last call was rejected because the session ended. */
  expired: false,
  /** Live update stream state (server mode only). */
  eventsConnected: true,
  /** Drops and reopens the live update stream (set by the shim in server mode). */
  reconnectEvents: (() => {}) as () => void,
})

/** A bound method answered 401: show the login page. */
export function sessionExpired() {
  if (session.mode !== 'server') return
  if (session.auth === 'ready') session.expired = true
  if (session.auth !== 'setup') session.auth = 'login'
}
