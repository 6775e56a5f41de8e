import { describe, expect, it, vi, beforeEach } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import * as ServersApi from '../../../wailsjs/go/service/Servers'
import * as Runtime from '../../../wailsjs/runtime/runtime'
import type { service } from '../../../wailsjs/go/models'
import Servers from './Servers.svelte'

vi.mock('../../../wailsjs/go/service/Servers', () => ({
  List: vi.fn(),
  Add: vi.fn(),
  Update: vi.fn(),
  SetEnabled: vi.fn(),
  Remove: vi.fn(),
  Test: vi.fn(),
  TestSettings: vi.fn(),
}))

vi.mock('../../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn(() => () => {}),
}))

const api = vi.mocked(ServersApi)
const runtime = vi.mocked(Runtime)

function view(over: Partial<service.ServerView> = {}): service.ServerView {
  return {
    id: 7,
    kind: 'plex',
    name: 'Living room',
    url: 'http://192.168.1.10:32400',
    verifyTls: true,
    enabled: true,
    source: 'user',
    hasToken: true,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  }
}

function result(over: Partial<service.ConnectionResult> = {}): service.ConnectionResult {
  return {
    ok: true,
    reason: '',
    message: '',
    serverName: 'E2E Plex',
    version: '1.41.0.1234',
    product: 'Plex Media Server',
    machineId: 'abc',
    latencyMs: 12,
    ...over,
  }
}

async function openAddForm() {
  await fireEvent.click(await screen.findByTestId('add-server'))
  return screen.getByTestId('server-form')
}

async function fill(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } })
}

beforeEach(() => {
  vi.clearAllMocks()
  runtime.EventsOn.mockImplementation(() => () => {})
})

