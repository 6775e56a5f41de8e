// Wording for locations (service.LocationView): one line for a place, the
// network it belongs to, where the answer came from.
import type { service } from '../api'

type Place = Pick<service.LocationView, 'city' | 'region' | 'countryName' | 'countryCode'>

/** "Lyon, Auvergne-Rhône-Alpes, France"; the region is left out when it repeats the city. */
export function placeName(p: Partial<Place> | null | undefined, withRegion = true): string {
  if (!p) return ''
  const parts = [p.city]
  if (withRegion && p.region && p.region !== p.city) parts.push(p.region)
  parts.push(p.countryName || p.countryCode)
  return parts.filter((s) => s && s.trim()).join(', ')
}

/** Whether the address is on a local network (never placed on the map). */
export function isLocal(geo: service.LocationView | null | undefined, network = ''): boolean {
  if (geo?.source) return geo.source === 'local'
  return network === 'lan'
}

/** Whether the location is a point on the map (0,0 is never "unknown"). */
export function isPlaced(geo: service.LocationView | null | undefined): geo is service.LocationView {
  return Boolean(
    geo &&
      geo.hasCoordinates &&
      geo.source !== 'local' &&
      geo.source !== 'unknown' &&
      Number.isFinite(geo.latitude) &&
      Number.isFinite(geo.longitude),
  )
}

export interface LocationSummary {
  kind: 'local' | 'unknown' | 'known'
  /** The main line: "Mum's house", "Lyon, France", "LAN", "Unknown location". */
  text: string
  /** The place under a label, when both exist. */
  detail: string
}

/**
 * How a location reads in a card or a table cell. `network` is the
 * session's own lan/wan flag, used when no location was resolved at all.
 */
export function summarizeLocation(
  geo: service.LocationView | null | undefined,
  network = '',
  withRegion = true,
): LocationSummary {
  const place = placeName(geo, withRegion)
  if (isLocal(geo, network)) return { kind: 'local', text: geo?.label || 'LAN', detail: geo?.label ? 'LAN' : '' }
  if (!geo || geo.source === 'unknown' || (!place && !geo.label)) return { kind: 'unknown', text: 'Unknown location', detail: '' }
  if (geo.label) return { kind: 'known', text: geo.label, detail: place }
  return { kind: 'known', text: place, detail: '' }
}

/** "Deutsche Telekom AG · AS3320", or '' when neither is known. */
export function networkOwner(geo: Pick<service.LocationView, 'isp' | 'asn'> | null | undefined): string {
  if (!geo) return ''
  return [geo.isp, geo.asn > 0 ? `AS${geo.asn}` : ''].filter(Boolean).join(' · ')
}

const SOURCES: Record<string, string> = {
  database: 'GeoIP database',
  override: 'Your networks',
  local: 'Local network',
  unknown: 'Unknown',
}

export function sourceLabel(source: string): string {
  return SOURCES[source] ?? (source || 'Unknown')
}

function hemisphere(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(4)}° ${value < 0 ? negative : positive}`
}

/** "48.8566° N, 2.3522° E". */
export function formatCoordinates(lat: number, lng: number): string {
  return `${hemisphere(lat, 'N', 'S')}, ${hemisphere(lng, 'E', 'W')}`
}
