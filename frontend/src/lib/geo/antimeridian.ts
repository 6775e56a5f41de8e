// Natural Earth cuts shapes at ±180° of longitude, and the TopoJSON build
// keeps rings that jump from 179.9° to -180° (Russia's Chukotka, Fiji,
// Antarctica). Drawn on a flat map such a ring smears a band across the whole
// world. These helpers make every ring continuous (longitudes may then run
// past ±180°, which Leaflet draws next to the rest of the country), close
// rings that go round a pole through the pole, and keep all the parts of a
// country on the same side of the antimeridian.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson'

export type Ring = Position[]

/** Rings that only trace the pole itself (|latitude| ≥ this everywhere) cannot be shown in Web Mercator. */
const POLE_CAP_LATITUDE = 89.9

/** Makes a ring continuous: no step between two points spans more than 180° of longitude. */
export function unwrapRing(ring: Ring): Ring {
  const out: Ring = []
  let offset = 0
  let previous: number | null = null
  for (const point of ring) {
    let lng = point[0] + offset
    if (previous !== null) {
      const step = lng - previous
      if (step > 180) {
        offset -= 360
        lng -= 360
      } else if (step < -180) {
        offset += 360
        lng += 360
      }
    }
    out.push([lng, point[1]])
    previous = lng
  }
  return out
}

/**
 * A continuous ring that ends 360° away from where it started goes round a
 * pole (Antarctica): close it through that pole so it encloses the land and
 * not the rest of the world.
 */
export function closePolarRing(ring: Ring): Ring {
  if (ring.length < 2) return ring
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (Math.abs(last[0] - first[0]) <= 180) return ring
  const meanLat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length
  const pole = meanLat < 0 ? -90 : 90
  return [...ring, [last[0], pole], [first[0], pole], [first[0], first[1]]]
}

function isPoleCap(ring: Ring): boolean {
  return ring.length > 0 && ring.every((p) => Math.abs(p[1]) >= POLE_CAP_LATITUDE)
}

function lngRange(ring: Ring): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const p of ring) {
    if (p[0] < min) min = p[0]
    if (p[0] > max) max = p[0]
  }
  return [min, max]
}

/** Planar area of a ring in square degrees (size only matters to pick the main part). */
function ringArea(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1])
  }
  return Math.abs(sum / 2)
}

function shift(ring: Ring, by: number): Ring {
  return by === 0 ? ring : ring.map((p) => [p[0] + by, p[1]])
}

/** Unwraps each ring of a polygon; pole-only rings are dropped. Null when nothing is left. */
export function unwrapPolygon(polygon: Ring[]): Ring[] | null {
  const rings = polygon.filter((r) => !isPoleCap(r)).map((r) => closePolarRing(unwrapRing(r)))
  return rings.length > 0 ? rings : null
}

/** The centre longitude of a polygon's outer ring. */
function centre(polygon: Ring[]): number {
  const [min, max] = lngRange(polygon[0])
  return (min + max) / 2
}

/** Moves a polygon by whole turns so its centre is within 180° of the reference longitude. */
function alignTo(polygon: Ring[], reference: number): Ring[] {
  const turns = Math.round((reference - centre(polygon)) / 360)
  if (turns === 0) return polygon
  return polygon.map((r) => shift(r, turns * 360))
}

/**
 * Unwraps a country's polygons and keeps them together: every part is moved
 * next to the largest one (the Aleutians beside Alaska, Chukotka and Wrangel
 * Island beside the rest of Russia, all of Fiji together).
 */
export function unwrapPolygons(polygons: Ring[][]): Ring[][] {
  const parts = polygons.map(unwrapPolygon).filter((p): p is Ring[] => p !== null)
  if (parts.length === 0) return parts
  let main = parts[0]
  let mainArea = ringArea(main[0])
  for (const p of parts) {
    const area = ringArea(p[0])
    if (area > mainArea) {
      main = p
      mainArea = area
    }
  }
  // The main part itself sits around its own centre, pulled into [-180, 180] when it can be.
  const mainCentre = centre(main)
  const reference = mainCentre - 360 * Math.round(mainCentre / 360)
  return parts.map((p) => alignTo(p, reference))
}

/** The same geometry with every ring continuous; null when it holds nothing drawable. */
export function unwrapGeometry(geometry: Geometry | null): Polygon | MultiPolygon | null {
  if (!geometry) return null
  if (geometry.type === 'Polygon') {
    const [polygon] = unwrapPolygons([geometry.coordinates])
    return polygon ? { type: 'Polygon', coordinates: polygon } : null
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = unwrapPolygons(geometry.coordinates)
    return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null
  }
  return null
}

/**
 * Whether any ring of a geometry still steps across more than 180° of
 * longitude. A step along a pole (how a ring is closed round it) does not count.
 */
export function hasAntimeridianJump(geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const alongPole = Math.abs(ring[i][1]) === 90 && ring[i][1] === ring[i - 1][1]
        if (!alongPole && Math.abs(ring[i][0] - ring[i - 1][0]) > 180) return true
      }
    }
  }
  return false
}
