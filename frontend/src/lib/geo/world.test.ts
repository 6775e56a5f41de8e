import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import type { Position } from 'geojson'
import { hasAntimeridianJump } from './antimeridian'
import { worldFeatures, type CountryFeature } from './world'

const require = createRequire(import.meta.url)
const features = worldFeatures(require('world-atlas/countries-50m.json'))

const byCode = (code: string) => features.filter((f) => f.properties.code === code)

function longitudes(f: CountryFeature): number[] {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
  return polygons.flatMap((p) => p.flatMap((r: Position[]) => r.map((pt) => pt[0])))
}

describe('the bundled world layer', () => {
  it('has every country, with its alpha-2 code and name', () => {
    expect(features.length).toBe(241)
    expect(features.filter((f) => f.properties.code).length).toBe(239)
    expect(byCode('FR')[0].properties.name).toBe('France')
    // Australia and Ashmore and Cartier Islands share the code.
    expect(byCode('AU')).toHaveLength(2)
  })

  it('has no ring left that smears across the map', () => {
    const smeared = features.filter((f) => hasAntimeridianJump(f.geometry)).map((f) => f.properties.name)
    expect(smeared).toEqual([])
  })

  it('draws Russia, Fiji and the United States in one piece each', () => {
    const russia = longitudes(byCode('RU')[0])
    expect(Math.min(...russia)).toBeGreaterThan(19)
    expect(Math.max(...russia)).toBeGreaterThan(180)
    expect(Math.max(...russia)).toBeLessThan(192)

    const fiji = longitudes(byCode('FJ')[0])
    expect(Math.max(...fiji) - Math.min(...fiji)).toBeLessThan(10)

    const usa = longitudes(byCode('US')[0])
    expect(Math.max(...usa)).toBeLessThan(-60)
    expect(Math.min(...usa)).toBeLessThan(-180)
  })

  it('closes Antarctica through the pole', () => {
    const antarctica = byCode('AQ')[0]
    const lngs = longitudes(antarctica)
    expect(Math.max(...lngs) - Math.min(...lngs)).toBeGreaterThanOrEqual(359)
    const polygons = antarctica.geometry.type === 'MultiPolygon' ? antarctica.geometry.coordinates : [antarctica.geometry.coordinates]
    expect(polygons.some((p) => p[0].some((pt: Position) => pt[1] === -90))).toBe(true)
  })
})
