import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import * as ActivityApi from '../../wailsjs/go/service/Activity'
import * as GeoApi from '../../wailsjs/go/service/Geo'
import * as ServersApi from '../../wailsjs/go/service/Servers'
import * as Runtime from '../../wailsjs/runtime/runtime'
import { service } from '../../wailsjs/go/models'
import type { LiveGroup } from '../lib/geo/live'
import { liveSession, location, place } from '../lib/geo/testdata'
import MapPage from './MapPage.svelte'

vi.mock('../../wailsjs/go/service/Activity', () => ({ Current: vi.fn(), Stop: vi.fn() }))
vi.mock('../../wailsjs/go/service/Servers', () => ({ List: vi.fn() }))
vi.mock('../../wailsjs/go/service/Geo', () => ({ Map: vi.fn(), Status: vi.fn() }))
vi.mock('../../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }))

// Leaflet needs a real browser (e2e/map.mjs covers it): here the canvas only
// records what the page hands it.
const canvas = vi.hoisted(() => ({ props: null as Record<string, unknown> | null }))
vi.mock('./map/MapCanvas.svelte', () => ({
  default: (_anchor: unknown, props: Record<string, unknown>) => {
    canvas.props = props
  },
}))

const activity = vi.mocked(ActivityApi)
const geo = vi.mocked(GeoApi)
const servers = vi.mocked(ServersApi)
const runtime = vi.mocked(Runtime)

const NOW = new Date('2026-11-21T20:00:00Z').getTime()
const DAY = 86_400_000

function mapView(over: Record<string, unknown> = {}): service.MapView {
  return service.MapView.createFrom({
    countries: [
      { countryCode: 'FR', countryName: 'France', plays: 40, watchMs: 3_600_000, users: 2 },
      { countryCode: 'DE', countryName: 'Germany', plays: 3, watchMs: 600_000, users: 1 },
    ],
    places: [place(), place({ city: 'Berlin', latitude: 52.52, longitude: 13.405 })],
    users: [
      { serverId: 1, userId: 'u1', userName: 'alice', plays: 30 },
      { serverId: 1, userId: 'u2', userName: 'bob', plays: 13 },
    ],
    plays: 60,
    local: 12,
    unknown: 5,
    databaseLoaded: true,
    ...over,
  })
}

function snapshot(sessions: service.LiveSessionView[]) {
  return service.ActivitySnapshot.createFrom({ sessions, servers: [], totals: {} })
}

function geoStatus(tiles = { enabled: false, url: '', attribution: '' }) {
  return service.GeoStatus.createFrom({ databases: [], maxMind: {}, relocation: {}, tiles, uploadPath: '' })
}

function captureEvents() {
  const handlers = new Map<string, (...args: unknown[]) => void>()
  const unsubscribed: string[] = []
  runtime.EventsOn.mockImplementation((name: string, cb: (...args: unknown[]) => void) => {
    handlers.set(name, cb)
    return () => unsubscribed.push(name)
  })
  const emit = (name: string, ...args: unknown[]) => handlers.get(name)?.(...args)
  return { emit, unsubscribed }
}

function renderPage(query = '') {
  const onnavigate = vi.fn()
  const view = render(MapPage, { query: new URLSearchParams(query), onnavigate })
  return { onnavigate, ...view }
}

const liveGroups = () => (canvas.props?.live ?? []) as LiveGroup[]
const text = (testid: string) => screen.getByTestId(testid).textContent?.replace(/\s+/g, ' ').trim() ?? ''

beforeEach(() => {
  vi.clearAllMocks()
  canvas.props = null
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  runtime.EventsOn.mockImplementation(() => () => {})
  geo.Map.mockResolvedValue(mapView())
  geo.Status.mockResolvedValue(geoStatus())
  servers.List.mockResolvedValue([
    service.ServerView.createFrom({ id: 1, kind: 'plex', name: 'Home Plex' }),
    service.ServerView.createFrom({ id: 2, kind: 'jellyfin', name: 'Cabin' }),
  ])
  activity.Current.mockResolvedValue(snapshot([]))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('Map page', () => {
  it('loads the last 30 days by default and shows the counts', async () => {
    renderPage()
    await waitFor(() => expect(text('map-count-plays')).toBe('60'))
    expect(geo.Map).toHaveBeenCalledWith({ serverId: 0, userId: '', from: NOW - 30 * DAY, to: 0 })
    expect(text('map-count-located')).toBe('43')
    expect(text('map-count-lan')).toBe('12')
    expect(text('map-count-unknown')).toBe('5')
    expect(text('map-count-live')).toBe('0')
    expect(screen.getByTestId('map-period-30d').getAttribute('aria-pressed')).toBe('true')
    expect(screen.queryByTestId('map-no-database')).toBeNull()
    expect((canvas.props?.countries as unknown[]).length).toBe(2)
    expect((canvas.props?.places as unknown[]).length).toBe(2)
  })

  it('builds the query from the URL and changes it through navigation', async () => {
    const { onnavigate } = renderPage('server=2&user=u1&period=7d')
    await waitFor(() => expect(geo.Map).toHaveBeenCalledWith({ serverId: 2, userId: 'u1', from: NOW - 7 * DAY, to: 0 }))
    await waitFor(() => expect((screen.getByTestId('map-filter-server') as HTMLSelectElement).value).toBe('2'))
    expect((screen.getByTestId('map-filter-user') as HTMLSelectElement).value).toBe('u1')
    const users = within(screen.getByTestId('map-filter-user')).getAllByRole('option').map((o) => o.textContent)
    expect(users).toEqual(['All users', 'alice', 'bob'])

    await fireEvent.click(screen.getByTestId('map-period-24h'))
    expect(onnavigate).toHaveBeenLastCalledWith('map?server=2&user=u1&period=24h')
    await fireEvent.change(screen.getByTestId('map-filter-server'), { target: { value: '0' } })
    expect(onnavigate).toHaveBeenLastCalledWith('map?user=u1&period=7d')
    await fireEvent.change(screen.getByTestId('map-filter-user'), { target: { value: '' } })
    expect(onnavigate).toHaveBeenLastCalledWith('map?server=2&period=7d')
  })

  it('reloads when the filters in the URL change', async () => {
    const { rerender, onnavigate } = renderPage()
    await waitFor(() => expect(geo.Map).toHaveBeenCalledTimes(1))
    await rerender({ query: new URLSearchParams('period=all'), onnavigate })
    await waitFor(() => expect(geo.Map).toHaveBeenLastCalledWith({ serverId: 0, userId: '', from: 0, to: 0 }))
    // The same filters written differently do not load again.
    await rerender({ query: new URLSearchParams('period=all&junk=1'), onnavigate })
    expect(geo.Map).toHaveBeenCalledTimes(2)
  })

  it('warns without a GeoIP database and links to the settings', async () => {
    geo.Map.mockResolvedValue(mapView({ databaseLoaded: false, countries: [], places: [] }))
    renderPage()
    const banner = await screen.findByTestId('map-no-database')
    expect(banner.textContent).toContain('No GeoIP database')
    expect(banner.textContent).toContain('unknown location')
    expect(screen.getByTestId('map-setup-link').getAttribute('href')).toBe('#/settings/locations')
    expect(text('map-legend')).toContain('No located plays in this period')
  })

  it('places live streams and lists the ones that cannot be placed', async () => {
    activity.Current.mockResolvedValue(
      snapshot([
        liveSession({ sessionKey: 'a' }),
        liveSession({ sessionKey: 'b', userName: 'bob' }),
        liveSession({ sessionKey: 'c', userName: 'carol', geo: location({ city: 'Berlin', latitude: 52.52, longitude: 13.405 }) }),
        liveSession({ sessionKey: 'd', userName: 'dave', location: 'lan', geo: location({ source: 'local', hasCoordinates: false }) }),
        liveSession({ sessionKey: 'e', userName: 'erin', geo: location({ source: 'unknown', hasCoordinates: false, latitude: 0, longitude: 0 }) }),
      ]),
    )
    renderPage()
    await waitFor(() => expect(text('map-count-live')).toBe('5'))
    expect(liveGroups().map((g) => g.sessions.map((s) => s.userName))).toEqual([['alice', 'bob'], ['carol']])
    expect(text('unplaced-summary')).toBe('1 stream on the LAN, 1 unknown')
    const rows = screen.getAllByTestId('unplaced-session')
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['dave Severance LAN', 'erin Severance Unknown'])
  })

  it('applies the server and user filters to live streams', async () => {
    activity.Current.mockResolvedValue(
      snapshot([
        liveSession({ sessionKey: 'a', serverId: 1, userId: 'u1' }),
        liveSession({ sessionKey: 'b', serverId: 2, userId: 'u1', geo: location({ latitude: 1, longitude: 1 }) }),
        liveSession({ sessionKey: 'c', serverId: 2, userId: 'u2', geo: location({ latitude: 2, longitude: 2 }) }),
      ]),
    )
    renderPage('server=2&user=u1')
    await waitFor(() => expect(text('map-count-live')).toBe('1'))
    expect(liveGroups().map((g) => g.sessions[0].sessionKey)).toEqual(['b'])
    expect(screen.queryByTestId('unplaced-panel')).toBeNull()
  })

  it('follows live activity and GeoIP changes, and stops listening when left', async () => {
    const events = captureEvents()
    const { unmount } = renderPage()
    await waitFor(() => expect(activity.Current).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(geo.Status).toHaveBeenCalledTimes(1))

    activity.Current.mockResolvedValue(snapshot([liveSession()]))
    events.emit('monitor:activity', 1)
    await waitFor(() => expect(liveGroups()).toHaveLength(1))

    geo.Status.mockResolvedValue(geoStatus({ enabled: true, url: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: 'Example' }))
    events.emit('geo:changed')
    await waitFor(() => expect((canvas.props?.tiles as service.TileSettings | null)?.enabled).toBe(true))
    await waitFor(() => expect(geo.Map).toHaveBeenCalledTimes(2))

    unmount()
    expect(events.unsubscribed.sort()).toEqual(['geo:changed', 'monitor:activity', 'servers:changed'])
  })

  it('shows a failed load with a way to retry', async () => {
    geo.Map.mockRejectedValueOnce('the database is locked')
    renderPage()
    const error = await screen.findByTestId('map-error')
    expect(error.textContent).toContain('the database is locked')
    await fireEvent.click(within(error).getByText('Try again'))
    await waitFor(() => expect(screen.queryByTestId('map-error')).toBeNull())
    expect(text('map-count-plays')).toBe('60')
  })

  it('draws the legend from the plays per country', async () => {
    renderPage()
    await waitFor(() => expect(screen.getAllByTestId('legend-step').length).toBeGreaterThan(0))
    const steps = screen.getAllByTestId('legend-step').map((s) => s.textContent)
    expect(steps[0]).toBe('1–2')
    expect(steps[steps.length - 1]).toMatch(/–40$/)
  })
})
