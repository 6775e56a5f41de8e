// Live sessions on the map: which can be placed, which cannot (LAN or
// unknown: listed beside the map, never drawn at 0°, 0°), and which share a
// point (one dot for several streams from the same place).
import type { service } from '../api'
import { isLocal, isPlaced } from './location'

export interface SortedSessions {
  placed: service.LiveSessionView[]
  lan: service.LiveSessionView[]
  unknown: service.LiveSessionView[]
}

export function sortSessions(sessions: readonly service.LiveSessionView[]): SortedSessions {
  const out: SortedSessions = { placed: [], lan: [], unknown: [] }
  for (const s of sessions) {
    if (isPlaced(s.geo)) out.placed.push(s)
    else if (isLocal(s.geo, s.location)) out.lan.push(s)
    else out.unknown.push(s)
  }
  return out
}

export interface LiveGroup {
  /** The rounded position: the same place keeps the same dot across updates. */
  key: string
  lat: number
  lng: number
  sessions: service.LiveSessionView[]
}

/** One group per point (to about 10 m); sessions keep their order. */
export function groupByPosition(sessions: readonly service.LiveSessionView[]): LiveGroup[] {
  const groups = new Map<string, LiveGroup>()
  for (const s of sessions) {
    if (!isPlaced(s.geo)) continue
    const lat = s.geo.latitude
    const lng = s.geo.longitude
    const key = `${lat.toFixed(4)},${lng.toFixed(4)}`
    const group = groups.get(key)
    if (group) group.sessions.push(s)
    else groups.set(key, { key, lat, lng, sessions: [s] })
  }
  return [...groups.values()]
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "3 streams on the LAN, 1 unknown"; '' when every stream is on the map. */
export function unplacedSummary(lan: number, unknown: number): string {
  const parts: string[] = []
  if (lan > 0) parts.push(`${count(lan, 'stream')} on the LAN`)
  if (unknown > 0) parts.push(lan > 0 ? `${unknown} unknown` : `${count(unknown, 'stream')} from an unknown location`)
  return parts.join(', ')
}

export const sessionKey = (s: service.LiveSessionView) => `${s.serverId}:${s.sessionKey}`
