// Builders shared by the geo tests.
import { service } from '../../../wailsjs/go/models'

export function location(over: Partial<service.LocationView> = {}): service.LocationView {
  return service.LocationView.createFrom({
    source: 'database',
    label: '',
    countryCode: 'FR',
    countryName: 'France',
    region: 'Auvergne-Rhône-Alpes',
    city: 'Lyon',
    hasCoordinates: true,
    latitude: 45.764,
    longitude: 4.8357,
    accuracyKm: 20,
    asn: 3215,
    isp: 'Orange',
    ...over,
  })
}

export function liveSession(over: Record<string, unknown> = {}): service.LiveSessionView {
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
    geo: location(),
    mediaType: 'episode',
    title: 'Severance',
    subtitle: 'S1 · E2 · Half Loop',
    year: 2022,
    durationMs: 2_710_000,
    positionMs: 724_000,
    state: 'playing',
    source: {},
    stream: {},
    decision: { overall: 'direct_play' },
    bandwidthKbps: 8_000,
    liveTv: false,
    startedAt: 0,
    ...over,
  })
}

export function place(over: Partial<service.MapPlace> = {}): service.MapPlace {
  return {
    latitude: 45.764,
    longitude: 4.8357,
    label: '',
    city: 'Lyon',
    region: 'Auvergne-Rhône-Alpes',
    countryCode: 'FR',
    countryName: 'France',
    plays: 12,
    users: 2,
    topUsers: ['alice', 'bob'],
    lastPlayedAt: new Date('2026-11-20T21:15:00Z').getTime(),
    ...over,
  }
}
