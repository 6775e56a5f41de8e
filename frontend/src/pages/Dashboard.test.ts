import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import * as ActivityApi from '../../wailsjs/go/service/Activity'
import * as ServersApi from '../../wailsjs/go/service/Servers'
import * as Runtime from '../../wailsjs/runtime/runtime'
import { service } from '../../wailsjs/go/models'
import Dashboard from './Dashboard.svelte'

vi.mock('../../wailsjs/go/service/Activity', () => ({
  Current: vi.fn(),
  Stop: vi.fn(),
}))

vi.mock('../../wailsjs/go/service/Servers', () => ({
  List: vi.fn(),
}))

vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn(() => () => {}),
}))

const activity = vi.mocked(ActivityApi)
const servers = vi.mocked(ServersApi)
const runtime = vi.mocked(Runtime)

const NOW = new Date('2026-11-21T20:00:00Z').getTime()

function serverView(over: Partial<service.ServerView> = {}): service.ServerView {
  return {
    id: 1,
    kind: 'plex',
    name: 'Home Plex',
    url: 'http://192.168.1.10:32400',
    verifyTls: true,
    enabled: true,
    source: 'user',
    hasToken: true,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  }
}

function live(over: Record<string, unknown> = {}): service.LiveSessionView {
  return service.LiveSessionView.createFrom({
    serverId: 1,
    serverName: 'Home Plex',
    playId: 10,
    sessionKey: 'sess-1',
    userId: 'u1',
    userName: 'alice',
    deviceName: 'Living Room TV',
    product: 'Plex for Android (TV)',
    productVersion: '10.2.0',
    platform: 'Android',
    platformVersion: '14',
    ip: '203.0.113.7',
    location: 'wan',
    mediaType: 'episode',
    title: 'Severance',
    subtitle: 'S1 · E2 · Half Loop',
    year: 2022,
    durationMs: 2_710_000,
    positionMs: 724_000,
    state: 'playing',
    source: { resolution: '4K', dynamicRange: 'HDR10' },
    stream: { resolution: '1080p', dynamicRange: 'SDR' },
    decision: {
      overall: 'transcode',
      video: 'transcode',
      audio: 'direct_stream',
      subtitle: '',
      hardwareDecode: false,
      hardwareEncode: true,
      transcodeReasons: ['VideoResolutionNotSupported'],
    },
    bandwidthKbps: 12_400,
    liveTv: false,
    startedAt: NOW - 60_000,
    ...over,
  })
}

function status(over: Partial<service.ServerStatusView> = {}): service.ServerStatusView {
  return {
    serverId: 1,
    name: 'Home Plex',
    kind: 'plex',
    connection: 'realtime',
    lastError: '',
    lastContact: NOW - 12_000,
    sessions: 1,
    ...over,
  }
}

function snapshot(sessions: service.LiveSessionView[], statuses: service.ServerStatusView[] = [status()]) {
  return service.ActivitySnapshot.createFrom({
    sessions,
    servers: statuses,
    totals: {
      streams: sessions.length,
      directPlays: 2,
      directStreams: 1,
      transcodes: 3,
      bandwidthKbps: 12_400,
      lanBandwidthKbps: 2_000,
      wanBandwidthKbps: 10_400,
    },
  })
}

function deferred<T>() {
  let resolve: (v: T) => void = () => {}
  let reject: (e: unknown) => void = () => {}
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Captures the event handlers the page registers, by event name. */
function captureEvents() {
  const handlers = new Map<string, (...args: unknown[]) => void>()
  const unsubscribed: string[] = []
  runtime.EventsOn.mockImplementation((name: string, cb: (...args: unknown[]) => void) => {
    handlers.set(name, cb)
    return () => unsubscribed.push(name)
  })
  const emit = (name: string, ...args: unknown[]) => {
    const h = handlers.get(name)
    if (!h) throw new Error(`no handler for ${name}`)
    h(...args)
  }
  return { handlers, unsubscribed, emit }
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  runtime.EventsOn.mockImplementation(() => () => {})
  servers.List.mockResolvedValue([serverView()])
})

afterEach(() => {
  vi.useRealTimers()
})

