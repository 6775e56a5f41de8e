// Shared fixtures of the Settings → Locations tests. The test files mock
// the Geo bindings and the runtime; this module reads the mocked versions.
import { vi } from 'vitest'
import { fireEvent, screen } from '@testing-library/svelte'
import * as GeoApi from '../../../wailsjs/go/service/Geo'
import * as Runtime from '../../../wailsjs/runtime/runtime'
import { service } from '../../../wailsjs/go/models'

export const geo = vi.mocked(GeoApi)
export const runtime = vi.mocked(Runtime)

export const NOW = new Date('2026-11-21T20:00:00Z').getTime()
export const DAY = 86_400_000

export const CITY = { kind: 'city', databaseType: 'GeoLite2-City', buildTime: NOW - 3 * DAY, size: 58_000_000, loaded: true }
export const ASN = { kind: 'asn', databaseType: 'GeoLite2-ASN', buildTime: NOW - 3 * DAY, size: 8_000_000, loaded: true }

export function status(over: Record<string, unknown> = {}): service.GeoStatus {
  return service.GeoStatus.createFrom({
    databases: [CITY, ASN],
    maxMind: {
      accountId: '',
      hasLicenseKey: false,
      autoUpdate: false,
      checking: false,
      lastCheck: 0,
      lastSuccess: 0,
      nextCheck: 0,
      lastError: '',
    },
    relocation: { running: false, done: 0, total: 0, startedAt: 0, finishedAt: 0, error: '' },
    tiles: { enabled: false, url: '', attribution: '' },
    uploadPath: '/api/geo/upload',
    ...over,
  })
}

export const maxMind = (over: Partial<service.MaxMindView> = {}): service.MaxMindView => ({
  accountId: '123456',
  hasLicenseKey: true,
  autoUpdate: true,
  checking: false,
  lastCheck: NOW - 3_600_000,
  lastSuccess: NOW - 3_600_000,
  nextCheck: NOW + 6 * DAY,
  lastError: '',
  ...over,
})

export function network(over: Partial<service.GeoNetworkView> = {}): service.GeoNetworkView {
  return {
    id: 1,
    cidr: '192.168.0.0/16',
    label: 'Home',
    local: true,
    hasLocation: false,
    countryCode: '',
    city: '',
    latitude: 0,
    longitude: 0,
    ...over,
  }
}

export function deferred<T>() {
  let resolve: (v: T) => void = () => {}
  let reject: (e: unknown) => void = () => {}
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export function captureEvents() {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>()
  const unsubscribed: string[] = []
  runtime.EventsOn.mockImplementation((name: string, cb: (...args: unknown[]) => void) => {
    handlers.set(name, [...(handlers.get(name) ?? []), cb])
    return () => unsubscribed.push(name)
  })
  const emit = (name: string, ...args: unknown[]) => {
    const list = handlers.get(name)
    if (!list) throw new Error(`no handler for ${name}`)
    for (const h of list) h(...args)
  }
  return { emit, unsubscribed }
}

export async function fill(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } })
}

export const text = (testid: string) => screen.getByTestId(testid).textContent?.replace(/\s+/g, ' ').trim() ?? ''
