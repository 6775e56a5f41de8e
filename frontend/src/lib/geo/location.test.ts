import { describe, expect, it } from 'vitest'
import { formatCoordinates, isLocal, isPlaced, networkOwner, placeName, sourceLabel, summarizeLocation } from './location'
import { location } from './testdata'

describe('placeName', () => {
  it('joins city, region and country', () => {
    expect(placeName(location())).toBe('Lyon, Auvergne-Rhône-Alpes, France')
    expect(placeName(location(), false)).toBe('Lyon, France')
  })

  it('skips what is missing or repeated', () => {
    expect(placeName(location({ city: 'Berlin', region: 'Berlin', countryName: 'Germany' }))).toBe('Berlin, Germany')
    expect(placeName(location({ city: '', region: '', countryName: '', countryCode: 'DE' }))).toBe('DE')
    expect(placeName(null)).toBe('')
  })
})

describe('summarizeLocation', () => {
  it('names a located address by its place', () => {
    expect(summarizeLocation(location())).toEqual({ kind: 'known', text: 'Lyon, Auvergne-Rhône-Alpes, France', detail: '' })
  })

  it('puts a label first, with the place under it', () => {
    expect(summarizeLocation(location({ source: 'override', label: "Mum's house" }), '', false)).toEqual({
      kind: 'known',
      text: "Mum's house",
      detail: 'Lyon, France',
    })
  })

  it('says LAN for local addresses, keeping a label', () => {
    expect(summarizeLocation(location({ source: 'local', city: '', countryCode: '', countryName: '' }))).toEqual({
      kind: 'local',
      text: 'LAN',
      detail: '',
    })
    expect(summarizeLocation(location({ source: 'local', label: 'Office' })).text).toBe('Office')
    // Without any location, the session's own LAN flag decides.
    expect(summarizeLocation(undefined, 'lan').kind).toBe('local')
  })

  it('says unknown when nothing is known', () => {
    expect(summarizeLocation(undefined, 'wan')).toEqual({ kind: 'unknown', text: 'Unknown location', detail: '' })
    expect(summarizeLocation(location({ source: 'unknown' })).text).toBe('Unknown location')
    expect(summarizeLocation(location({ city: '', region: '', countryName: '', countryCode: '' })).kind).toBe('unknown')
  })
})

describe('isPlaced', () => {
  it('places only located addresses with coordinates', () => {
    expect(isPlaced(location())).toBe(true)
    expect(isPlaced(location({ source: 'override' }))).toBe(true)
    expect(isPlaced(location({ hasCoordinates: false, latitude: 0, longitude: 0 }))).toBe(false)
    expect(isPlaced(location({ source: 'local' }))).toBe(false)
    expect(isPlaced(location({ source: 'unknown' }))).toBe(false)
    expect(isPlaced(location({ latitude: Number.NaN }))).toBe(false)
    expect(isPlaced(null)).toBe(false)
  })

  it('isLocal prefers the location over the network flag', () => {
    expect(isLocal(location({ source: 'local' }), 'wan')).toBe(true)
    expect(isLocal(location(), 'lan')).toBe(false)
    expect(isLocal(null, 'lan')).toBe(true)
  })
})

describe('wording', () => {
  it('names the network owner', () => {
    expect(networkOwner(location())).toBe('Orange · AS3215')
    expect(networkOwner(location({ isp: '' }))).toBe('AS3215')
    expect(networkOwner(location({ isp: '', asn: 0 }))).toBe('')
    expect(networkOwner(undefined)).toBe('')
  })

  it('formats coordinates with hemispheres', () => {
    expect(formatCoordinates(48.8566, 2.3522)).toBe('48.8566° N, 2.3522° E')
    expect(formatCoordinates(-33.8688, -70.6693)).toBe('33.8688° S, 70.6693° W')
  })

  it('labels sources', () => {
    expect(sourceLabel('database')).toBe('GeoIP database')
    expect(sourceLabel('override')).toBe('Your networks')
    expect(sourceLabel('local')).toBe('Local network')
    expect(sourceLabel('')).toBe('Unknown')
  })
})
