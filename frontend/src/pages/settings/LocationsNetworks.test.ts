import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { service } from '../../../wailsjs/go/models'
import Locations from './Locations.svelte'
import { geo, runtime, status, network, captureEvents, fill, text } from './locationsTestKit'

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

describe('Settings → Locations: your networks', () => {
  it('lists networks and adds one with a location after checking it', async () => {
    const added = network({ id: 2, cidr: '203.0.113.7', label: "Mum's house", local: false, hasLocation: true, countryCode: 'FR', city: 'Lyon', latitude: 45.764, longitude: 4.8357 })
    geo.Networks.mockResolvedValueOnce([network()]).mockResolvedValue([network(), added])
    geo.SaveNetwork.mockResolvedValue(added)
    render(Locations, { serverMode: true })
    const [row] = await screen.findAllByTestId('network-row')
    expect(within(row).getByTestId('network-cidr').textContent).toBe('192.168.0.0/16')
    expect(within(row).getByTestId('network-local').textContent).toBe('Local network')
    expect(screen.getByTestId('geo-networks').textContent).toContain('take precedence over the GeoIP database')

    await fireEvent.click(screen.getByTestId('network-add'))
    const form = screen.getByTestId('network-form')
    await fireEvent.click(within(form).getByTestId('network-save'))
    expect(within(form).getByTestId('network-cidr-input').getAttribute('aria-invalid')).toBe('true')

    await fill('network-cidr-input', '203.0.113.7')
    await fill('network-label-input', "Mum's house")
    await fireEvent.click(within(form).getByTestId('network-location-toggle'))
    await fill('network-country-input', 'fr')
    await fill('network-city-input', 'Lyon')
    await fill('network-lat-input', '95')
    await fill('network-lng-input', '4.8357')
    await fireEvent.click(within(form).getByTestId('network-save'))
    expect(screen.getByTestId('network-lat-input').getAttribute('aria-invalid')).toBe('true')
    expect(geo.SaveNetwork).not.toHaveBeenCalled()

    await fill('network-lat-input', '45.764')
    expect(screen.getByTestId('network-lat-input').getAttribute('aria-invalid')).toBeNull()
    await fireEvent.click(within(form).getByTestId('network-save'))
    await waitFor(() =>
      expect(geo.SaveNetwork).toHaveBeenCalledWith({
        id: 0,
        cidr: '203.0.113.7',
        label: "Mum's house",
        local: false,
        hasLocation: true,
        countryCode: 'FR',
        city: 'Lyon',
        latitude: 45.764,
        longitude: 4.8357,
      }),
    )
    await waitFor(() => expect(screen.queryByTestId('network-form')).toBeNull())
    const rows = screen.getAllByTestId('network-row')
    expect(rows).toHaveLength(2)
    expect(within(rows[1]).getByTestId('network-location').textContent).toContain('Lyon, FR')
  })

  it('edits a network and shows the backend refusing it', async () => {
    geo.Networks.mockResolvedValueOnce([network()]).mockResolvedValue([network({ label: 'House' })])
    geo.SaveNetwork.mockRejectedValueOnce('192.168.0.0/16 overlaps 192.168.1.0/24')
    render(Locations, { serverMode: true })
    await fireEvent.click(await screen.findByTestId('network-edit'))
    expect((screen.getByTestId('network-cidr-input') as HTMLInputElement).value).toBe('192.168.0.0/16')
    expect(screen.getByTestId('network-local-toggle').getAttribute('aria-checked')).toBe('true')
    await fill('network-label-input', 'House')
    await fireEvent.click(screen.getByTestId('network-save'))
    expect((await screen.findByTestId('network-save-error')).textContent).toContain('overlaps')

    geo.SaveNetwork.mockResolvedValueOnce(network({ label: 'House' }))
    await fireEvent.click(screen.getByTestId('network-save'))
    await waitFor(() => expect(geo.SaveNetwork).toHaveBeenLastCalledWith(expect.objectContaining({ id: 1, label: 'House', local: true })))
    await waitFor(() => expect(screen.getByTestId('network-label').textContent).toBe('House'))
  })

  it('deletes a network after confirmation', async () => {
    geo.Networks.mockResolvedValueOnce([network(), network({ id: 2, cidr: '10.8.0.0/24', label: 'VPN' })]).mockResolvedValue([network()])
    geo.DeleteNetwork.mockResolvedValue()
    render(Locations, { serverMode: true })
    const rows = await screen.findAllByTestId('network-row')
    await fireEvent.click(within(rows[1]).getByTestId('network-delete'))
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('10.8.0.0/24')
    await fireEvent.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(geo.DeleteNetwork).toHaveBeenCalledWith(2))
    await waitFor(() => expect(screen.getAllByTestId('network-row')).toHaveLength(1))
  })

  it('says when there is no network yet', async () => {
    render(Locations, { serverMode: true })
    expect((await screen.findByTestId('networks-empty')).textContent).toContain('already count as local')
  })
})

