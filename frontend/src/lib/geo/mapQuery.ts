// The Map page's filters, kept in the URL (`#/map?period=7d&server=2`) like
// the History page's, and turned into the backend's query.
import type { service } from '../api'

export const PERIODS = ['24h', '7d', '30d', '90d', '1y', 'all'] as const
export type Period = (typeof PERIODS)[number]
export const DEFAULT_PERIOD: Period = '30d'

const DAY = 86_400_000

const PERIOD_INFO: Record<Period, { label: string; long: string; ms: number }> = {
  '24h': { label: '24 h', long: 'the last 24 hours', ms: DAY },
  '7d': { label: '7 d', long: 'the last 7 days', ms: 7 * DAY },
  '30d': { label: '30 d', long: 'the last 30 days', ms: 30 * DAY },
  '90d': { label: '90 d', long: 'the last 90 days', ms: 90 * DAY },
  '1y': { label: '1 y', long: 'the last year', ms: 365 * DAY },
  all: { label: 'All', long: 'all time', ms: 0 },
}

export const isPeriod = (s: string): s is Period => (PERIODS as readonly string[]).includes(s)

export function periodLabel(p: Period): string {
  return PERIOD_INFO[p].label
}

/** "the last 7 days", for sentences. */
export function periodPhrase(p: Period): string {
  return PERIOD_INFO[p].long
}

export interface MapFilters {
  /** 0: every server. */
  serverId: number
  /** An account id on the media server ('' for everyone). */
  userId: string
  period: Period
}

export const DEFAULT_MAP_FILTERS: Readonly<MapFilters> = Object.freeze({ serverId: 0, userId: '', period: DEFAULT_PERIOD })

function positiveInt(s: string | null): number {
  if (!s || !/^\d+$/.test(s)) return 0
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : 0
}

/** Reads the filters from the URL query; anything invalid falls back to the default. */
export function parseMapFilters(q: URLSearchParams): MapFilters {
  const period = q.get('period') ?? ''
  return {
    serverId: positiveInt(q.get('server')),
    userId: (q.get('user') ?? '').trim(),
    period: isPeriod(period) ? period : DEFAULT_PERIOD,
  }
}

/** The URL query for the filters, leaving out defaults. */
export function mapFiltersToParams(f: MapFilters): URLSearchParams {
  const q = new URLSearchParams()
  if (f.serverId > 0) q.set('server', String(f.serverId))
  if (f.userId) q.set('user', f.userId)
  if (f.period !== DEFAULT_PERIOD) q.set('period', f.period)
  return q
}

/** The in-app path of the Map page with these filters. */
export function mapPath(f: MapFilters): string {
  const q = mapFiltersToParams(f).toString()
  return q ? `map?${q}` : 'map'
}

/**
 * The time range of a period ending now, in unix ms. `to` is 0 (open): plays
 * still running count, and a later refresh sees plays that started since.
 * "All" has no start either.
 */
export function periodRange(p: Period, now = Date.now()): { from: number; to: number } {
  const ms = PERIOD_INFO[p].ms
  return { from: ms > 0 ? now - ms : 0, to: 0 }
}

export function toMapQuery(f: MapFilters, now = Date.now()): service.MapQuery {
  const { from, to } = periodRange(f.period, now)
  return { serverId: f.serverId, userId: f.userId, from, to }
}

/** Whether a live session passes the server and user filters (the period does not apply to what plays now). */
export function matchesLive(f: MapFilters, s: { serverId: number; userId: string }): boolean {
  return (f.serverId === 0 || s.serverId === f.serverId) && (!f.userId || s.userId === f.userId)
}
