// Wording and numbers for streams and plays: media types, delivery
// decisions, quality, bandwidth and playback times.
import type { service } from './api'
import type { IconName } from '../components/Icon.svelte'

export const MEDIA_TYPES = ['movie', 'episode', 'track', 'clip', 'photo', 'livetv', 'other'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export const isMediaType = (t: string): t is MediaType => (MEDIA_TYPES as readonly string[]).includes(t)

const MEDIA_INFO: Record<MediaType, { label: string; icon: IconName }> = {
  movie: { label: 'Movie', icon: 'movie' },
  episode: { label: 'Episode', icon: 'tv' },
  track: { label: 'Track', icon: 'music' },
  clip: { label: 'Clip', icon: 'clip' },
  photo: { label: 'Photo', icon: 'photo' },
  livetv: { label: 'Live TV', icon: 'broadcast' },
  other: { label: 'Other', icon: 'file' },
}

export function mediaTypeLabel(type: string): string {
  return isMediaType(type) ? MEDIA_INFO[type].label : type || 'Unknown'
}

export function mediaTypeIcon(type: string): IconName {
  return isMediaType(type) ? MEDIA_INFO[type].icon : 'file'
}

/** The line under a title: the episode or album line, else the year. */
export function subtitleLine(item: { subtitle: string; year: number }): string {
  if (item.subtitle) return item.subtitle
  return item.year > 0 ? String(item.year) : ''
}

export type DecisionKind = 'direct_play' | 'direct_stream' | 'transcode' | 'unknown'

export function decisionKind(overall: string): DecisionKind {
  return overall === 'direct_play' || overall === 'direct_stream' || overall === 'transcode' ? overall : 'unknown'
}

const DECISION_LABELS: Record<DecisionKind, string> = {
  direct_play: 'Direct Play',
  direct_stream: 'Direct Stream',
  transcode: 'Transcode',
  unknown: 'Unknown',
}

export function decisionLabel(overall: string): string {
  return DECISION_LABELS[decisionKind(overall)]
}

export function usesHardware(d: service.Decision): boolean {
  return Boolean(d.hardwareDecode || d.hardwareEncode)
}

/** "VideoCodecNotSupported" or "video_codec_not_supported" → "Video codec not supported". */
export function humanize(word: string): string {
  const spaced = word
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : ''
}

/** The details behind a decision badge, one per line, for a title attribute. */
export function decisionDetails(d: service.Decision): string {
  const lines: string[] = []
  const part = (name: string, value: string) => {
    if (value) lines.push(`${name}: ${isDecision(value) ? decisionLabel(value) : humanize(value)}`)
  }
  part('Video', d.video)
  part('Audio', d.audio)
  part('Subtitles', d.subtitle)
  if (d.hardwareDecode) lines.push('Hardware decoding')
  if (d.hardwareEncode) lines.push('Hardware encoding')
  const reasons = (d.transcodeReasons ?? []).map(humanize).filter(Boolean)
  if (reasons.length > 0) lines.push(`Transcode reasons: ${reasons.join(', ')}`)
  return lines.join('\n')
}

const isDecision = (v: string) => decisionKind(v) !== 'unknown'

/** The stream's quality: "1080p", or "4K → 1080p" when the source differs. */
export function qualityLabel(source: service.Quality, stream: service.Quality): string {
  const from = source?.resolution ?? ''
  const to = stream?.resolution ?? ''
  if (from && to && from !== to) return `${from} → ${to}`
  if (to || from) return to || from
  // Audio only: name the codec the listener gets.
  const codec = stream?.audioCodec || source?.audioCodec || ''
  return codec.toUpperCase()
}

/** Kilobits per second in the largest fitting unit: "850 kbps", "12.4 Mbps". */
export function formatBandwidth(kbps: number): string {
  if (!Number.isFinite(kbps) || kbps <= 0) return '0 kbps'
  if (kbps < 1000) return `${Math.round(kbps)} kbps`
  const mbps = kbps / 1000
  if (mbps < 1000) return `${mbps < 100 ? trimZero(mbps.toFixed(1)) : Math.round(mbps)} Mbps`
  return `${trimZero((mbps / 1000).toFixed(1))} Gbps`
}

const trimZero = (s: string) => s.replace(/\.0$/, '')

/** A playback time: "12:04", or "1:02:03" from an hour on. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

/** A length of time as h:mm:ss: "0:12:04". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000))
  const h = Math.floor(total / 3600)
  return `${h}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Position as a whole percentage of the duration, or null when unknown. */
export function progressPercent(positionMs: number, durationMs: number): number | null {
  if (!durationMs || durationMs <= 0) return null
  return Math.min(100, Math.max(0, Math.round((positionMs / durationMs) * 100)))
}

/**
 * Where a session is now: a playing session moves on by the time elapsed
 * since it was fetched (capped at its duration); others stand still.
 */
export function livePosition(s: Pick<service.LiveSessionView, 'positionMs' | 'durationMs' | 'state' | 'liveTv'>, elapsedMs: number): number {
  if (s.state !== 'playing' || s.liveTv || elapsedMs <= 0) return s.positionMs
  const moved = s.positionMs + elapsedMs
  return s.durationMs > 0 ? Math.min(moved, s.durationMs) : moved
}

export type PlaybackState = 'playing' | 'paused' | 'buffering'

const STATE_INFO: Record<PlaybackState, { label: string; badge: string }> = {
  playing: { label: 'Playing', badge: 'badge-success' },
  paused: { label: 'Paused', badge: 'badge-warning' },
  buffering: { label: 'Buffering', badge: 'badge-info' },
}

export function stateLabel(state: string): string {
  return state in STATE_INFO ? STATE_INFO[state as PlaybackState].label : humanize(state) || 'Unknown'
}

export function stateBadge(state: string): string {
  return state in STATE_INFO ? STATE_INFO[state as PlaybackState].badge : 'badge-muted'
}

/** "Plex for Android 10.2" style: a product and its version. */
export function joinWords(...parts: (string | number | null | undefined)[]): string {
  return parts
    .map((p) => (p === null || p === undefined ? '' : String(p).trim()))
    .filter(Boolean)
    .join(' ')
}

/** A total time watched, rounded for reading: "3 d 4 h", "12 h 5 min", "45 min", "under a minute". */
export function formatWatchTime(ms: number): string {
  const minutes = Math.floor((Number.isFinite(ms) ? Math.max(0, ms) : 0) / 60_000)
  if (minutes < 1) return ms > 0 ? 'under a minute' : '0 min'
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  return `${m} min`
}
