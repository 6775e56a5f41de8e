import { describe, expect, it, vi } from 'vitest'
import { createRouter, href, resolveRoute, splitHash } from './router'

describe('resolveRoute', () => {
  it.each([
    ['', 'dashboard', null],
    ['#', 'dashboard', null],
    ['#/', 'dashboard', null],
    ['#/dashboard', 'dashboard', null],
    ['#/map', 'map', null],
    ['#/history', 'history', null],
    ['#/users', 'users', null],
    ['#/alerts', 'alerts', null],
    ['#/rules', 'rules', null],
    ['#/settings', 'settings', 'servers'],
    ['#/settings/servers', 'settings', 'servers'],
    ['#/settings/locations', 'settings', 'locations'],
    ['#/map?period=7d&server=2', 'map', null],
    ['#/settings/access', 'settings', 'access'],
    ['#/settings/about', 'settings', 'about'],
    ['#settings/about', 'settings', 'about'],
    ['#/settings/about/', 'settings', 'about'],
  ])('%s → %s %s', (hash, page, section) => {
    const r = resolveRoute(hash)
    expect(r.page).toBe(page)
    expect(r.section).toBe(section)
  })

  it.each(['#/nope', '#/settings/nope', '#/map/extra', '#/settings/servers/1'])('%s is not found', (hash) => {
    expect(resolveRoute(hash).page).toBe('notfound')
  })

  it('keeps the query and the normalised path', () => {
    const r = resolveRoute('#/settings/servers?add=1&x=a%20b')
    expect(r.path).toBe('settings/servers')
    expect(r.query.get('add')).toBe('1')
    expect(r.query.get('x')).toBe('a b')
    expect(resolveRoute('#/settings').path).toBe('settings/servers')
  })

  it('decodes segments', () => {
    expect(splitHash('#/a%20b/c').segments).toEqual(['a b', 'c'])
  })
})

describe('href', () => {
  it('builds hash links', () => {
    expect(href('settings/servers')).toBe('#/settings/servers')
    expect(href('/map')).toBe('#/map')
    expect(href('#/map')).toBe('#/map')
  })
})

function fakeWindow(initial = '') {
  const handlers = new Set<() => void>()
  const win = {
    location: {
      hash: initial,
      get href() {
        return `http://app.local/${this.hash}`
      },
    },
    history: {
      replaceState: vi.fn((_d: unknown, _u: string, url?: string | URL | null) => {
        win.location.hash = String(url).replace(/^[^#]*/, '')
      }),
    },
    addEventListener: (_t: 'hashchange', h: () => void) => handlers.add(h),
    removeEventListener: (_t: 'hashchange', h: () => void) => handlers.delete(h),
    fire: () => handlers.forEach((h) => h()),
    handlers,
  }
  return win
}

describe('createRouter', () => {
  it('follows hashchange and notifies subscribers', () => {
    const win = fakeWindow('#/map')
    const router = createRouter(win)
    expect(router.current.page).toBe('map')

    const seen: string[] = []
    const unsubscribe = router.subscribe((r) => seen.push(r.path))
    win.location.hash = '#/settings/about'
    win.fire()
    expect(router.current.section).toBe('about')
    unsubscribe()
    win.location.hash = '#/users'
    win.fire()
    expect(seen).toEqual(['settings/about'])
    expect(router.current.page).toBe('users')
  })

  it('navigate() sets the hash; replace uses replaceState and updates at once', () => {
    const win = fakeWindow('#/settings/servers?add=1')
    const router = createRouter(win)
    const seen: string[] = []
    router.subscribe((r) => seen.push(r.path + (r.query.has('add') ? '?add' : '')))

    router.navigate('settings/servers', { replace: true })
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', 'http://app.local/#/settings/servers')
    expect(seen).toEqual(['settings/servers'])

    router.navigate('history')
    expect(win.location.hash).toBe('#/history')
    expect(win.history.replaceState).toHaveBeenCalledTimes(1)
  })

  it('destroy() stops listening', () => {
    const win = fakeWindow('#/map')
    const router = createRouter(win)
    router.destroy()
    expect(win.handlers.size).toBe(0)
  })
})
