import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import * as HistoryApi from '../../wailsjs/go/service/History'
import * as ServersApi from '../../wailsjs/go/service/Servers'
import * as Runtime from '../../wailsjs/runtime/runtime'
import { service } from '../../wailsjs/go/models'
import History from './History.svelte'

vi.mock('../../wailsjs/go/service/History', () => ({
  Search: vi.fn(),
  ExportCSV: vi.fn(),
}))

vi.mock('../../wailsjs/go/service/Servers', () => ({
  List: vi.fn(),
}))

vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn(() => () => {}),
}))

const history = vi.mocked(HistoryApi)
const servers = vi.mocked(ServersApi)
const runtime = vi.mocked(Runtime)

const STARTED = new Date(2026, 10, 20, 21, 15).getTime()

function play(over: Record<string, unknown> = {}): service.PlayView {
  return service.PlayView.createFrom({
    id: 1,
    serverId: 1,
    serverName: 'Home Plex',
    userId: 'u1',
    userName: 'alice',
    deviceName: 'Living Room TV',
    product: 'Plex for Android (TV)',
    platform: 'Android',
    ip: '203.0.113.7',
    location: 'wan',
    mediaType: 'episode',
    title: 'Severance',
    subtitle: 'S1 · E1 · Good News About Hell',
    year: 2022,
    startedAt: STARTED,
    stoppedAt: STARTED + 3_000_000,
    watchMs: 2_590_000,
    pausedMs: 190_000,
    positionMs: 2_650_000,
    mediaDurationMs: 2_800_000,
    watched: true,
    source: { resolution: '4K' },
    stream: { resolution: '1080p' },
    decision: { overall: 'transcode', hardwareEncode: true, transcodeReasons: [] },
    bandwidthKbps: 12_000,
    state: 'stopped',
    ...over,
  })
}

function page(plays: service.PlayView[], total = plays.length, totalCapped = false, p = 1, pageSize = 50) {
  return service.HistoryPage.createFrom({ plays, total, totalCapped, page: p, pageSize })
}

const manyPlays = (n: number) => Array.from({ length: n }, (_, i) => play({ id: i + 1, title: `Show ${i + 1}` }))

function deferred<T>() {
  let resolve: (v: T) => void = () => {}
  const promise = new Promise<T>((res) => (resolve = res))
  return { promise, resolve }
}

/** Renders the page the way the app does: every navigation feeds the new query back in. */
function renderHistory(initial = '') {
  const onnavigate = vi.fn()
  const view = render(History, { props: { query: new URLSearchParams(initial), onnavigate } })
  onnavigate.mockImplementation((path: string) => {
    view.rerender({ query: new URLSearchParams(path.split('?')[1] ?? ''), onnavigate })
  })
  return { ...view, onnavigate }
}

const lastQuery = () => history.Search.mock.calls[history.Search.mock.calls.length - 1][0]

beforeEach(() => {
  vi.clearAllMocks()
  runtime.EventsOn.mockImplementation(() => () => {})
  servers.List.mockResolvedValue([
    { id: 1, kind: 'plex', name: 'Home Plex', url: 'http://a', verifyTls: true, enabled: true, source: 'user', hasToken: true, createdAt: 0, updatedAt: 0 },
    { id: 3, kind: 'jellyfin', name: 'Cabin', url: 'http://b', verifyTls: true, enabled: true, source: 'user', hasToken: true, createdAt: 0, updatedAt: 0 },
  ])
})

afterEach(() => {
  vi.useRealTimers()
})