describe('Settings → Servers', () => {
  it('lists servers with kind, URL, enabled state and the environment badge', async () => {
    api.List.mockResolvedValue([
      view(),
      view({ id: 8, kind: 'jellyfin', name: 'Cabin', url: 'https://cabin.example:8920', enabled: false, source: 'environment' }),
    ])
    render(Servers)

    const rows = await screen.findAllByTestId('server-row')
    expect(rows).toHaveLength(2)
    expect(within(rows[0]).getByTestId('kind-badge').textContent).toBe('Plex')
    expect(within(rows[0]).getByTestId('server-row-url').textContent).toBe('http://192.168.1.10:32400')
    expect(within(rows[0]).queryByTestId('env-badge')).toBeNull()
    expect(within(rows[0]).getByTestId('server-enabled-toggle').getAttribute('aria-checked')).toBe('true')

    expect(within(rows[1]).getByTestId('kind-badge').textContent).toBe('Jellyfin')
    expect(within(rows[1]).getByTestId('env-badge').textContent).toBe('from environment')
    expect(within(rows[1]).getByTestId('server-enabled-toggle').getAttribute('aria-checked')).toBe('false')
    expect((within(rows[1]).getByTestId('server-edit') as HTMLButtonElement).disabled).toBe(false)
    expect((within(rows[1]).getByTestId('server-remove') as HTMLButtonElement).disabled).toBe(true)
  })

  it('edits a server declared in the environment without touching its type, URL or token', async () => {
    const env = view({ id: 8, kind: 'emby', name: 'Cabin', url: 'http://10.0.0.9:8096', source: 'environment' })
    api.List.mockResolvedValue([env])
    api.Update.mockResolvedValue({ ...env, name: 'Cabin (env)' })
    render(Servers)
    await fireEvent.click(within((await screen.findAllByTestId('server-row'))[0]).getByTestId('server-edit'))

    expect(screen.getByTestId('env-note')).toBeTruthy()
    expect((screen.getByTestId('server-kind') as HTMLSelectElement).disabled).toBe(true)
    expect((screen.getByTestId('server-url') as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByTestId('server-token') as HTMLInputElement).disabled).toBe(true)

    await fill('server-name', 'Cabin (env)')
    await fireEvent.click(screen.getByTestId('server-save'))
    await waitFor(() =>
      expect(api.Update).toHaveBeenCalledWith(8, {
        kind: 'emby',
        name: 'Cabin (env)',
        url: 'http://10.0.0.9:8096',
        token: '',
        verifyTls: true,
        enabled: true,
      }),
    )
  })

  it('adds a server and shows it in the list', async () => {
    const added = view({ id: 9, name: 'Home', url: 'http://10.0.0.5:32400' })
    api.List.mockResolvedValueOnce([]).mockResolvedValue([added])
    api.Add.mockResolvedValue(added)
    render(Servers)

    await screen.findByTestId('servers-empty')
    const form = await openAddForm()
    expect(within(form).getByText('Token')).toBeTruthy()
    expect((screen.getByTestId('server-url') as HTMLInputElement).placeholder).toBe('http://192.168.1.10:32400')
    expect((screen.getByTestId('server-token') as HTMLInputElement).type).toBe('password')

    await fill('server-name', '  Home ')
    await fill('server-url', 'http://10.0.0.5:32400')
    await fill('server-token', ' secret-token ')
    await fireEvent.click(screen.getByTestId('server-save'))

    await waitFor(() => expect(api.Add).toHaveBeenCalledTimes(1))
    expect(api.Add).toHaveBeenCalledWith({
      kind: 'plex',
      name: 'Home',
      url: 'http://10.0.0.5:32400',
      token: 'secret-token',
      verifyTls: true,
      enabled: true,
    })
    await waitFor(() => expect(screen.queryByTestId('server-form')).toBeNull())
    const rows = await screen.findAllByTestId('server-row')
    expect(rows).toHaveLength(1)
    expect(within(rows[0]).getByTestId('server-row-name').textContent).toBe('Home')
  })

  it('switches labels and placeholder with the server type', async () => {
    api.List.mockResolvedValue([])
    render(Servers)
    const form = await openAddForm()
    await fireEvent.change(screen.getByTestId('server-kind'), { target: { value: 'jellyfin' } })
    expect(within(form).getByText('API key')).toBeTruthy()
    expect(within(form).queryByText('Token')).toBeNull()
    expect((screen.getByTestId('server-url') as HTMLInputElement).placeholder).toBe('http://192.168.1.10:8096')
    expect(form.textContent).toContain('Dashboard → API Keys')
  })

  it('shows validation errors next to the fields and does not call the backend', async () => {
    api.List.mockResolvedValue([])
    render(Servers)
    await openAddForm()

    await fireEvent.click(screen.getByTestId('server-save'))
    expect(screen.getByTestId('error-name').textContent).toContain('name')
    expect(screen.getByTestId('error-url').textContent).toContain('address')
    expect(screen.getByTestId('error-token').textContent).toContain('token')

    await fill('server-url', 'ftp://files.local')
    expect(screen.getByTestId('error-url').textContent).toBe('The address must start with http:// or https://.')
    await fill('server-url', 'https://plex.example.org')
    expect(screen.queryByTestId('error-url')).toBeNull()

    await fireEvent.click(screen.getByTestId('server-test'))
    expect(api.Add).not.toHaveBeenCalled()
    expect(api.TestSettings).not.toHaveBeenCalled()
  })

  it('tests the form settings and renders success', async () => {
    api.List.mockResolvedValue([])
    api.TestSettings.mockResolvedValue(result())
    render(Servers)
    await openAddForm()

    await fill('server-url', 'http://127.0.0.1:32400')
    await fill('server-token', 'tok')
    await fireEvent.click(screen.getByTestId('server-test'))

    const out = await screen.findByTestId('test-result')
    expect(out.dataset.ok).toBe('true')
    expect(out.textContent?.trim()).toBe('Connected to E2E Plex (Plex Media Server 1.41.0.1234) in 12 ms')
    expect(api.TestSettings).toHaveBeenCalledWith(0, {
      kind: 'plex',
      name: 'Plex',
      url: 'http://127.0.0.1:32400',
      token: 'tok',
      verifyTls: true,
      enabled: true,
    })
    // An empty name is filled in from the server's own name.
    expect((screen.getByTestId('server-name') as HTMLInputElement).value).toBe('E2E Plex')
  })

  it.each([
    ['unauthorized', 'Token rejected'],
    ['unreachable', 'Unreachable'],
    ['timeout', 'Timed out'],
    ['tls', 'TLS error'],
    ['not_media_server', 'Not a media server'],
    ['wrong_kind', 'Wrong server type'],
    ['server_error', 'Server error'],
    ['invalid_url', 'Invalid URL'],
  ])('renders a %s failure as "%s" with the message', async (reason, title) => {
    api.List.mockResolvedValue([])
    api.TestSettings.mockResolvedValue(result({ ok: false, reason, message: 'details from the server' }))
    render(Servers)
    await openAddForm()
    await fill('server-url', 'http://127.0.0.1:32400')
    await fill('server-token', 'tok')
    await fireEvent.click(screen.getByTestId('server-test'))

    const out = await screen.findByTestId('test-result')
    expect(out.dataset.ok).toBe('false')
    expect(out.querySelector('.callout-title')?.textContent).toBe(title)
    expect(out.textContent).toContain('details from the server')
  })

  it('shows a rejected test call as an error', async () => {
    api.List.mockResolvedValue([])
    api.TestSettings.mockRejectedValue('kind: unknown server type')
    render(Servers)
    await openAddForm()
    await fill('server-url', 'http://127.0.0.1:32400')
    await fill('server-token', 'tok')
    await fireEvent.click(screen.getByTestId('server-test'))
    const out = await screen.findByTestId('test-result')
    expect(out.textContent).toContain('kind: unknown server type')
  })

  it('edits a server and keeps the stored token when the field stays empty', async () => {
    api.List.mockResolvedValue([view()])
    api.Update.mockResolvedValue(view({ name: 'Den' }))
    api.TestSettings.mockResolvedValue(result())
    render(Servers)

    const row = (await screen.findAllByTestId('server-row'))[0]
    await fireEvent.click(within(row).getByTestId('server-edit'))

    const token = screen.getByTestId('server-token') as HTMLInputElement
    expect(token.value).toBe('')
    expect(screen.getByTestId('token-keep-hint').textContent).toContain('Leave empty to keep the stored token')
    expect((screen.getByTestId('server-url') as HTMLInputElement).value).toBe('http://192.168.1.10:32400')

    // Testing an edited server sends its id, so the backend can use the stored token.
    await fireEvent.click(screen.getByTestId('server-test'))
    await screen.findByTestId('test-result')
    expect(api.TestSettings).toHaveBeenCalledWith(7, expect.objectContaining({ token: '' }))

    await fill('server-name', 'Den')
    await fireEvent.click(screen.getByTestId('server-save'))
    await waitFor(() => expect(api.Update).toHaveBeenCalledTimes(1))
    expect(api.Update).toHaveBeenCalledWith(7, {
      kind: 'plex',
      name: 'Den',
      url: 'http://192.168.1.10:32400',
      token: '',
      verifyTls: true,
      enabled: true,
    })
    expect(screen.queryByTestId('error-token')).toBeNull()
  })

  it('shows the backend error when saving fails and keeps the form open', async () => {
    api.List.mockResolvedValue([])
    api.Add.mockRejectedValue('a server with this URL already exists')
    render(Servers)
    await openAddForm()
    await fill('server-name', 'Home')
    await fill('server-url', 'http://10.0.0.5:32400')
    await fill('server-token', 'tok')
    await fireEvent.click(screen.getByTestId('server-save'))
    expect((await screen.findByTestId('form-error')).textContent).toContain('a server with this URL already exists')
    expect(screen.getByTestId('server-form')).toBeTruthy()
  })

  it('tests a saved server from its row', async () => {
    api.List.mockResolvedValue([view()])
    let resolveTest: (r: service.ConnectionResult) => void = () => {}
    api.Test.mockImplementation(() => new Promise((r) => (resolveTest = r)))
    render(Servers)
    const row = (await screen.findAllByTestId('server-row'))[0]
    const button = within(row).getByTestId('server-test-row') as HTMLButtonElement

    await fireEvent.click(button)
    expect(api.Test).toHaveBeenCalledWith(7)
    expect(button.disabled).toBe(true)
    expect(button.getAttribute('aria-busy')).toBe('true')

    resolveTest(result({ ok: false, reason: 'timeout', message: 'no answer within 10 s' }))
    const out = await within(row).findByTestId('test-result')
    expect(out.textContent).toContain('Timed out')
    expect(out.textContent).toContain('no answer within 10 s')
    await waitFor(() => expect(button.disabled).toBe(false))
  })

  it('enables and disables a server', async () => {
    api.List.mockResolvedValue([view()])
    api.SetEnabled.mockResolvedValue(view({ enabled: false }))
    render(Servers)
    const row = (await screen.findAllByTestId('server-row'))[0]
    await fireEvent.click(within(row).getByTestId('server-enabled-toggle'))
    expect(api.SetEnabled).toHaveBeenCalledWith(7, false)
    await waitFor(() =>
      expect(within(row).getByTestId('server-enabled-toggle').getAttribute('aria-checked')).toBe('false'),
    )
  })

  it('removes a server only after confirmation', async () => {
    api.List.mockResolvedValueOnce([view()]).mockResolvedValue([])
    api.Remove.mockResolvedValue()
    render(Servers)
    const row = (await screen.findAllByTestId('server-row'))[0]

    await fireEvent.click(within(row).getByTestId('server-remove'))
    const dialog = screen.getByTestId('confirm-dialog')
    expect(dialog.textContent).toContain('Remove Living room?')
    await fireEvent.click(screen.getByTestId('confirm-cancel'))
    expect(api.Remove).not.toHaveBeenCalled()
    expect(screen.queryByTestId('confirm-dialog')).toBeNull()

    await fireEvent.click(within(row).getByTestId('server-remove'))
    await fireEvent.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(api.Remove).toHaveBeenCalledWith(7))
    await screen.findByTestId('servers-empty')
  })

  it('reloads when the backend announces servers:changed', async () => {
    let changed: () => void = () => {}
    const unsubscribe = vi.fn()
    runtime.EventsOn.mockImplementation((name: string, cb: (...a: unknown[]) => void) => {
      if (name === 'servers:changed') changed = cb as () => void
      return unsubscribe
    })
    api.List.mockResolvedValueOnce([view()]).mockResolvedValue([view(), view({ id: 8, name: 'Second' })])
    const { unmount } = render(Servers)
    expect(await screen.findAllByTestId('server-row')).toHaveLength(1)

    changed()
    await waitFor(() => expect(screen.getAllByTestId('server-row')).toHaveLength(2))
    unmount()
    expect(unsubscribe).toHaveBeenCalled()
  })

  it('opens the add form from a deep link', async () => {
    api.List.mockResolvedValue([])
    const onautoadd = vi.fn()
    render(Servers, { props: { autoAdd: true, onautoadd } })
    expect(await screen.findByTestId('server-form')).toBeTruthy()
    expect(onautoadd).toHaveBeenCalled()
  })

  it('never shows a token in the list', async () => {
    api.List.mockResolvedValue([view()])
    render(Servers)
    const row = (await screen.findAllByTestId('server-row'))[0]
    expect(row.innerHTML).not.toMatch(/token=/i)
  })
})
