import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MAP_FILTERS,
  PERIODS,
  mapFiltersToParams,
  mapPath,
  matchesLive,
  parseMapFilters,
  periodRange,
  toMapQuery,
  type MapFilters,
} from './mapQuery'

const NOW = new Date('2026-11-21T20:00:00Z').getTime()
const DAY = 86_400_000
const q = (s: string) => new URLSearchParams(s)

describe('parseMapFilters', () => {
  it('defaults to every server and user over 30 days', () => {
    expect(parseMapFilters(q(''))).toEqual({ serverId: 0, userId: '', period: '30d' })
    expect(DEFAULT_MAP_FILTERS.period).toBe('30d')
  })

  it('reads the filters', () => {
    expect(parseMapFilters(q('server=2&user=%20abc%20&period=1y'))).toEqual({ serverId: 2, userId: 'abc', period: '1y' })
  })

  it('falls back on anything invalid', () => {
    expect(parseMapFilters(q('server=-1&period=2w'))).toEqual({ serverId: 0, userId: '', period: '30d' })
    expect(parseMapFilters(q('server=1e3'))).toEqual(DEFAULT_MAP_FILTERS)
    expect(parseMapFilters(q('server=99999999999999999999')).serverId).toBe(0)
  })
})

describe('URL round trip', () => {
  const cases: MapFilters[] = [
    { serverId: 0, userId: '', period: '30d' },
    { serverId: 3, userId: '', period: '24h' },
    { serverId: 0, userId: 'a b&c=d', period: 'all' },
    ...PERIODS.map((period) => ({ serverId: 1, userId: 'u1', period })),
  ]
  it.each(cases)('%o', (f) => {
    expect(parseMapFilters(mapFiltersToParams(f))).toEqual(f)
    const path = mapPath(f)
    expect(parseMapFilters(q(path.split('?')[1] ?? ''))).toEqual(f)
  })

  it('leaves defaults out of the URL', () => {
    expect(mapPath(DEFAULT_MAP_FILTERS)).toBe('map')
    expect(mapPath({ serverId: 2, userId: '', period: '7d' })).toBe('map?server=2&period=7d')
  })
})

describe('periodRange', () => {
  it.each([
    ['24h', DAY],
    ['7d', 7 * DAY],
    ['30d', 30 * DAY],
    ['90d', 90 * DAY],
    ['1y', 365 * DAY],
  ] as const)('%s starts that long ago and stays open', (period, ms) => {
    expect(periodRange(period, NOW)).toEqual({ from: NOW - ms, to: 0 })
  })

  it('all has no bounds', () => {
    expect(periodRange('all', NOW)).toEqual({ from: 0, to: 0 })
  })

  it('builds the backend query', () => {
    expect(toMapQuery({ serverId: 4, userId: 'u9', period: '7d' }, NOW)).toEqual({
      serverId: 4,
      userId: 'u9',
      from: NOW - 7 * DAY,
      to: 0,
    })
  })
})

describe('matchesLive', () => {
  it('applies the server and user filters to live sessions', () => {
    const s = { serverId: 2, userId: 'u1' }
    expect(matchesLive({ serverId: 0, userId: '', period: '24h' }, s)).toBe(true)
    expect(matchesLive({ serverId: 2, userId: 'u1', period: '24h' }, s)).toBe(true)
    expect(matchesLive({ serverId: 1, userId: '', period: '24h' }, s)).toBe(false)
    expect(matchesLive({ serverId: 0, userId: 'u2', period: '24h' }, s)).toBe(false)
  })
})
