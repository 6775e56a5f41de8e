import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { service } from '../../../wailsjs/go/models'
import Locations from './Locations.svelte'
import { geo, runtime, NOW, CITY, ASN, status, maxMind, deferred, captureEvents, fill, text } from './locationsTestKit'

vi.mock('../../../wailsjs/go/service/Geo', () => ({
  DeleteNetwork: vi.fn(),
  ImportDatabase: vi.fn(),
  Lookup: vi.fn(),
  Map: vi.fn(),
  Networks: vi.fn(),
  Relocate: vi.fn(),
  SaveMaxMind: vi.fn(),
  SaveNetwork: vi.fn(),
  SaveTiles: vi.fn(),
  Status: vi.fn(),
  UpdateNow: vi.fn(),
}))

vi.mock('../../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn(() => () => {}),
}))

beforeEach(() => {
  vi.clearAllMocks()
  runtime.EventsOn.mockImplementation(() => () => {})
  geo.Status.mockResolvedValue(status())
  geo.Networks.mockResolvedValue([])
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('Settings → Locations: databases', () => {
  it('explains in plain words what to do without a database', async () => {
    geo.Status.mockResolvedValue(status({ databases: [] }))
    render(Locations, { serverMode: true })
    const help = await screen.findByTestId('geo-no-database')
    const words = help.textContent?.replace(/\s+/g, ' ') ?? ''
    expect(words).toContain('free MaxMind account')
    expect(words).toContain('account ID and a licence key')
    expect(words).toContain('every week')
    expect(words).toContain('.mmdb')
    expect(words).toContain('DB-IP')
    expect(words).toContain('every location shows as unknown')
    expect(words).toContain('Every other page works')
    expect((screen.getByTestId('relocate-start') as HTMLButtonElement).disabled).toBe(true)
  })

  it('lists the databases with their kind, type, date, size and state', async () => {
    geo.Status.mockResolvedValue(status({ databases: [CITY, { ...ASN, loaded: false }] }))
    render(Locations, { serverMode: true })
    const rows = await screen.findAllByTestId('geo-database-row')
    expect(rows.map((r) => within(r).getByTestId('geo-database-kind').textContent)).toEqual(['City', 'ASN'])
    expect(rows[0].dataset.loaded).toBe('true')
    expect(rows[0].textContent).toContain('GeoLite2-City')
    expect(rows[0].textContent).toContain('55 MiB')
    expect(within(rows[0]).getByTestId('geo-database-state').textContent).toBe('Loaded')
    expect(within(rows[1]).getByTestId('geo-database-state').textContent).toBe('Not loaded')
    expect(screen.queryByTestId('geo-no-database')).toBeNull()
  })

  it('imports through the native file dialog on the desktop; cancelling does nothing', async () => {
    geo.ImportDatabase.mockResolvedValueOnce(service.GeoDatabaseView.createFrom({ kind: '', databaseType: '', buildTime: 0, size: 0, loaded: false }))
    render(Locations, { serverMode: false })
    await fireEvent.click(await screen.findByTestId('geo-import'))
    await waitFor(() => expect(geo.ImportDatabase).toHaveBeenCalledOnce())
    await waitFor(() => expect((screen.getByTestId('geo-import') as HTMLButtonElement).disabled).toBe(false))
    expect(screen.queryByTestId('geo-import-result')).toBeNull()
    expect(geo.Status).toHaveBeenCalledTimes(1)
    expect(screen.queryByTestId('geo-upload-input')).toBeNull()

    geo.ImportDatabase.mockResolvedValueOnce(service.GeoDatabaseView.createFrom({ ...CITY, databaseType: 'DBIP-City-Lite' }))
    await fireEvent.click(screen.getByTestId('geo-import'))
    const result = await screen.findByTestId('geo-import-result')
    expect(result.textContent).toContain('Installed the City database')
    expect(result.textContent).toContain('DBIP-City-Lite')
    await waitFor(() => expect(geo.Status).toHaveBeenCalledTimes(2))

    geo.ImportDatabase.mockRejectedValueOnce('the file is not a GeoIP2 database')
    await fireEvent.click(screen.getByTestId('geo-import'))
    expect((await screen.findByTestId('geo-import-error')).textContent).toContain('the file is not a GeoIP2 database')
    expect(screen.queryByTestId('geo-import-result')).toBeNull()
  })

  it('uploads a .mmdb file from the browser in server mode, with progress', async () => {
    const sent: FakeXHR[] = []
    class FakeXHR {
      status = 0
      statusText = ''
      responseText = ''
      withCredentials = false
      headers: Record<string, string> = {}
      url = ''
      body: unknown = null
      upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null }
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      onabort: (() => void) | null = null
      open(_method: string, url: string) {
        this.url = url
      }
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value
      }
      send(body: unknown) {
        this.body = body
        sent.push(this)
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXHR)
    render(Locations, { serverMode: true })
    const input = (await screen.findByTestId('geo-upload-input')) as HTMLInputElement
    expect(input.accept).toBe('.mmdb')
    expect(screen.queryByTestId('geo-import')).toBeNull()

    // Not a database file: refused before anything is sent.
    await fireEvent.change(input, { target: { files: [new File(['x'], 'notes.txt')] } })
    expect((await screen.findByTestId('geo-import-error')).textContent).toContain('notes.txt is not a .mmdb file')
    expect(sent).toHaveLength(0)

    const file = new File(['mmdb bytes'], 'dbip-city-lite-2026-11.mmdb')
    await fireEvent.change(input, { target: { files: [file] } })
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('/api/geo/upload')
    expect(sent[0].headers['Content-Type']).toBe('application/octet-stream')
    expect(sent[0].body).toBe(file)
    expect(screen.queryByTestId('geo-import-error')).toBeNull()

    sent[0].upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 } as ProgressEvent)
    await waitFor(() =>
      expect(within(screen.getByTestId('geo-upload-progress')).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50'),
    )
    expect(text('geo-upload-progress')).toContain('Uploading… 50 %')

    sent[0].status = 200
    sent[0].responseText = JSON.stringify({ ...CITY, databaseType: 'DBIP-City-Lite' })
    sent[0].onload?.()
    expect((await screen.findByTestId('geo-import-result')).textContent).toContain('DBIP-City-Lite')
    expect(screen.queryByTestId('geo-upload-progress')).toBeNull()
    await waitFor(() => expect(geo.Status).toHaveBeenCalledTimes(2))

    // The server refuses the next one.
    await fireEvent.change(input, { target: { files: [file] } })
    sent[1].status = 400
    sent[1].responseText = '{"error":"not a GeoIP2 database: invalid metadata"}'
    sent[1].onload?.()
    expect((await screen.findByTestId('geo-import-error')).textContent).toContain('not a GeoIP2 database: invalid metadata')
    expect(screen.queryByTestId('geo-import-result')).toBeNull()
  })
})

