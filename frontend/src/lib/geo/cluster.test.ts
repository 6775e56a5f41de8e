import { describe, expect, it } from 'vitest'
import { DEFAULT_CELL_PX, clusterByGrid, isPointLike, project, radiusFor, type Weighted } from './cluster'

interface Place {
  name: string
  lat: number
  lng: number
  plays: number
}

const PLACES: Place[] = [
  { name: 'Berlin', lat: 52.52, lng: 13.405, plays: 40 },
  { name: 'Potsdam', lat: 52.39, lng: 13.064, plays: 10 },
  { name: 'Hamburg', lat: 53.55, lng: 9.99, plays: 20 },
  { name: 'Munich', lat: 48.137, lng: 11.575, plays: 5 },
  { name: 'Paris', lat: 48.857, lng: 2.352, plays: 30 },
  { name: 'Lyon', lat: 45.764, lng: 4.836, plays: 8 },
  { name: 'New York', lat: 40.713, lng: -74.006, plays: 50 },
  { name: 'Brooklyn', lat: 40.678, lng: -73.944, plays: 12 },
  { name: 'Tokyo', lat: 35.68, lng: 139.69, plays: 7 },
  { name: 'Suva', lat: -18.14, lng: 178.44, plays: 2 },
]

const at = (p: Place): Weighted => ({ lat: p.lat, lng: p.lng, weight: p.plays })
const names = (items: Place[]) => items.map((p) => p.name).sort()

describe('project', () => {
  it('matches Web Mercator at zoom 0', () => {
    expect(project(0, 0, 0)).toEqual({ x: 128, y: 128 })
    const corner = project(85.0511287798, -180, 0)
    expect(corner.x).toBe(0)
    expect(corner.y).toBeCloseTo(0, 6)
  })

  it('doubles with each zoom level and clamps the poles', () => {
    expect(project(10, 20, 3).x).toBeCloseTo(project(10, 20, 2).x * 2, 9)
    expect(project(90, 0, 1).y).toBeCloseTo(project(85.0511287798, 0, 1).y, 6)
  })
})

describe('clusterByGrid', () => {
  it('groups nearby places at a low zoom and keeps every place', () => {
    const clusters = clusterByGrid(PLACES, at, 2)
    expect(clusters.length).toBeLessThan(PLACES.length)
    expect(clusters.flatMap((c) => c.items)).toHaveLength(PLACES.length)
    const berlin = clusters.find((c) => c.items.some((p) => p.name === 'Berlin'))!
    expect(names(berlin.items)).toContain('Potsdam')
    const ny = clusters.find((c) => c.items.some((p) => p.name === 'New York'))!
    expect(names(ny.items)).toEqual(['Brooklyn', 'New York'])
  })

  it('splits clusters as the zoom grows', () => {
    const counts = Array.from({ length: 10 }, (_, z) => clusterByGrid(PLACES, at, z + 1).length)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(counts[0]).toBeLessThan(6)
    expect(counts[counts.length - 1]).toBe(PLACES.length)
    // Berlin and Potsdam (25 km) stay together longer than Berlin and Hamburg (250 km).
    const together = (z: number, a: string, b: string) =>
      clusterByGrid(PLACES, at, z).some((c) => c.items.some((p) => p.name === a) && c.items.some((p) => p.name === b))
    expect(together(5, 'Berlin', 'Potsdam')).toBe(true)
    expect(together(5, 'Berlin', 'Hamburg')).toBe(false)
    expect(together(8, 'Berlin', 'Potsdam')).toBe(false)
  })

  it('joins places either side of a cell border', () => {
    // About 52.48° N lies on a cell border at every zoom from 1 on: the two points are 1 km apart.
    const pair = [
      { name: 'north', lat: 52.485, lng: 13.2, plays: 1 },
      { name: 'south', lat: 52.475, lng: 13.2, plays: 1 },
    ]
    for (let z = 1; z <= 6; z++) {
      const y = (lat: number) => Math.floor(project(lat, 13.2, z).y / DEFAULT_CELL_PX)
      expect(y(52.475)).toBe(y(52.485) + 1)
      expect(clusterByGrid(pair, at, z)).toHaveLength(1)
    }
  })

  it('shows every place alone from the maximum cluster zoom on', () => {
    const clusters = clusterByGrid(PLACES, at, 9)
    expect(clusters).toHaveLength(PLACES.length)
    expect(clusterByGrid(PLACES, at, 4, { maxZoom: 4 })).toHaveLength(PLACES.length)
  })

  it('puts the centre where the plays are and reports the bounds', () => {
    const [c] = clusterByGrid(
      [
        { name: 'a', lat: 10, lng: 10, plays: 3 },
        { name: 'b', lat: 10, lng: 10.4, plays: 1 },
      ],
      at,
      1,
    )
    expect(c.items).toHaveLength(2)
    expect(c.weight).toBe(4)
    expect(c.lng).toBeCloseTo(10.1, 9)
    expect(c.bounds).toEqual({ south: 10, north: 10, west: 10, east: 10.4 })
  })

  it('averages evenly when nothing has plays', () => {
    const [c] = clusterByGrid(
      [
        { name: 'a', lat: 0, lng: 0, plays: 0 },
        { name: 'b', lat: 0, lng: 1, plays: 0 },
      ],
      at,
      0,
    )
    expect(c.lng).toBeCloseTo(0.5, 9)
  })

  it('leaves out places without coordinates and orders heaviest first with stable keys', () => {
    const withBad = [...PLACES, { name: 'broken', lat: Number.NaN, lng: 0, plays: 1000 }]
    const a = clusterByGrid(withBad, at, 3)
    const b = clusterByGrid([...withBad].reverse(), at, 3)
    expect(a.flatMap((c) => c.items).some((p) => p.name === 'broken')).toBe(false)
    expect(a.map((c) => c.weight)).toEqual([...a.map((c) => c.weight)].sort((x, y) => y - x))
    expect(a.map((c) => c.key).sort()).toEqual(b.map((c) => c.key).sort())
  })
})

describe('isPointLike', () => {
  it('tells clusters that zooming cannot split', () => {
    expect(isPointLike({ south: 1, north: 1, west: 2, east: 2 })).toBe(true)
    expect(isPointLike({ south: 1, north: 1.5, west: 2, east: 2 })).toBe(false)
  })
})

describe('radiusFor', () => {
  it('grows with the square root of the value between the limits', () => {
    expect(radiusFor(0, 100)).toBe(4)
    expect(radiusFor(100, 100)).toBe(18)
    expect(radiusFor(25, 100)).toBe(11)
    expect(radiusFor(500, 100)).toBe(18)
    expect(radiusFor(5, 0)).toBe(4)
  })
})
