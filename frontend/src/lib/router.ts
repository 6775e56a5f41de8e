// A small hash router: `#/settings/servers?add=1` → { page: 'settings', section: 'servers', query }.
// Hash routing keeps deep links working in the embedded desktop webview and
// behind any HTTP path without server-side rewrites.

export const PAGES = ['dashboard', 'map', 'history', 'users', 'alerts', 'rules', 'settings'] as const
export type PageId = (typeof PAGES)[number]

export const SETTINGS_SECTIONS = ['servers', 'locations', 'access', 'about'] as const
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]

export interface Route {
  /** The page to show, or 'notfound'. */
  page: PageId | 'notfound'
  /** Sub-page (only for settings). */
  section: SettingsSection | null
  /** Normalised path without the leading '#/', e.g. 'settings/servers'. */
  path: string
  query: URLSearchParams
}

const isPage = (s: string): s is PageId => (PAGES as readonly string[]).includes(s)
const isSection = (s: string): s is SettingsSection => (SETTINGS_SECTIONS as readonly string[]).includes(s)

/** Splits a location hash into decoded path segments and the query. */
export function splitHash(hash: string): { segments: string[]; query: URLSearchParams } {
  let rest = hash.startsWith('#') ? hash.slice(1) : hash
  let query = ''
  const q = rest.indexOf('?')
  if (q >= 0) {
    query = rest.slice(q + 1)
    rest = rest.slice(0, q)
  }
  const segments = rest
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
  return { segments, query: new URLSearchParams(query) }
}

export function resolveRoute(hash: string): Route {
  const { segments, query } = splitHash(hash)
  const notFound = (): Route => ({ page: 'notfound', section: null, path: segments.join('/'), query })

  if (segments.length === 0) return { page: 'dashboard', section: null, path: 'dashboard', query }
  const [first, second, ...extra] = segments
  if (!isPage(first)) return notFound()

  if (first === 'settings') {
    const section = second ?? 'servers'
    if (extra.length > 0 || !isSection(section)) return notFound()
    return { page: 'settings', section, path: `settings/${section}`, query }
  }
  if (second !== undefined) return notFound()
  return { page: first, section: null, path: first, query }
}

/** The href for an in-app link. */
export function href(path: string): string {
  return `#/${path.replace(/^[#/]+/, '')}`
}

type Listener = (route: Route) => void

export interface Router {
  readonly current: Route
  subscribe(listener: Listener): () => void
  navigate(path: string, options?: { replace?: boolean }): void
  destroy(): void
}

interface RouterWindow {
  location: { hash: string; href: string }
  history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void }
  addEventListener(type: 'hashchange', listener: () => void): void
  removeEventListener(type: 'hashchange', listener: () => void): void
}

export function createRouter(win: RouterWindow = window): Router {
  let current = resolveRoute(win.location.hash)
  const listeners = new Set<Listener>()

  const update = () => {
    current = resolveRoute(win.location.hash)
    for (const l of [...listeners]) l(current)
  }
  win.addEventListener('hashchange', update)

  return {
    get current() {
      return current
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    navigate(path, options = {}) {
      const target = href(path)
      if (win.location.hash === target) return
      if (options.replace) {
        // replaceState does not fire hashchange, so update by hand.
        const url = win.location.href.replace(/#.*$/, '') + target
        win.history.replaceState(null, '', url)
        update()
      } else {
        win.location.hash = target
      }
    },
    destroy() {
      win.removeEventListener('hashchange', update)
      listeners.clear()
    },
  }
}
