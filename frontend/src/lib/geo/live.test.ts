import { describe, expect, it } from 'vitest'
import { groupByPosition, sessionKey, sortSessions, unplacedSummary } from './live'
import { liveSession, location } from './testdata'

describe('sortSessions', () => {
  it('never places LAN or unknown sessions, even with coordinates', () => {
    const sessions = [
      liveSession({ sessionKey: 'a' }),
      liveSession({ sessionKey: 'b', location: 'lan', geo: location({ source: 'local', hasCoordinates: false }) }),
      liveSession({ sessionKey: 'c', geo: location({ source: 'unknown', hasCoordinates: true, latitude: 0, longitude: 0 }) }),
      liveSession({ sessionKey: 'd', geo: undefined }),
      liveSession({ sessionKey: 'e', location: 'lan', geo: undefined }),
      liveSession({ sessionKey: 'f', geo: location({ hasCoordinates: false }) }),
    ]
    const sorted = sortSessions(sessions)
    expect(sorted.placed.map((s) => s.sessionKey)).toEqual(['a'])
    expect(sorted.lan.map((s) => s.sessionKey)).toEqual(['b', 'e'])
    expect(sorted.unknown.map((s) => s.sessionKey)).toEqual(['c', 'd', 'f'])
  })
})

describe('groupByPosition', () => {
  it('puts streams from one point on one dot', () => {
    const groups = groupByPosition([
      liveSession({ sessionKey: 'a' }),
      liveSession({ sessionKey: 'b', geo: location({ latitude: 45.76401 }) }),
      liveSession({ sessionKey: 'c', geo: location({ latitude: 52.52, longitude: 13.405 }) }),
      liveSession({ sessionKey: 'd', geo: location({ source: 'local' }) }),
    ])
    expect(groups.map((g) => [g.key, g.sessions.map(sessionKey)])).toEqual([
      ['45.7640,4.8357', ['1:a', '1:b']],
      ['52.5200,13.4050', ['1:c']],
    ])
  })
})

describe('unplacedSummary', () => {
  it.each([
    [0, 0, ''],
    [3, 1, '3 streams on the LAN, 1 unknown'],
    [1, 0, '1 stream on the LAN'],
    [0, 2, '2 streams from an unknown location'],
    [0, 1, '1 stream from an unknown location'],
  ])('%i LAN, %i unknown → %s', (lan, unknown, text) => {
    expect(unplacedSummary(lan, unknown)).toBe(text)
  })
})