describe('Settings → Locations: MaxMind', () => {
  it('saves the account; an empty licence key keeps the stored one', async () => {
    geo.Status.mockResolvedValue(status({ maxMind: maxMind() }))
    geo.SaveMaxMind.mockResolvedValue(status({ maxMind: maxMind({ accountId: '654321' }) }))
    render(Locations, { serverMode: true })
    await screen.findByTestId('maxmind-settings')
    expect(screen.getByTestId('maxmind-key-stored').textContent).toBe('stored')
    const key = screen.getByTestId('maxmind-key') as HTMLInputElement
    expect(key.type).toBe('password')
    expect(key.value).toBe('')
    expect((screen.getByTestId('maxmind-account') as HTMLInputElement).value).toBe('123456')

    await fill('maxmind-account', '654321')
    // Unsaved edits: "Update now" waits for Save.
    expect((screen.getByTestId('maxmind-update') as HTMLButtonElement).disabled).toBe(true)
    await fireEvent.click(screen.getByTestId('maxmind-auto'))
    await fireEvent.click(screen.getByTestId('maxmind-save'))
    await waitFor(() =>
      expect(geo.SaveMaxMind).toHaveBeenCalledWith({ accountId: '654321', licenseKey: '', autoUpdate: false, clear: false }),
    )
    expect(await screen.findByTestId('maxmind-saved')).toBeTruthy()
    expect((screen.getByTestId('maxmind-account') as HTMLInputElement).value).toBe('654321')
  })

  it('asks for an account ID and a licence key the first time', async () => {
    render(Locations, { serverMode: true })
    await screen.findByTestId('maxmind-settings')
    expect(screen.queryByTestId('maxmind-key-stored')).toBeNull()
    expect(screen.queryByTestId('maxmind-status')).toBeNull()
    expect((screen.getByTestId('maxmind-update') as HTMLButtonElement).disabled).toBe(true)

    await fireEvent.click(screen.getByTestId('maxmind-save'))
    expect(screen.getByTestId('maxmind-account').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('maxmind-key').getAttribute('aria-invalid')).toBe('true')

    await fill('maxmind-account', 'abc')
    await fireEvent.click(screen.getByTestId('maxmind-save'))
    expect(screen.getByText(/The account ID is a number/)).toBeTruthy()
    expect(geo.SaveMaxMind).not.toHaveBeenCalled()

    geo.SaveMaxMind.mockResolvedValue(status({ maxMind: maxMind({ accountId: '42', lastCheck: 0, lastSuccess: 0 }) }))
    await fill('maxmind-account', '42')
    await fill('maxmind-key', '  secret-key  ')
    await fireEvent.click(screen.getByTestId('maxmind-save'))
    await waitFor(() =>
      expect(geo.SaveMaxMind).toHaveBeenCalledWith({ accountId: '42', licenseKey: 'secret-key', autoUpdate: true, clear: false }),
    )
    await waitFor(() => expect((screen.getByTestId('maxmind-key') as HTMLInputElement).value).toBe(''))
    expect(screen.getByTestId('maxmind-key-stored')).toBeTruthy()
    expect(text('maxmind-last-check')).toBe('Never')
  })

  it('shows the backend refusing the account', async () => {
    geo.SaveMaxMind.mockRejectedValue('MaxMind refused the licence key')
    render(Locations, { serverMode: true })
    await screen.findByTestId('maxmind-settings')
    await fill('maxmind-account', '42')
    await fill('maxmind-key', 'wrong')
    await fireEvent.click(screen.getByTestId('maxmind-save'))
    expect((await screen.findByTestId('maxmind-error')).textContent).toContain('MaxMind refused the licence key')
  })

  it('removes the account after confirmation', async () => {
    geo.Status.mockResolvedValue(status({ maxMind: maxMind() }))
    geo.SaveMaxMind.mockResolvedValue(status())
    render(Locations, { serverMode: true })
    await fireEvent.click(await screen.findByTestId('maxmind-remove'))
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('databases already installed stay in use')
    await fireEvent.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(geo.SaveMaxMind).toHaveBeenCalledWith({ accountId: '', licenseKey: '', autoUpdate: false, clear: true }))
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull())
    expect(screen.queryByTestId('maxmind-remove')).toBeNull()
    expect((screen.getByTestId('maxmind-account') as HTMLInputElement).value).toBe('')
  })

  it('updates now with a spinner, then shows the check times and the last error', async () => {
    geo.Status.mockResolvedValue(status({ maxMind: maxMind() }))
    const pending = deferred<service.GeoStatus>()
    geo.UpdateNow.mockReturnValue(pending.promise)
    render(Locations, { serverMode: true })
    const button = (await screen.findByTestId('maxmind-update')) as HTMLButtonElement
    expect(text('maxmind-next-check')).not.toBe('Never')

    await fireEvent.click(button)
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'))
    expect(button.textContent).toContain('Checking…')
    expect(within(button).getByRole('status')).toBeTruthy()

    pending.resolve(status({ maxMind: maxMind({ lastCheck: NOW, lastError: 'download.maxmind.com: 401 Unauthorized' }) }))
    expect((await screen.findByTestId('maxmind-last-error')).textContent).toContain('401 Unauthorized')
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'))
    expect(button.textContent).toContain('Update now')
  })

  it('shows a check the backend is running on its own', async () => {
    geo.Status.mockResolvedValue(status({ maxMind: maxMind({ checking: true }) }))
    render(Locations, { serverMode: true })
    const button = await screen.findByTestId('maxmind-update')
    expect(button.getAttribute('aria-busy')).toBe('true')
  })
})

