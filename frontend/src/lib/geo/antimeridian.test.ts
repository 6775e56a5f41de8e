import { describe, expect, it } from 'vitest'
import { closePolarRing, hasAntimeridianJump, unwrapGeometry, unwrapPolygons, unwrapRing, type Ring } from './antimeridian'

describe('unwrapRing', () => {
  it('leaves a ring that does not cross the antimeridian alone', () => {
    const ring: Ring = [[10, 10], [20, 10], [20, 20], [10, 10]]
    expect(unwrapRing(ring)).toEqual(ring)
  })

  it('continues past 180° instead of jumping to -180°', () => {
    const ring: Ring = [[178, 60], [179.9, 61], [-180, 62], [-175, 63], [-180, 64], [179, 64], [178, 60]]
    expect(unwrapRing(ring)).toEqual([[178, 60], [179.9, 61], [180, 62], [185, 63], [180, 64], [179, 64], [178, 60]])
  })

  it('continues past -180° the other way', () => {
    expect(unwrapRing([[-179, 0], [179, 1], [-179, 2]])).toEqual([[-179, 0], [-181, 1], [-179, 2]])
  })
})

describe('closePolarRing', () => {
  it('closes a ring round the south pole through the pole', () => {
    // A coast going once round the pole, as Antarctica's is stored.
    const coast = unwrapRing([[-180, -70], [-90, -72], [0, -69], [90, -66], [179, -68], [-180, -70]])
    expect(coast[coast.length - 1]).toEqual([180, -70])
    expect(closePolarRing(coast).slice(-3)).toEqual([[180, -90], [-180, -90], [-180, -70]])
  })

  it('uses the north pole for a ring in the north', () => {
    const ring = unwrapRing([[-180, 80], [-60, 82], [60, 81], [179, 80], [-180, 80]])
    expect(closePolarRing(ring).slice(-3)).toEqual([[180, 90], [-180, 90], [-180, 80]])
  })

  it('leaves closed rings alone', () => {
    const ring: Ring = [[0, 0], [1, 0], [1, 1], [0, 0]]
    expect(closePolarRing(ring)).toBe(ring)
  })
})

describe('unwrapPolygons', () => {
  it('keeps the parts of a country together next to its largest part', () => {
    const mainland: Ring = [[30, 50], [170, 50], [170, 70], [30, 70], [30, 50]]
    // An island stored on the far side of the antimeridian (like Wrangel Island for Russia).
    const island: Ring = [[-179.5, 71], [-178, 71], [-178, 71.5], [-179.5, 71], [-179.5, 71]]
    const [main, moved] = unwrapPolygons([[mainland], [island]])
    expect(main[0]).toEqual(mainland)
    expect(moved[0].every((p) => p[0] > 180)).toBe(true)
  })

  it('moves outlying parts of a western country west (the Aleutians beside Alaska)', () => {
    const usa: Ring = [[-125, 25], [-67, 25], [-67, 49], [-125, 49], [-125, 25]]
    const aleutian: Ring = [[172, 52], [174, 52], [174, 53], [172, 52]]
    const [, moved] = unwrapPolygons([[usa], [aleutian]])
    expect(moved[0].map((p) => p[0])).toEqual([-188, -186, -186, -188])
  })

  it('drops rings that only trace the pole', () => {
    const cap: Ring = [[-180, -89.999], [0, -89.999], [180, -89.999], [-180, -89.999]]
    const coast: Ring = [[-180, -70], [0, -69], [179, -68], [-180, -70]]
    const [polygon] = unwrapPolygons([[cap, coast]])
    expect(polygon).toHaveLength(1)
    expect(polygon[0][0]).toEqual([-180, -70])
  })
})

describe('unwrapGeometry', () => {
  it('returns null for geometries it cannot draw', () => {
    expect(unwrapGeometry(null)).toBeNull()
    expect(unwrapGeometry({ type: 'Point', coordinates: [0, 0] })).toBeNull()
  })

  it('keeps the type of polygons', () => {
    const g = unwrapGeometry({ type: 'Polygon', coordinates: [[[179, 0], [-179, 0], [-179, 1], [179, 0]]] })
    expect(g?.type).toBe('Polygon')
    expect(hasAntimeridianJump(g!)).toBe(false)
  })
})