describe('Dashboard', () => {
  it('shows totals, server status and a card per stream', async () => {
    activity.Current.mockResolvedValue(
      snapshot(
        [live(), live({ sessionKey: 'sess-2', userName: 'bob', mediaType: 'movie', title: 'Heat', subtitle: '', year: 1995, location: 'lan', ip: '192.168.1.20', state: 'paused', decision: { overall: 'direct_play' }, source: { resolution: '1080p' }, stream: { resolution: '1080p' } })],
        [
          status(),
          status({ serverId: 2, name: 'Cabin', kind: 'jellyfin', connection: 'polling', sessions: 0, lastContact: NOW - 4 * 60_000 }),
          status({ serverId: 3, name: 'Attic', kind: 'emby', connection: 'unreachable', lastError: 'dial tcp 10.0.0.9:8096: connection refused', sessions: 0 }),
          status({ serverId: 4, name: 'Office', kind: 'plex', connection: 'token_rejected', lastError: 'the token was refused', sessions: 0 }),
          status({ serverId: 5, name: 'New', kind: 'plex', connection: 'connecting', lastContact: 0, sessions: 0 }),
        ],
      ),
    )
    render(Dashboard)

    const cards = await screen.findAllByTestId('session-card')
    expect(cards).toHaveLength(2)

    expect(screen.getByTestId('totals-streams').textContent).toBe('2')
    expect(screen.getByTestId('totals-direct-play').textContent).toBe('2')
    expect(screen.getByTestId('totals-direct-stream').textContent).toBe('1')
    expect(screen.getByTestId('totals-transcode').textContent).toBe('3')
    expect(screen.getByTestId('totals-bandwidth').textContent).toBe('12.4 Mbps')
    expect(screen.getByTestId('totals-split').textContent?.replace(/\s+/g, ' ').trim()).toBe('LAN 2 Mbps · WAN 10.4 Mbps')

    const chips = screen.getAllByTestId('server-status')
    expect(chips.map((c) => within(c).getByTestId('server-connection').textContent?.trim())).toEqual([
      'Live',
      'Polling',
      'Unreachable',
      'Token rejected',
      'Connecting',
    ])
    expect(within(chips[0]).getByTestId('kind-badge').textContent).toBe('Plex')
    expect(within(chips[0]).getByTestId('server-contact').textContent).toBe('12 s ago')
    expect(within(chips[0]).getByTestId('server-sessions').textContent).toBe('1 stream')
    expect(within(chips[1]).getByTestId('server-contact').textContent).toBe('4 min ago')
    expect(within(chips[2]).getByTestId('server-connection').getAttribute('title')).toContain('connection refused')
    expect(within(chips[3]).getByTestId('server-connection').getAttribute('title')).toContain('the token was refused')
    expect(within(chips[4]).getByTestId('server-contact').textContent).toBe('no contact yet')

    const first = within(cards[0])
    expect(first.getByTestId('session-user').textContent).toBe('alice')
    expect(first.getByTestId('session-title').textContent).toBe('Severance')
    expect(first.getByTestId('session-subtitle').textContent).toBe('S1 · E2 · Half Loop')
    expect(first.getByTestId('session-type').dataset.type).toBe('episode')
    expect(first.getByTestId('session-state').textContent?.trim()).toBe('Playing')
    expect(first.getByTestId('session-times').textContent?.replace(/\s+/g, ' ').trim()).toBe('12:04 / 45:10')
    expect(first.getByTestId('session-progress').getAttribute('aria-valuenow')).toBe('27')
    expect(first.getByTestId('session-player').textContent).toContain('Living Room TV')
    expect(first.getByTestId('session-player').textContent).toContain('Plex for Android (TV) 10.2.0')
    expect(first.getByTestId('session-platform').textContent).toBe('Android 14')
    expect(first.getByTestId('session-quality').textContent?.trim()).toBe('4K → 1080p')
    const decision = first.getByTestId('decision-badge')
    expect(decision.textContent).toContain('Transcode')
    expect(first.getByTestId('decision-hw').textContent).toBe('HW')
    expect(decision.getAttribute('title')).toContain('Video resolution not supported')
    expect(first.getByTestId('session-bandwidth').textContent).toBe('12.4 Mbps')
    expect(first.getByTestId('session-ip').textContent).toBe('203.0.113.7')
    expect(first.getByTestId('network-badge').textContent).toBe('WAN')
    expect(first.getByTestId('session-server').textContent).toBe('Home Plex')

    const second = within(cards[1])
    expect(second.getByTestId('session-subtitle').textContent).toBe('1995')
    expect(second.getByTestId('session-state').textContent?.trim()).toBe('Paused')
    expect(second.getByTestId('network-badge').textContent).toBe('LAN')
    expect(second.getByTestId('session-quality').textContent?.trim()).toBe('1080p')
    expect(second.getByTestId('decision-badge').textContent?.trim()).toBe('Direct Play')
    expect(second.queryByTestId('decision-hw')).toBeNull()
  })

  it('shows where each stream comes from', async () => {
    const geo = (over: Record<string, unknown>) => ({
      source: 'database',
      label: '',
      countryCode: 'DE',
      countryName: 'Germany',
      region: 'Hamburg',
      city: 'Hamburg',
      hasCoordinates: true,
      latitude: 53.55,
      longitude: 9.99,
      accuracyKm: 10,
      asn: 3320,
      isp: 'Deutsche Telekom AG',
      ...over,
    })
    activity.Current.mockResolvedValue(
      snapshot([
        live({ geo: geo({ city: 'Lyon', region: 'Auvergne-Rhône-Alpes', countryName: 'France', isp: 'Orange', asn: 3215 }) }),
        live({ sessionKey: 'sess-2', geo: geo({ source: 'override', label: "Mum's house" }) }),
        live({ sessionKey: 'sess-3', location: 'lan', geo: geo({ source: 'local', city: '', countryName: '', countryCode: '', isp: '', asn: 0 }) }),
        live({ sessionKey: 'sess-4', geo: geo({ source: 'unknown', city: '', region: '', countryName: '', countryCode: '', isp: '', asn: 0 }) }),
        live({ sessionKey: 'sess-5', location: 'lan' }),
      ]),
    )
    render(Dashboard)
    const cards = await screen.findAllByTestId('session-card')
    const where = cards.map((c) => within(c).getByTestId('session-location'))
    const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim()
    expect(text(where[0])).toBe('Lyon, Auvergne-Rhône-Alpes, France Orange · AS3215')
    expect(within(where[0]).getByTestId('session-isp').textContent).toBe('Orange · AS3215')
    expect(text(where[1])).toBe("Mum's house Hamburg, Germany Deutsche Telekom AG · AS3320")
    expect(text(where[2])).toBe('LAN')
    expect(where[2].dataset.kind).toBe('local')
    expect(text(where[3])).toBe('Unknown location')
    // Without any location yet, the server's own LAN flag still says LAN.
    expect(text(where[4])).toBe('LAN')
  })

  it('shows live TV without a progress bar', async () => {
    activity.Current.mockResolvedValue(snapshot([live({ liveTv: true, mediaType: 'livetv', durationMs: 0, positionMs: 0 })]))
    render(Dashboard)
    const card = await screen.findByTestId('session-card')
    expect(within(card).queryByTestId('session-progress')).toBeNull()
    expect(within(card).getByTestId('session-times').textContent).toContain('Live TV')
  })

  it('says when nothing is playing', async () => {
    activity.Current.mockResolvedValue(snapshot([]))
    render(Dashboard)
    const empty = await screen.findByTestId('activity-empty')
    expect(empty.textContent).toContain('Nothing is playing right now')
    expect(screen.getAllByTestId('server-status')).toHaveLength(1)
    expect(screen.queryByTestId('dashboard-add-server')).toBeNull()
  })

  it('offers to add a server when none is configured', async () => {
    servers.List.mockResolvedValue([])
    activity.Current.mockResolvedValue(snapshot([], []))
    render(Dashboard)
    const link = await screen.findByTestId('dashboard-add-server')
    expect(link.getAttribute('href')).toBe('#/settings/servers?add=1')
    expect(screen.queryByTestId('activity-empty')).toBeNull()
  })

  it('shows an error when the first load fails and retries', async () => {
    activity.Current.mockRejectedValueOnce('the monitor is not running').mockResolvedValue(snapshot([live()]))
    render(Dashboard)
    const error = await screen.findByTestId('activity-error')
    expect(error.textContent).toContain('the monitor is not running')
    await fireEvent.click(within(error).getByText('Try again'))
    expect(await screen.findAllByTestId('session-card')).toHaveLength(1)
  })

  it('re-fetches on monitor:activity, monitor:status and servers:changed', async () => {
    const events = captureEvents()
    activity.Current.mockResolvedValueOnce(snapshot([]))
    const { unmount } = render(Dashboard)
    await screen.findByTestId('activity-empty')
    expect(activity.Current).toHaveBeenCalledTimes(1)

    activity.Current.mockResolvedValueOnce(snapshot([live()]))
    events.emit('monitor:activity', 1)
    expect(await screen.findAllByTestId('session-card')).toHaveLength(1)

    activity.Current.mockResolvedValueOnce(snapshot([live()], [status({ connection: 'polling' })]))
    events.emit('monitor:status', 1)
    await waitFor(() => expect(screen.getByTestId('server-connection').textContent?.trim()).toBe('Polling'))

    activity.Current.mockResolvedValueOnce(snapshot([]))
    events.emit('servers:changed')
    await screen.findByTestId('activity-empty')
    expect(activity.Current).toHaveBeenCalledTimes(4)
    expect(servers.List).toHaveBeenCalledTimes(2)

    unmount()
    expect(events.unsubscribed.sort()).toEqual(['monitor:activity', 'monitor:status', 'servers:changed'])
  })

  it('coalesces a burst of events into one request in flight and one queued', async () => {
    const events = captureEvents()
    activity.Current.mockResolvedValueOnce(snapshot([]))
    render(Dashboard)
    await screen.findByTestId('activity-empty')

    const second = deferred<service.ActivitySnapshot>()
    const third = deferred<service.ActivitySnapshot>()
    activity.Current.mockReturnValueOnce(second.promise).mockReturnValueOnce(third.promise)

    for (let i = 0; i < 8; i++) events.emit('monitor:activity', i % 3)
    events.emit('monitor:status', 2)
    events.emit('servers:changed')
    expect(activity.Current).toHaveBeenCalledTimes(2)

    second.resolve(snapshot([live()]))
    await waitFor(() => expect(activity.Current).toHaveBeenCalledTimes(3))
    third.resolve(snapshot([live(), live({ sessionKey: 'sess-2', userName: 'bob' })]))
    await waitFor(() => expect(screen.getAllByTestId('session-card')).toHaveLength(2))
    // Nothing further was queued.
    await new Promise((r) => setTimeout(r, 20))
    expect(activity.Current).toHaveBeenCalledTimes(3)
  })

  it('advances a playing session between updates, not a paused one', async () => {
    vi.useRealTimers()
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    vi.setSystemTime(NOW)
    activity.Current.mockResolvedValue(
      snapshot([live(), live({ sessionKey: 'sess-2', state: 'paused', positionMs: 60_000 })]),
    )
    render(Dashboard)
    const cards = await screen.findAllByTestId('session-card')
    const times = () => cards.map((c) => within(c).getByTestId('session-times').textContent?.replace(/\s+/g, ' ').trim())
    expect(times()).toEqual(['12:04 / 45:10', '1:00 / 45:10'])

    vi.advanceTimersByTime(3_000)
    await waitFor(() => expect(times()).toEqual(['12:07 / 45:10', '1:00 / 45:10']))
  })

  it('stops a stream after confirmation, with the message', async () => {
    const events = captureEvents()
    activity.Current.mockResolvedValueOnce(snapshot([live()])).mockResolvedValue(snapshot([live()]))
    activity.Stop.mockResolvedValue()
    render(Dashboard)
    const card = await screen.findByTestId('session-card')

    await fireEvent.click(within(card).getByTestId('session-stop'))
    const dialog = screen.getByTestId('stop-dialog')
    expect(dialog.textContent).toContain('alice')
    const message = screen.getByTestId('stop-message') as HTMLTextAreaElement
    expect(message.value).toBe('The server owner has ended this stream.')

    // Cancel first: nothing happens.
    await fireEvent.click(screen.getByTestId('stop-cancel'))
    expect(screen.queryByTestId('stop-dialog')).toBeNull()
    expect(activity.Stop).not.toHaveBeenCalled()

    await fireEvent.click(within(card).getByTestId('session-stop'))
    await fireEvent.input(screen.getByTestId('stop-message'), { target: { value: '  Please use your own account.  ' } })
    await fireEvent.click(screen.getByTestId('stop-confirm'))

    await waitFor(() => expect(activity.Stop).toHaveBeenCalledWith(1, 'sess-1', 'Please use your own account.'))
    await waitFor(() => expect(screen.queryByTestId('stop-dialog')).toBeNull())
    expect(within(card).getByTestId('session-stopping')).toBeTruthy()

    // The card leaves with the next update that no longer lists the stream.
    activity.Current.mockResolvedValue(snapshot([]))
    events.emit('monitor:activity', 1)
    await screen.findByTestId('activity-empty')
  })

  it('shows the server refusing to stop a stream and keeps the dialog open', async () => {
    activity.Current.mockResolvedValue(snapshot([live()]))
    const pending = deferred<void>()
    activity.Stop.mockReturnValue(pending.promise)
    render(Dashboard)
    const card = await screen.findByTestId('session-card')

    await fireEvent.click(within(card).getByTestId('session-stop'))
    await fireEvent.click(screen.getByTestId('stop-confirm'))
    const confirm = screen.getByTestId('stop-confirm') as HTMLButtonElement
    await waitFor(() => expect(confirm.getAttribute('aria-busy')).toBe('true'))
    expect(confirm.disabled).toBe(true)
    expect(confirm.textContent).toContain('Stopping…')

    pending.reject('The server refused to stop the stream: Stopping streams needs Plex Pass on this server.')
    const error = await screen.findByTestId('stop-error')
    expect(error.textContent).toContain('Stopping streams needs Plex Pass on this server.')
    expect(screen.getByTestId('stop-dialog')).toBeTruthy()
    await waitFor(() => expect(confirm.disabled).toBe(false))
    expect(within(card).queryByTestId('session-stopping')).toBeNull()
  })
})
