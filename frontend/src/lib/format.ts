import type { service } from './api'

export const SERVER_KINDS = ['plex', 'jellyfin', 'emby'] as const
export type ServerKind = (typeof SERVER_KINDS)[number]

export const isServerKind = (k: string): k is ServerKind => (SERVER_KINDS as readonly string[]).includes(k)

const KIND_INFO: Record<ServerKind, { label: string; port: number; tokenLabel: string; tokenHint: string }> = {
  plex: {
    label: 'Plex',
    port: 32400,
    tokenLabel: 'Token',
    tokenHint:
      'In Plex Web, open any movie or episode, choose ⋯ → Get Info → View XML: the address of the page ends with X-Plex-Token=…',
  },
  jellyfin: {
    label: 'Jellyfin',
    port: 8096,
    tokenLabel: 'API key',
    tokenHint: 'In Jellyfin, open Dashboard → API Keys and add a key named “Streamwarden”.',
  },
  emby: {
    label: 'Emby',
    port: 8096,
    tokenLabel: 'API key',
    tokenHint: 'In Emby, open Settings → Advanced → API Keys and create a new key for Streamwarden.',
  },
}

export function kindLabel(kind: string): string {
  return isServerKind(kind) ? KIND_INFO[kind].label : kind
}

export function tokenLabel(kind: string): string {
  return isServerKind(kind) ? KIND_INFO[kind].tokenLabel : 'Token'
}

/** The credential's name inside a sentence: "token" or "API key". */
export function tokenNoun(kind: string): string {
  return tokenLabel(kind) === 'Token' ? 'token' : 'API key'
}

export function tokenHint(kind: string): string {
  return isServerKind(kind) ? KIND_INFO[kind].tokenHint : ''
}

export function urlPlaceholder(kind: string): string {
  const port = isServerKind(kind) ? KIND_INFO[kind].port : 8096
  return `http://192.168.1.10:${port}`
}

const REASON_TITLES: Record<string, string> = {
  invalid_url: 'Invalid URL',
  unreachable: 'Unreachable',
  timeout: 'Timed out',
  unauthorized: 'Token rejected',
  tls: 'TLS error',
  not_media_server: 'Not a media server',
  wrong_kind: 'Wrong server type',
  server_error: 'Server error',
}

export function reasonTitle(reason: string): string {
  return REASON_TITLES[reason] ?? 'Connection failed'
}

/** One line that sums up a successful connection test. */
export function connectedSummary(r: service.ConnectionResult): string {
  const what = [r.product, r.version].filter((s) => s && s.trim()).join(' ')
  const name = r.serverName || 'the server'
  const latency = Number.isFinite(r.latencyMs) ? ` in ${Math.round(r.latencyMs)} ms` : ''
  return `Connected to ${name}${what ? ` (${what})` : ''}${latency}`
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Formats unix milliseconds; 0 or missing means never. */
export function formatDateTime(ms: number | null | undefined, never = 'Never'): string {
  if (!ms) return never
  return dateFormat.format(new Date(ms))
}

export function formatRelative(ms: number | null | undefined, now = Date.now(), never = 'Never'): string {
  if (!ms) return never
  const diff = Math.round((now - ms) / 1000)
  if (diff < 45) return 'just now'
  const units: [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86400, 'day'],
  ]
  if (diff < 3600) return plural(Math.round(diff / units[0][0]), units[0][1])
  if (diff < 86400) return plural(Math.round(diff / units[1][0]), units[1][1])
  if (diff < 86400 * 30) return plural(Math.round(diff / units[2][0]), units[2][1])
  return formatDateTime(ms, never)
}

function plural(n: number, unit: string) {
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`
}

/** A short time since: "12 s ago", "4 min ago", "3 h ago", then the date. */
export function formatAgo(ms: number | null | undefined, now = Date.now(), never = 'never'): string {
  if (!ms) return never
  const s = Math.max(0, Math.floor((now - ms) / 1000))
  if (s < 60) return `${s} s ago`
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  return formatDateTime(ms, never)
}

export type ConnectionTone = 'success' | 'warning' | 'muted' | 'danger'

const CONNECTIONS: Record<string, { label: string; tone: ConnectionTone; hint: string }> = {
  realtime: { label: 'Live', tone: 'success', hint: 'Receiving updates as they happen' },
  polling: { label: 'Polling', tone: 'warning', hint: 'No realtime connection; checking the server at intervals' },
  connecting: { label: 'Connecting', tone: 'muted', hint: 'Connecting to the server' },
  unreachable: { label: 'Unreachable', tone: 'danger', hint: 'The server does not answer' },
  token_rejected: { label: 'Token rejected', tone: 'danger', hint: 'The server refused the stored credential' },
}

/** How a watched server's connection reads on the dashboard. */
export function connectionInfo(connection: string): { label: string; tone: ConnectionTone; hint: string } {
  return CONNECTIONS[connection] ?? { label: connection || 'Unknown', tone: 'muted', hint: '' }
}

const numberFormat = new Intl.NumberFormat()

export function formatCount(n: number): string {
  return numberFormat.format(n)
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const dayYearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** The local day, without the year when it is the current one: "Nov 21". */
export function formatDay(ms: number, now = Date.now()): string {
  const d = new Date(ms)
  return d.getFullYear() === new Date(now).getFullYear() ? dayFormat.format(d) : dayYearFormat.format(d)
}

/** The local time of day: "9:15 PM". */
export function formatTime(ms: number): string {
  return timeFormat.format(new Date(ms))
}

/** A file size in binary units: "512 B", "4.2 MiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B'
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let v = bytes
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return i === 0 ? `${Math.round(v)} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}