describe('Settings → Locations: re-geolocating', () => {
  it('starts and follows the progress from events', async () => {
    const events = captureEvents()
    geo.Relocate.mockResolvedValue(
      service.RelocationView.createFrom({ running: true, done: 0, total: 0, startedAt: NOW, finishedAt: 0, error: '' }),
    )
    render(Locations, { serverMode: true })
    const start = (await screen.findByTestId('relocate-start')) as HTMLButtonElement
    expect(start.disabled).toBe(false)
    await fireEvent.click(start)
    await waitFor(() => expect(geo.Relocate).toHaveBeenCalledOnce())
    expect(await screen.findByTestId('relocate-progress')).toBeTruthy()
    expect(text('relocate-text')).toContain('counting the plays')
    await waitFor(() => expect(start.disabled).toBe(true))

    events.emit('geo:relocation', { running: true, done: 250, total: 1000, startedAt: NOW, finishedAt: 0, error: '' })
    await waitFor(() => expect(screen.getByTestId('relocate-progress').getAttribute('aria-valuenow')).toBe('25'))
    expect(text('relocate-text')).toBe('Re-geolocating… 250 of 1,000 plays (25 %)')

    // A late status answer does not move the bar back.
    geo.Status.mockResolvedValue(
      status({ relocation: { running: true, done: 100, total: 1000, startedAt: NOW, finishedAt: 0, error: '' } }),
    )
    events.emit('geo:changed')
    await waitFor(() => expect(geo.Status).toHaveBeenCalledTimes(2))
    expect(screen.getByTestId('relocate-progress').getAttribute('aria-valuenow')).toBe('25')

    events.emit('geo:relocation', { running: false, done: 1000, total: 1000, startedAt: NOW, finishedAt: NOW + 5000, error: '' })
    expect((await screen.findByTestId('relocate-done')).textContent).toContain('1,000 plays looked up again')
    expect(screen.queryByTestId('relocate-progress')).toBeNull()
    expect(start.disabled).toBe(false)
  })

  it('shows a run that stopped with an error', async () => {
    geo.Status.mockResolvedValue(
      status({ relocation: { running: false, done: 10, total: 50, startedAt: NOW, finishedAt: NOW + 1, error: 'database is locked' } }),
    )
    render(Locations, { serverMode: true })
    const failed = await screen.findByTestId('relocate-failed')
    expect(failed.textContent).toContain('database is locked')
    expect(failed.textContent).toContain('10 of 50 plays')
  })
})