describe('Settings → Locations: look up an address', () => {
  it('checks the address, then shows where it is', async () => {
    geo.Lookup.mockResolvedValue(
      service.LocationView.createFrom({
        source: 'database',
        label: '',
        countryCode: 'DE',
        countryName: 'Germany',
        region: 'Land Berlin',
        city: 'Berlin',
        hasCoordinates: true,
        latitude: 52.52,
        longitude: 13.405,
        accuracyKm: 20,
        asn: 3320,
        isp: 'Deutsche Telekom AG',
      }),
    )
    render(Locations, { serverMode: true })
    await screen.findByTestId('geo-lookup')
    await fill('geo-lookup-input', 'not an address')
    await fireEvent.click(screen.getByTestId('geo-lookup-submit'))
    expect(text('geo-lookup-error')).toContain('IPv4 or IPv6')
    expect(geo.Lookup).not.toHaveBeenCalled()

    await fill('geo-lookup-input', ' 198.51.100.23 ')
    await fireEvent.click(screen.getByTestId('geo-lookup-submit'))
    await waitFor(() => expect(geo.Lookup).toHaveBeenCalledWith('198.51.100.23'))
    await screen.findByTestId('geo-lookup-result')
    expect(text('lookup-source')).toBe('GeoIP database')
    expect(text('lookup-city')).toBe('Berlin')
    expect(text('lookup-region')).toBe('Land Berlin')
    expect(text('lookup-country')).toBe('Germany (DE)')
    expect(text('lookup-coordinates')).toBe('52.5200° N, 13.4050° E')
    expect(text('lookup-accuracy')).toBe('within 20 km')
    expect(text('lookup-asn')).toBe('AS3320')
    expect(text('lookup-isp')).toBe('Deutsche Telekom AG')
  })

  it('says an address without coordinates is not on the map', async () => {
    geo.Lookup.mockResolvedValue(
      service.LocationView.createFrom({ source: 'local', label: 'Office', hasCoordinates: false, accuracyKm: 0, asn: 0 }),
    )
    render(Locations, { serverMode: true })
    await screen.findByTestId('geo-lookup')
    await fill('geo-lookup-input', '10.1.2.3')
    await fireEvent.click(screen.getByTestId('geo-lookup-submit'))
    await screen.findByTestId('geo-lookup-result')
    expect(text('lookup-source')).toBe('Local network')
    expect(text('lookup-label')).toBe('Office')
    expect(text('lookup-coordinates')).toContain('not shown on the map')
  })
})

describe('Settings → Locations: online tiles', () => {
  it('is off by default and warns before tiles come from a third party', async () => {
    geo.SaveTiles.mockImplementation(async (t) => t)
    render(Locations, { serverMode: true })
    const toggle = await screen.findByTestId('tiles-enabled')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(screen.queryByTestId('tiles-warning')).toBeNull()

    await fireEvent.click(toggle)
    expect(text('tiles-warning')).toContain('fetched from this third party')

    await fill('tiles-url', 'tile.example.org/{z}/{x}/{y}.png')
    await fireEvent.click(screen.getByTestId('tiles-save'))
    expect(screen.getByTestId('tiles-url').getAttribute('aria-invalid')).toBe('true')
    expect(geo.SaveTiles).not.toHaveBeenCalled()

    await fill('tiles-url', 'https://tile.example.org/{z}/{x}/{y}.png')
    await fill('tiles-attribution', '© Example contributors')
    await fireEvent.click(screen.getByTestId('tiles-save'))
    await waitFor(() =>
      expect(geo.SaveTiles).toHaveBeenCalledWith({
        enabled: true,
        url: 'https://tile.example.org/{z}/{x}/{y}.png',
        attribution: '© Example contributors',
      }),
    )
    expect(await screen.findByTestId('tiles-saved')).toBeTruthy()
  })
})

describe('Settings → Locations: live updates', () => {
  it('reloads on geo:changed and stops listening when closed', async () => {
    const events = captureEvents()
    const { unmount } = render(Locations, { serverMode: true })
    await screen.findByTestId('geo-databases')
    await waitFor(() => expect(geo.Networks).toHaveBeenCalledTimes(1))

    geo.Status.mockResolvedValue(status({ databases: [] }))
    events.emit('geo:changed')
    await screen.findByTestId('geo-no-database')
    expect(geo.Networks).toHaveBeenCalledTimes(2)

    unmount()
    expect(events.unsubscribed.sort()).toEqual(['geo:changed', 'geo:changed', 'geo:relocation'])
  })

  it('says when the settings cannot be read', async () => {
    geo.Status.mockRejectedValueOnce('the database is locked').mockResolvedValue(status())
    render(Locations, { serverMode: true })
    const error = await screen.findByTestId('locations-error')
    expect(error.textContent).toContain('the database is locked')
    await fireEvent.click(within(error).getByText('Try again'))
    expect(await screen.findByTestId('geo-databases')).toBeTruthy()
  })
})
