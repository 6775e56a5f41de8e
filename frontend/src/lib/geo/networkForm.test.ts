import { describe, expect, it } from 'vitest'
import { draftFrom, isIPv4, isIPv6, isNetwork, networkFrom, validateNetwork, type NetworkDraft } from './networkForm'

const draft = (over: Partial<NetworkDraft> = {}): NetworkDraft => ({
  cidr: '192.168.1.0/24',
  label: 'Home',
  local: true,
  hasLocation: false,
  countryCode: '',
  city: '',
  latitude: '',
  longitude: '',
  ...over,
})

describe('addresses', () => {
  it.each(['0.0.0.0', '192.168.1.10', '255.255.255.255', '8.8.8.8'])('IPv4 %s', (s) => expect(isIPv4(s)).toBe(true))
  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', 'a.b.c.d', ''])('not IPv4 %s', (s) => expect(isIPv4(s)).toBe(false))
  it.each(['::1', '::', '2001:db8::1', 'fe80::1:2:3:4', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:192.0.2.1'])(
    'IPv6 %s',
    (s) => expect(isIPv6(s)).toBe(true),
  )
  it.each(['1::2::3', '2001:db8:::1', '12345::', '1:2:3:4:5:6:7:8:9', '::ffff:999.0.2.1', 'g::1', '192.168.1.1'])(
    'not IPv6 %s',
    (s) => expect(isIPv6(s)).toBe(false),
  )
  it.each(['10.0.0.0/8', '192.168.1.7', ' 203.0.113.0/24 ', '2001:db8::/32', '::1/128', '0.0.0.0/0'])('network %s', (s) =>
    expect(isNetwork(s)).toBe(true),
  )
  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/x', 'example.org', '10.0.0.0/8/8'])('not a network %s', (s) =>
    expect(isNetwork(s)).toBe(false),
  )
})

describe('validateNetwork', () => {
  it('accepts a LAN subnet', () => {
    expect(validateNetwork(draft())).toEqual({})
  })

  it('needs an address', () => {
    expect(validateNetwork(draft({ cidr: ' ' })).cidr).toMatch(/Enter an address/)
    expect(validateNetwork(draft({ cidr: '300.1.1.1' })).cidr).toMatch(/CIDR/)
  })

  it('checks the location only when there is one', () => {
    expect(validateNetwork(draft({ countryCode: 'France', latitude: 'x' }))).toEqual({})
    const errors = validateNetwork(draft({ hasLocation: true, countryCode: 'France', latitude: '91', longitude: 'east' }))
    expect(Object.keys(errors).sort()).toEqual(['countryCode', 'latitude', 'longitude'])
    expect(validateNetwork(draft({ hasLocation: true, countryCode: 'fr', latitude: '-45,5', longitude: '170.25' }))).toEqual({})
  })

  it('limits the label', () => {
    expect(validateNetwork(draft({ label: 'x'.repeat(101) })).label).toBeTruthy()
  })
})

describe('networkFrom', () => {
  it('normalises what is saved', () => {
    expect(
      networkFrom(
        draft({ cidr: ' 203.0.113.7 ', label: " Mum's house ", local: false, hasLocation: true, countryCode: 'fr', city: ' Lyon ', latitude: '45,764', longitude: '4.8357' }),
        5,
      ),
    ).toEqual({
      id: 5,
      cidr: '203.0.113.7',
      label: "Mum's house",
      local: false,
      hasLocation: true,
      countryCode: 'FR',
      city: 'Lyon',
      latitude: 45.764,
      longitude: 4.8357,
    })
  })

  it('drops location fields when there is no location', () => {
    const n = networkFrom(draft({ countryCode: 'FR', city: 'Lyon', latitude: '1', longitude: '2' }))
    expect([n.countryCode, n.city, n.latitude, n.longitude, n.id]).toEqual(['', '', 0, 0, 0])
  })

  it('round-trips through a draft', () => {
    const view = { id: 3, cidr: '10.0.0.0/8', label: 'VPN', local: false, hasLocation: true, countryCode: 'NL', city: 'Amsterdam', latitude: 52.37, longitude: 4.89 }
    expect(networkFrom(draftFrom(view), 3)).toEqual(view)
    expect(draftFrom(null)).toEqual({ cidr: '', label: '', local: false, hasLocation: false, countryCode: '', city: '', latitude: '', longitude: '' })
  })
})
