import { describe, expect, it } from 'vitest'
import { countryContent, liveContent, liveTitle, placeContent, placesContent, placeTitle } from './popup'
import { liveSession, location, place } from './testdata'

const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim() ?? ''

describe('popups', () => {
  it('shows a country with its plays, watch time and users', () => {
    const el = countryContent({
      code: 'FR',
      name: 'France',
      stats: { countryCode: 'FR', countryName: 'France', plays: 1234, watchMs: 5 * 3_600_000 + 60_000, users: 3 },
    })
    expect(el.dataset.testid).toBe('country-popup')
    expect(text(el)).toContain('France')
    expect(text(el)).toMatch(/Plays\s*1,234/)
    expect(text(el)).toContain('5 h 1 min')
    expect(text(el)).toMatch(/Users\s*3/)
  })

  it('says when a country has no plays', () => {
    expect(text(countryContent({ code: 'DE', name: 'Germany', stats: null }))).toBe('GermanyNo plays in this period')
  })

  it('shows a place with its top users and last play', () => {
    const el = placeContent(place({ label: "Mum's house" }))
    expect(text(el)).toContain("Mum's house")
    expect(text(el)).toContain('Lyon, Auvergne-Rhône-Alpes, France')
    expect(text(el)).toContain('alice, bob')
    expect(text(el)).toContain('Last played')
    expect(placeTitle(place({ city: '', region: '' }))).toBe('France')
  })

  it('lists several places', () => {
    const el = placesContent([place({ city: 'A', plays: 1 }), place({ city: 'B', plays: 5 })], 1)
    expect(text(el)).toContain('2 places · 6 plays')
    expect(el.querySelectorAll('li')).toHaveLength(1)
    expect(el.querySelector('li')?.textContent).toContain('B')
    expect(text(el)).toContain('and 1 more')
  })

  it('shows each live stream with who, what, where and how', () => {
    const el = liveContent([
      liveSession({ geo: location({ city: 'Berlin', region: 'Berlin', countryName: 'Germany', isp: 'Telekom', asn: 3320 }) }),
      liveSession({ sessionKey: 'b', userName: 'bob', state: 'paused' }),
    ])
    expect(el.dataset.testid).toBe('live-popup')
    const sessions = el.querySelectorAll('[data-testid="live-popup-session"]')
    expect(sessions).toHaveLength(2)
    const first = text(sessions[0] as HTMLElement)
    for (const part of ['alice', 'Playing', 'Severance', 'S1 · E2 · Half Loop', 'Living Room TV · Plex for Android (TV) · Android', '203.0.113.7', 'Berlin, Germany', 'Telekom · AS3320', 'Home Plex']) {
      expect(first).toContain(part)
    }
    expect(text(sessions[1] as HTMLElement)).toContain('Paused')
    expect(text(el)).toContain('2 streams from here')
  })

  it('never turns names into markup', () => {
    const el = liveContent([liveSession({ userName: '<img src=x onerror=alert(1)>', title: '<b>bold</b>' })])
    expect(el.querySelector('img')).toBeNull()
    expect(el.querySelector('b')).toBeNull()
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>')
  })

  it('names a live dot for assistive technology', () => {
    expect(liveTitle([liveSession()])).toBe('alice watching Severance · Lyon, France')
    expect(liveTitle([liveSession(), liveSession()])).toBe('2 streams · Lyon, France')
    expect(liveTitle([])).toBe('')
  })
})