describe('History', () => {
  it('builds the query from a deep link and shows the filters it holds', async () => {
    history.Search.mockResolvedValue(page([play()], 60, false, 2, 25))
    renderHistory('search=pilot&page=2&type=episode&server=3&ip=10.0.0.5&from=2026-11-01&to=2026-11-21&sort=user&order=asc&size=25')
    await screen.findAllByTestId('history-row')

    expect(history.Search).toHaveBeenCalledTimes(1)
    expect(history.Search).toHaveBeenCalledWith({
      serverId: 3,
      userId: '',
      mediaType: 'episode',
      ip: '10.0.0.5',
      search: 'pilot',
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 10, 22).getTime(),
      sort: 'user',
      ascending: true,
      page: 2,
      pageSize: 25,
    })
    expect((screen.getByTestId('filter-search') as HTMLInputElement).value).toBe('pilot')
    expect((screen.getByTestId('filter-ip') as HTMLInputElement).value).toBe('10.0.0.5')
    expect((screen.getByTestId('filter-type') as HTMLSelectElement).value).toBe('episode')
    expect((screen.getByTestId('filter-from') as HTMLInputElement).value).toBe('2026-11-01')
    expect((screen.getByTestId('filter-to') as HTMLInputElement).value).toBe('2026-11-21')
    await waitFor(() => expect((screen.getByTestId('filter-server') as HTMLSelectElement).value).toBe('3'))
    expect((screen.getByTestId('page-size') as HTMLSelectElement).value).toBe('25')
    expect(screen.getByTestId('page-range').textContent).toBe('26–26 of 60')
    expect(screen.getByTestId('sort-user').closest('th')?.getAttribute('aria-sort')).toBe('ascending')
  })

  it('renders a play with its details', async () => {
    history.Search.mockResolvedValue(page([play()]))
    renderHistory()
    const row = within((await screen.findAllByTestId('history-row'))[0])

    expect(row.getByTestId('cell-user').textContent).toBe('alice')
    expect(row.getByTestId('cell-title').textContent).toContain('Severance')
    expect(row.getByTestId('cell-title').textContent).toContain('S1 · E1 · Good News About Hell')
    expect(row.getByTestId('cell-type').textContent?.trim()).toBe('Episode')
    expect(row.getByTestId('cell-platform').textContent).toContain('Android')
    expect(row.getByTestId('cell-platform').textContent).toContain('Plex for Android (TV) · Living Room TV')
    expect(row.getByTestId('cell-ip').textContent).toContain('203.0.113.7')
    expect(row.getByTestId('network-badge').textContent).toBe('WAN')
    expect(row.getByTestId('cell-duration').textContent).toContain('0:43:10')
    expect(row.getByTestId('cell-duration').textContent).toContain('paused 0:03:10')
    expect(row.getByTestId('cell-watched').textContent).toContain('Watched')
    expect(row.getByTestId('cell-watched').textContent).toContain('95 %')
    expect(row.getByTestId('decision-badge').textContent).toContain('Transcode')
    expect(row.getByTestId('decision-hw')).toBeTruthy()
    expect(row.getByTestId('cell-stream').textContent).toContain('4K → 1080p')
    expect(row.getByTestId('cell-server').textContent).toBe('Home Plex')
    const started = row.getByTestId('cell-started')
    expect(started.getAttribute('title')).toContain('2026')
    expect(started.textContent).toContain('9:15')
    expect(started.textContent).not.toContain('Now')
  })

  it('shows the location with its label, and the network in a tooltip', async () => {
    const geo = {
      source: 'override',
      label: "Mum's house",
      countryCode: 'FR',
      countryName: 'France',
      region: 'Auvergne-Rhône-Alpes',
      city: 'Lyon',
      hasCoordinates: true,
      latitude: 45.76,
      longitude: 4.84,
      accuracyKm: 5,
      asn: 3215,
      isp: 'Orange',
    }
    history.Search.mockResolvedValue(
      page([
        play({ geo }),
        play({ id: 2, geo: { ...geo, source: 'database', label: '' } }),
        play({ id: 3, location: 'lan', geo: { ...geo, source: 'local', label: '', isp: '', asn: 0 } }),
        play({ id: 4, geo: { ...geo, source: 'unknown', label: '', city: '', region: '', countryName: '', countryCode: '' } }),
      ]),
    )
    renderHistory()
    const rows = await screen.findAllByTestId('history-row')
    const cell = (i: number) => within(rows[i]).getByTestId('cell-location')
    const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim()
    expect(text(cell(0))).toBe("Mum's house Lyon, France")
    expect(cell(0).querySelector('[title]')?.getAttribute('title')).toBe('Network: Orange · AS3215')
    expect(text(cell(1))).toBe('Lyon, France')
    expect(text(cell(2))).toBe('LAN')
    expect(text(cell(3))).toBe('Unknown location')
  })

  it('pages through the results and dims the old rows while the next page loads', async () => {
    history.Search.mockResolvedValueOnce(page(manyPlays(50), 1234))
    const { onnavigate } = renderHistory()
    await screen.findAllByTestId('history-row')
    expect(screen.getByTestId('page-range').textContent).toBe('1–50 of 1,234')
    expect((screen.getByTestId('page-prev') as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByTestId('page-last') as HTMLButtonElement).disabled).toBe(false)

    const next = deferred<service.HistoryPage>()
    history.Search.mockReturnValueOnce(next.promise)
    await fireEvent.click(screen.getByTestId('page-next'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?page=2', false)
    await waitFor(() => expect(lastQuery().page).toBe(2))
    expect(screen.getByTestId('history-table').closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true')
    expect(screen.getAllByTestId('history-row')).toHaveLength(50)

    next.resolve(page(manyPlays(50).map((p) => ({ ...p, id: p.id + 50 }) as service.PlayView), 1234, false, 2))
    await waitFor(() => expect(screen.getByTestId('page-range').textContent).toBe('51–100 of 1,234'))
    expect(screen.getByTestId('history-table').closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('false')

    history.Search.mockResolvedValue(page(manyPlays(34), 1234, false, 25))
    await fireEvent.click(screen.getByTestId('page-last'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?page=25', false)
    await waitFor(() => expect(screen.getByTestId('page-range').textContent).toBe('1,201–1,234 of 1,234'))
    expect((screen.getByTestId('page-next') as HTMLButtonElement).disabled).toBe(true)

    await fireEvent.change(screen.getByTestId('page-size'), { target: { value: '100' } })
    expect(onnavigate).toHaveBeenLastCalledWith('history?size=100', false)
    await waitFor(() => expect(lastQuery()).toMatchObject({ page: 1, pageSize: 100 }))
  })

  it('says "10,000+" when the count is capped and cannot jump to the last page', async () => {
    history.Search.mockResolvedValue(page(manyPlays(50), 10_000, true))
    renderHistory()
    await screen.findAllByTestId('history-row')
    expect(screen.getByTestId('page-range').textContent).toBe('1–50 of 10,000+')
    expect((screen.getByTestId('page-last') as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByTestId('page-next') as HTMLButtonElement).disabled).toBe(false)
  })

  it('sorts by a column and toggles the direction', async () => {
    history.Search.mockResolvedValue(page([play()]))
    const { onnavigate } = renderHistory('page=3')
    await screen.findAllByTestId('history-row')

    await fireEvent.click(screen.getByTestId('sort-title'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?sort=title&order=asc', false)
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: 'title', ascending: true, page: 1 }))

    await fireEvent.click(screen.getByTestId('sort-title'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?sort=title', false)
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: 'title', ascending: false }))

    await fireEvent.click(screen.getByTestId('sort-duration'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?sort=duration', false)
    await fireEvent.click(screen.getByTestId('sort-started'))
    expect(onnavigate).toHaveBeenLastCalledWith('history', false)
    await fireEvent.click(screen.getByTestId('sort-started'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?order=asc', false)
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: 'started', ascending: true }))
  })

  it('waits for a pause in typing before searching, and does not add history entries', async () => {
    history.Search.mockResolvedValue(page([play()]))
    const { onnavigate } = renderHistory('page=2')
    await screen.findAllByTestId('history-row')
    const input = screen.getByTestId('filter-search')

    for (const value of ['p', 'pi', 'pil', 'pilo', 'pilot ']) await fireEvent.input(input, { target: { value } })
    expect(onnavigate).not.toHaveBeenCalled()

    await waitFor(() => expect(onnavigate).toHaveBeenCalledWith('history?search=pilot', true))
    expect(onnavigate).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(lastQuery()).toMatchObject({ search: 'pilot', page: 1 }))
    // The text being typed is left alone (the trailing space stays).
    expect((input as HTMLInputElement).value).toBe('pilot ')
  })

  it('applies the other filters through the URL', async () => {
    history.Search.mockResolvedValue(page([play()]))
    const { onnavigate } = renderHistory()
    await screen.findAllByTestId('history-row')
    await waitFor(() => expect(screen.getByTestId('filter-server').querySelectorAll('option')).toHaveLength(3))

    await fireEvent.change(screen.getByTestId('filter-server'), { target: { value: '3' } })
    expect(onnavigate).toHaveBeenLastCalledWith('history?server=3', false)
    await fireEvent.change(screen.getByTestId('filter-type'), { target: { value: 'movie' } })
    expect(onnavigate).toHaveBeenLastCalledWith('history?server=3&type=movie', false)
    await fireEvent.input(screen.getByTestId('filter-ip'), { target: { value: ' 192.168.1.20 ' } })
    await fireEvent.change(screen.getByTestId('filter-ip'))
    expect(onnavigate).toHaveBeenLastCalledWith('history?server=3&type=movie&ip=192.168.1.20', false)
    await fireEvent.change(screen.getByTestId('filter-from'), { target: { value: '2026-11-01' } })
    await fireEvent.change(screen.getByTestId('filter-to'), { target: { value: '2026-11-02' } })
    expect(onnavigate).toHaveBeenLastCalledWith('history?server=3&type=movie&ip=192.168.1.20&from=2026-11-01&to=2026-11-02', false)

    await waitFor(() =>
      expect(lastQuery()).toEqual({
        serverId: 3,
        userId: '',
        mediaType: 'movie',
        ip: '192.168.1.20',
        search: '',
        from: new Date(2026, 10, 1).getTime(),
        to: new Date(2026, 10, 3).getTime(),
        sort: 'started',
        ascending: false,
        page: 1,
        pageSize: 50,
      }),
    )

    await fireEvent.click(screen.getByTestId('filters-clear'))
    expect(onnavigate).toHaveBeenLastCalledWith('history', false)
  })

  it('tells an empty history from filters that match nothing', async () => {
    history.Search.mockResolvedValue(page([], 0))
    const view = renderHistory()
    expect((await screen.findByTestId('history-empty')).textContent).toContain('No plays recorded yet')
    expect((screen.getByTestId('history-export') as HTMLButtonElement).disabled).toBe(true)
    view.unmount()

    renderHistory('search=zzz')
    const empty = await screen.findByTestId('history-empty')
    expect(empty.textContent).toContain('No plays match these filters')
  })

  it('shows a failed search', async () => {
    history.Search.mockRejectedValue('Unknown sort order "x".')
    renderHistory()
    expect((await screen.findByTestId('history-error')).textContent).toContain('Unknown sort order "x".')
  })

  it('exports the filtered plays as a CSV download', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 10, 21, 18, 30))
    history.Search.mockResolvedValue(page([play()]))
    const csv = 'started,stopped,server\n2026-11-20T20:15:00Z,,Home Plex\n'
    const exported = deferred<string>()
    history.ExportCSV.mockReturnValue(exported.promise)

    let blob: Blob | null = null
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b
      return 'blob:streamwarden/1'
    })
    const revokeObjectURL = vi.fn()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
    const clicked: { href: string; download: string; attached: boolean }[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) })
    })

    renderHistory('type=movie&search=heat')
    await screen.findAllByTestId('history-row')
    const button = screen.getByTestId('history-export') as HTMLButtonElement
    await fireEvent.click(button)
    expect(history.ExportCSV).toHaveBeenCalledWith(expect.objectContaining({ mediaType: 'movie', search: 'heat' }))
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'))
    expect(button.textContent).toContain('Exporting…')

    exported.resolve(csv)
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
    expect(clicked[0]).toEqual({ href: 'blob:streamwarden/1', download: 'streamwarden-history-2026-11-21.csv', attached: true })
    expect(blob).not.toBeNull()
    expect(await blob!.text()).toBe(csv)
    expect(blob!.type).toContain('text/csv')
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'))
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('shows a failed export', async () => {
    history.Search.mockResolvedValue(page([play()]))
    history.ExportCSV.mockRejectedValue('Could not read the history.')
    renderHistory()
    await screen.findAllByTestId('history-row')
    await fireEvent.click(screen.getByTestId('history-export'))
    expect((await screen.findByTestId('export-error')).textContent).toContain('Could not read the history.')
  })
})
