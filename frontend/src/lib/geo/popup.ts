// The contents of the map's popups and tooltips, built as DOM nodes (never
// HTML strings: user and title names come from the media servers). Leaflet
// takes an element as content; the styles live in MapCanvas.svelte.
import type { service } from '../api'
import { formatCount, formatDateTime } from '../format'
import { formatWatchTime, stateLabel, subtitleLine } from '../media'
import { networkOwner, placeName } from './location'

type Child = Node | string | null | undefined | false

function el(tag: string, className: string, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag)
  if (className) node.className = className
  for (const c of children) {
    if (c === null || c === undefined || c === false || c === '') continue
    node.append(c)
  }
  return node
}

/** A definition list of the rows that have a value. */
function rows(entries: [string, string | number | null | undefined][]): HTMLElement {
  const dl = el('dl', 'sw-popup-rows')
  for (const [label, value] of entries) {
    if (value === null || value === undefined || value === '') continue
    dl.append(el('dt', '', label), el('dd', '', String(value)))
  }
  return dl
}

function frame(testid: string, ...children: Child[]): HTMLElement {
  const root = el('div', 'sw-popup', ...children)
  root.dataset.testid = testid
  return root
}

export interface CountryInfo {
  code: string
  name: string
  stats: service.CountryPlays | null
}

export function countryContent({ code, name, stats }: CountryInfo): HTMLElement {
  const title = el('div', 'sw-popup-title', stats?.countryName || name || code || 'Unknown country')
  if (!stats || stats.plays <= 0) {
    return frame('country-popup', title, el('div', 'sw-popup-muted', 'No plays in this period'))
  }
  return frame(
    'country-popup',
    title,
    rows([
      ['Plays', formatCount(stats.plays)],
      ['Watch time', formatWatchTime(stats.watchMs)],
      ['Users', formatCount(stats.users)],
    ]),
  )
}

/** The name of a historical place: its label, else the city, else the region or country. */
export function placeTitle(p: service.MapPlace): string {
  return p.label || p.city || p.region || p.countryName || p.countryCode || 'Unknown place'
}

export function placeContent(p: service.MapPlace): HTMLElement {
  const where = placeName(p)
  const title = placeTitle(p)
  const top = p.topUsers ?? []
  return frame(
    'place-popup',
    el('div', 'sw-popup-title', title),
    where && where !== title ? el('div', 'sw-popup-muted', where) : null,
    rows([
      ['Plays', formatCount(p.plays)],
      ['Users', formatCount(p.users)],
      ['Top users', top.length > 0 ? top.join(', ') : null],
      ['Last played', p.lastPlayedAt ? formatDateTime(p.lastPlayedAt) : null],
    ]),
  )
}

/** Several places on one point, or a cluster shown as a list. */
export function placesContent(places: service.MapPlace[], limit = 8): HTMLElement {
  const sorted = [...places].sort((a, b) => b.plays - a.plays)
  const list = el('ul', 'sw-popup-list')
  for (const p of sorted.slice(0, limit)) {
    list.append(el('li', '', el('span', 'sw-popup-strong', placeTitle(p)), ` · ${formatCount(p.plays)} plays`))
  }
  const more = sorted.length - limit
  const total = sorted.reduce((sum, p) => sum + p.plays, 0)
  return frame(
    'places-popup',
    el('div', 'sw-popup-title', `${sorted.length} places · ${formatCount(total)} plays`),
    list,
    more > 0 ? el('div', 'sw-popup-muted', `and ${more} more`) : null,
  )
}

function sessionBlock(s: service.LiveSessionView): HTMLElement {
  const subtitle = subtitleLine(s)
  const player = [s.deviceName, s.product, s.platform].filter((v) => v && v.trim()).join(' · ')
  const geo = s.geo
  const block = el(
    'div',
    'sw-popup-session',
    el(
      'div',
      'sw-popup-head',
      el('span', 'sw-popup-title sw-popup-user', s.userName || 'Unknown user'),
      el('span', `sw-popup-state sw-state-${s.state || 'unknown'}`, stateLabel(s.state)),
    ),
    el('div', 'sw-popup-strong', s.title || 'Untitled'),
    subtitle ? el('div', 'sw-popup-muted', subtitle) : null,
    rows([
      ['Player', player],
      ['IP', s.ip],
      ['Place', geo ? [geo.label, placeName(geo)].filter(Boolean).join(' · ') : ''],
      ['Network', networkOwner(geo)],
      ['Server', s.serverName],
    ]),
  )
  block.dataset.testid = 'live-popup-session'
  return block
}

export function liveContent(sessions: service.LiveSessionView[]): HTMLElement {
  const root = frame('live-popup')
  if (sessions.length > 1) root.append(el('div', 'sw-popup-muted', `${sessions.length} streams from here`))
  for (const s of sessions) root.append(sessionBlock(s))
  return root
}

/** The accessible name of a live dot. */
export function liveTitle(sessions: service.LiveSessionView[]): string {
  const first = sessions[0]
  if (!first) return ''
  const where = placeName(first.geo, false)
  const who = sessions.length > 1 ? `${sessions.length} streams` : `${first.userName || 'Unknown user'} watching ${first.title || 'something'}`
  return where ? `${who} · ${where}` : who
}
