// Simple grid clustering for the map's historical places: at a given zoom the
// world is cut into square cells of a few dozen screen pixels, and the places
// that fall into one cell (or into two neighbouring cells, close to their
// shared border) are drawn as one cluster. Zooming in makes the cells cover
// less ground, so clusters split until every place stands alone.

export interface Weighted {
  lat: number
  lng: number
  /** What the cluster adds up (plays); its centre leans towards heavier members. */
  weight: number
}

export interface Bounds {
  south: number
  west: number
  north: number
  east: number
}

export interface Cluster<T> {
  /** Stable for the same members at the same zoom. */
  key: string
  lat: number
  lng: number
  weight: number
  items: T[]
  bounds: Bounds
}

const TILE_SIZE = 256
const MAX_LATITUDE = 85.0511287798

/** Web Mercator pixel coordinates of a point at a zoom level (the projection Leaflet uses). */
export function project(lat: number, lng: number, zoom: number): { x: number; y: number } {
  const scale = TILE_SIZE * 2 ** zoom
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat))
  const sin = Math.sin((clamped * Math.PI) / 180)
  return {
    x: ((lng + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  }
}

export interface ClusterOptions {
  /** Cell size in screen pixels. */
  cellPx?: number
  /** From this zoom on, nothing is grouped. */
  maxZoom?: number
}

export const DEFAULT_CELL_PX = 56
export const DEFAULT_MAX_CLUSTER_ZOOM = 9

/**
 * Groups items that share a grid cell at this zoom. Two neighbouring cells
 * whose centres of weight are closer than half a cell are merged too, so two
 * towns either side of a cell border are not kept apart. Items without valid
 * coordinates are left out. Clusters come out in a stable order, heaviest first.
 */
export function clusterByGrid<T>(
  items: readonly T[],
  position: (item: T) => Weighted,
  zoom: number,
  options: ClusterOptions = {},
): Cluster<T>[] {
  const cellPx = options.cellPx ?? DEFAULT_CELL_PX
  const maxZoom = options.maxZoom ?? DEFAULT_MAX_CLUSTER_ZOOM
  const z = Math.floor(zoom)

  interface Cell {
    key: string
    col: number
    row: number
    items: T[]
    points: Weighted[]
    /** Centre of weight, in pixels. */
    x: number
    y: number
  }
  const cells = new Map<string, Cell>()

  items.forEach((item, index) => {
    const p = position(item)
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) return
    const { x, y } = project(p.lat, p.lng, z)
    const col = Math.floor(x / cellPx)
    const row = Math.floor(y / cellPx)
    const key = z >= maxZoom ? `i${index}` : `${col}:${row}`
    let cell = cells.get(key)
    if (!cell) {
      cell = { key, col, row, items: [], points: [], x: 0, y: 0 }
      cells.set(key, cell)
    }
    cell.items.push(item)
    cell.points.push(p)
  })

  if (z < maxZoom) {
    // Centre of weight of each cell, in pixels.
    for (const cell of cells.values()) {
      const { weight } = centre(cell.points)
      let x = 0
      let y = 0
      cell.points.forEach((p, i) => {
        const px = project(p.lat, p.lng, z)
        x += px.x * weight[i]
        y += px.y * weight[i]
      })
      cell.x = x
      cell.y = y
    }
    // Union-find over cell keys; the smallest key of a group is its root.
    const parent = new Map<string, string>()
    const root = (key: string): string => {
      let k = key
      while (parent.has(k)) k = parent.get(k)!
      return k
    }
    const limit = cellPx / 2
    for (const cell of cells.values()) {
      for (const [dc, dr] of [[1, -1], [1, 0], [1, 1], [0, 1]]) {
        const other = cells.get(`${cell.col + dc}:${cell.row + dr}`)
        if (!other || Math.hypot(other.x - cell.x, other.y - cell.y) >= limit) continue
        const a = root(cell.key)
        const b = root(other.key)
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b)
      }
    }
    for (const cell of [...cells.values()]) {
      const r = root(cell.key)
      if (r === cell.key) continue
      const target = cells.get(r)!
      target.items.push(...cell.items)
      target.points.push(...cell.points)
      cells.delete(cell.key)
    }
  }

  const clusters: Cluster<T>[] = []
  for (const cell of cells.values()) {
    const { total, weight } = centre(cell.points)
    let lat = 0
    let lng = 0
    const bounds: Bounds = { south: Infinity, west: Infinity, north: -Infinity, east: -Infinity }
    cell.points.forEach((p, i) => {
      lat += p.lat * weight[i]
      lng += p.lng * weight[i]
      bounds.south = Math.min(bounds.south, p.lat)
      bounds.north = Math.max(bounds.north, p.lat)
      bounds.west = Math.min(bounds.west, p.lng)
      bounds.east = Math.max(bounds.east, p.lng)
    })
    clusters.push({ key: `${z}/${cell.key}`, lat, lng, weight: total, items: cell.items, bounds })
  }
  return clusters.sort((a, b) => b.weight - a.weight || b.items.length - a.items.length || a.key.localeCompare(b.key))
}

/** The total weight and each point's share of it; without any weight, every point counts the same. */
function centre(points: Weighted[]): { total: number; weight: number[] } {
  const total = points.reduce((sum, p) => sum + Math.max(0, p.weight), 0)
  return {
    total,
    weight: points.map((p) => (total > 0 ? Math.max(0, p.weight) / total : 1 / points.length)),
  }
}

/** Whether all the members of a cluster sit on (practically) one point: zooming in will not split it. */
export function isPointLike(bounds: Bounds, epsilon = 1e-4): boolean {
  return bounds.north - bounds.south < epsilon && bounds.east - bounds.west < epsilon
}

/** A marker radius between min and max px, by area: twice the plays, twice the disc. */
export function radiusFor(value: number, max: number, min = 4, maxRadius = 18): number {
  if (!(max > 0) || !(value > 0)) return min
  const t = Math.sqrt(Math.min(value, max) / max)
  return Math.round((min + t * (maxRadius - min)) * 10) / 10
}
