// The History page's filters, kept in the URL (`#/history?search=pilot&page=2`)
// so reloads and links keep them, and turned into the backend's query.
import type { service } from './api'
import { isMediaType } from './media'

export const SORT_KEYS = ['started', 'user', 'title', 'platform', 'ip', 'duration'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const PAGE_SIZES = [25, 50, 100, 250] as const
export const DEFAULT_PAGE_SIZE = 50

export interface HistoryFilters {
  /** 0: every server. */
  serverId: number
  /** An account id on the media server ('' for everyone). */
  userId: string
  mediaType: string
  ip: string
  search: string
  /** Local calendar days, YYYY-MM-DD, both included; '' for open-ended. */
  from: string
  to: string
  sort: SortKey
  ascending: boolean
  page: number
  pageSize: number
}

export const DEFAULT_FILTERS: Readonly<HistoryFilters> = Object.freeze({
  serverId: 0,
  userId: '',
  mediaType: '',
  ip: '',
  search: '',
  from: '',
  to: '',
  sort: 'started',
  ascending: false,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
})

const isSortKey = (s: string): s is SortKey => (SORT_KEYS as readonly string[]).includes(s)

/** Times and durations read best newest or longest first; words from A. */
export function defaultAscending(sort: SortKey): boolean {
  return sort !== 'started' && sort !== 'duration'
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function validDay(s: string | null): string {
  if (!s) return ''
  const m = DAY.exec(s)
  if (!m) return ''
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? s : ''
}

function positiveInt(s: string | null): number {
  if (!s || !/^\d+$/.test(s)) return 0
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : 0
}

/** Reads the filters from the URL query; anything invalid falls back to the default. */
export function parseFilters(q: URLSearchParams): HistoryFilters {
  const sort = q.get('sort') ?? ''
  const size = positiveInt(q.get('size'))
  const type = q.get('type') ?? ''
  return {
    serverId: positiveInt(q.get('server')),
    userId: (q.get('user') ?? '').trim(),
    mediaType: isMediaType(type) ? type : '',
    ip: (q.get('ip') ?? '').trim(),
    search: (q.get('search') ?? '').trim(),
    from: validDay(q.get('from')),
    to: validDay(q.get('to')),
    sort: isSortKey(sort) ? sort : 'started',
    ascending: q.get('order') === 'asc',
    page: Math.max(1, positiveInt(q.get('page'))),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** The URL query for the filters, leaving out defaults. */
export function filtersToParams(f: HistoryFilters): URLSearchParams {
  const q = new URLSearchParams()
  if (f.search) q.set('search', f.search)
  if (f.serverId > 0) q.set('server', String(f.serverId))
  if (f.userId) q.set('user', f.userId)
  if (f.mediaType) q.set('type', f.mediaType)
  if (f.ip) q.set('ip', f.ip)
  if (f.from) q.set('from', f.from)
  if (f.to) q.set('to', f.to)
  if (f.sort !== 'started') q.set('sort', f.sort)
  if (f.ascending) q.set('order', 'asc')
  if (f.pageSize !== DEFAULT_PAGE_SIZE) q.set('size', String(f.pageSize))
  if (f.page > 1) q.set('page', String(f.page))
  return q
}

/** The in-app path of the History page with these filters. */
export function historyPath(f: HistoryFilters): string {
  const q = filtersToParams(f).toString()
  return q ? `history?${q}` : 'history'
}

/** Local midnight starting the day, in unix ms. */
export function dayStart(day: string): number {
  const m = DAY.exec(day)
  if (!m) return 0
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
}

/** Local midnight ending the day (the next day's start), in unix ms. */
export function dayEnd(day: string): number {
  const m = DAY.exec(day)
  if (!m) return 0
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime()
}

/** The backend query for the filters. */
export function toHistoryQuery(f: HistoryFilters): service.HistoryQuery {
  return {
    serverId: f.serverId,
    userId: f.userId,
    mediaType: f.mediaType,
    ip: f.ip,
    search: f.search,
    from: f.from ? dayStart(f.from) : 0,
    to: f.to ? dayEnd(f.to) : 0,
    sort: f.sort,
    ascending: f.ascending,
    page: f.page,
    pageSize: f.pageSize,
  }
}

/** Whether anything narrows the list (sorting and paging do not). */
export function hasFilters(f: HistoryFilters): boolean {
  return Boolean(f.serverId || f.userId || f.mediaType || f.ip || f.search || f.from || f.to)
}

/** The download name of an export: streamwarden-history-2026-11-21.csv (local date). */
export function exportFileName(now = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
  return `streamwarden-history-${day}.csv`
}
