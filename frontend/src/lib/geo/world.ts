// The bundled world layer: Natural Earth countries at 1:50m from world-atlas,
// converted from TopoJSON, joined to ISO alpha-2 codes and unwrapped at the
// antimeridian. The file is served by the app itself (it is an asset of the
// build), so the map works offline and asks nothing of any third party.
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { feature } from 'topojson-client'
import { unwrapGeometry } from './antimeridian'
import { featureAlpha2 } from './countryCodes'
import worldUrl from 'world-atlas/countries-50m.json?url'

export interface CountryProps {
  /** ISO 3166-1 alpha-2, '' for shapes without one. */
  code: string
  /** Natural Earth's short name, used when the backend gives none. */
  name: string
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name?: string }> }>

/** The countries of a world-atlas topology, ready for Leaflet. */
export function worldFeatures(topology: CountriesTopology): CountryFeature[] {
  const collection = feature(topology, topology.objects.countries)
  const out: CountryFeature[] = []
  for (const f of collection.features) {
    const geometry = unwrapGeometry(f.geometry)
    if (!geometry) continue
    const name = f.properties?.name ?? ''
    out.push({ type: 'Feature', id: f.id, geometry, properties: { code: featureAlpha2(f.id, name), name } })
  }
  return out
}

let cached: Promise<CountryFeature[]> | null = null

/** Loads the world layer once per page load. */
export function loadWorld(): Promise<CountryFeature[]> {
  cached ??= (async () => {
    const res = await fetch(worldUrl, { credentials: 'same-origin' })
    if (!res.ok) throw new Error(`The world map did not load (HTTP ${res.status})`)
    return worldFeatures((await res.json()) as CountriesTopology)
  })()
  cached.catch(() => (cached = null))
  return cached
}
