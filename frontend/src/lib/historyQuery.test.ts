import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTERS,
  dayEnd,
  dayStart,
  exportFileName,
  filtersToParams,
  hasFilters,
  historyPath,
  parseFilters,
  toHistoryQuery,
  type HistoryFilters,
} from './historyQuery'
import { lastPage, rangeText } from './paging'

const params = (s: string) => new URLSearchParams(s)

describe('history filters in the URL', () => {
  it('reads defaults from an empty query', () => {
    expect(parseFilters(params(''))).toEqual(DEFAULT_FILTERS)
    expect(historyPath({ ...DEFAULT_FILTERS })).toBe('history')
  })

  it('survives a round trip through the URL', () => {
    const f: HistoryFilters = {
      serverId: 3,
      userId: 'u-42',
      mediaType: 'episode',
      ip: '203.0.113.7',
      search: 'pilot episode',
      from: '2026-11-01',
      to: '2026-11-21',
      sort: 'title',
      ascending: true,
      page: 4,
      pageSize: 100,
    }
    const path = historyPath(f)
    expect(path).toBe(
      'history?search=pilot+episode&server=3&user=u-42&type=episode&ip=203.0.113.7&from=2026-11-01&to=2026-11-21&sort=title&order=asc&size=100&page=4',
    )
    expect(parseFilters(params(path.split('?')[1]))).toEqual(f)
  })

  it('drops what it does not understand', () => {
    const f = parseFilters(params('sort=bogus&type=vhs&page=-2&size=33&from=2026-02-30&to=yesterday&server=abc&order=up'))
    expect(f).toEqual(DEFAULT_FILTERS)
  })

  it('turns local days into a half-open range of unix milliseconds', () => {
    const q = toHistoryQuery({ ...DEFAULT_FILTERS, from: '2026-11-01', to: '2026-11-21' })
    expect(q.from).toBe(new Date(2026, 10, 1).getTime())
    expect(q.to).toBe(new Date(2026, 10, 22).getTime())
    expect(dayStart('2026-12-31')).toBe(new Date(2026, 11, 31).getTime())
    expect(dayEnd('2026-12-31')).toBe(new Date(2027, 0, 1).getTime())
    expect(toHistoryQuery(DEFAULT_FILTERS)).toEqual({
      serverId: 0,
      userId: '',
      mediaType: '',
      ip: '',
      search: '',
      from: 0,
      to: 0,
      sort: 'started',
      ascending: false,
      page: 1,
      pageSize: 50,
    })
  })

  it('knows when the list is narrowed', () => {
    expect(hasFilters({ ...DEFAULT_FILTERS, sort: 'user', page: 3 })).toBe(false)
    expect(hasFilters({ ...DEFAULT_FILTERS, ip: '10.0.0.1' })).toBe(true)
  })

  it('names the export after the local day', () => {
    expect(exportFileName(new Date(2026, 10, 21, 23, 59))).toBe('streamwarden-history-2026-11-21.csv')
  })
})

describe('paging text', () => {
  it('counts rows and caps the total', () => {
    expect(rangeText(1, 50, 50, 1234, false)).toBe('1–50 of 1,234')
    expect(rangeText(25, 50, 34, 1234, false)).toBe('1,201–1,234 of 1,234')
    expect(rangeText(3, 50, 50, 10_000, true)).toBe('101–150 of 10,000+')
    expect(rangeText(1, 50, 0, 0, false)).toBe('0 of 0')
    expect(lastPage(1234, 50, false)).toBe(25)
    expect(lastPage(0, 50, false)).toBe(1)
    expect(lastPage(10_000, 50, true)).toBeNull()
  })
})
