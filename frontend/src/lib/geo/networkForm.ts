// Checking a user-defined network (Settings → Locations → Your networks)
// before it is saved. The backend checks again; this gives the answers as
// you type.
import type { service } from '../api'

const IPV4_PART = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${IPV4_PART}(\\.${IPV4_PART}){3}$`)

export function isIPv4(s: string): boolean {
  return IPV4.test(s)
}

export function isIPv6(s: string): boolean {
  if (!s.includes(':') || /[^0-9a-fA-F:.]/.test(s)) return false
  let groups = s
  // An embedded IPv4 address stands for the last two groups.
  const lastColon = s.lastIndexOf(':')
  const tail = s.slice(lastColon + 1)
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false
    groups = `${s.slice(0, lastColon + 1)}0:0`
  }
  const halves = groups.split('::')
  if (halves.length > 2) return false
  const parts = (h: string) => (h === '' ? [] : h.split(':'))
  const head = parts(halves[0])
  const rest = halves.length === 2 ? parts(halves[1]) : []
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false
  const count = head.length + rest.length
  return halves.length === 2 ? count <= 7 : count === 8
}

/** A single address or a CIDR block ("192.168.1.0/24", "2001:db8::/32", "203.0.113.7"). */
export function isNetwork(input: string): boolean {
  const s = input.trim()
  const slash = s.indexOf('/')
  const addr = slash >= 0 ? s.slice(0, slash) : s
  const v4 = isIPv4(addr)
  if (!v4 && !isIPv6(addr)) return false
  if (slash < 0) return true
  const bits = s.slice(slash + 1)
  if (!/^\d{1,3}$/.test(bits)) return false
  return Number(bits) <= (v4 ? 32 : 128)
}

export interface NetworkDraft {
  cidr: string
  label: string
  local: boolean
  hasLocation: boolean
  countryCode: string
  city: string
  latitude: string
  longitude: string
}

export type NetworkErrors = Partial<Record<'cidr' | 'label' | 'countryCode' | 'latitude' | 'longitude', string>>

export function draftFrom(n: service.GeoNetworkView | null): NetworkDraft {
  return {
    cidr: n?.cidr ?? '',
    label: n?.label ?? '',
    local: n?.local ?? false,
    hasLocation: n?.hasLocation ?? false,
    countryCode: n?.countryCode ?? '',
    city: n?.city ?? '',
    latitude: n?.hasLocation ? String(n.latitude) : '',
    longitude: n?.hasLocation ? String(n.longitude) : '',
  }
}

function coordinate(value: string, limit: number): number | null {
  const s = value.trim().replace(',', '.')
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null
  const n = Number(s)
  return Math.abs(n) <= limit ? n : null
}

export function validateNetwork(d: NetworkDraft): NetworkErrors {
  const errors: NetworkErrors = {}
  if (!d.cidr.trim()) errors.cidr = 'Enter an address or a network.'
  else if (!isNetwork(d.cidr)) errors.cidr = 'Enter an IP address (203.0.113.7) or a network in CIDR form (192.168.1.0/24).'
  if (d.label.length > 100) errors.label = 'Keep the label under 100 characters.'
  if (d.hasLocation) {
    if (d.countryCode.trim() && !/^[A-Za-z]{2}$/.test(d.countryCode.trim()))
      errors.countryCode = 'Use the two-letter country code (FR, US, DE…).'
    if (coordinate(d.latitude, 90) === null) errors.latitude = 'A latitude between -90 and 90, e.g. 48.8566.'
    if (coordinate(d.longitude, 180) === null) errors.longitude = 'A longitude between -180 and 180, e.g. 2.3522.'
  }
  return errors
}

/** The network to save; call after validateNetwork found nothing. */
export function networkFrom(d: NetworkDraft, id = 0): service.GeoNetworkView {
  return {
    id,
    cidr: d.cidr.trim(),
    label: d.label.trim(),
    local: d.local,
    hasLocation: d.hasLocation,
    countryCode: d.hasLocation ? d.countryCode.trim().toUpperCase() : '',
    city: d.hasLocation ? d.city.trim() : '',
    latitude: d.hasLocation ? (coordinate(d.latitude, 90) ?? 0) : 0,
    longitude: d.hasLocation ? (coordinate(d.longitude, 180) ?? 0) : 0,
  }
}
