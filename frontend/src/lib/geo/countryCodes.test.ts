import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { NUMERIC_TO_ALPHA2, featureAlpha2 } from './countryCodes'

const require = createRequire(import.meta.url)
const topology = require('world-atlas/countries-50m.json') as {
  objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } }
}

describe('ISO 3166-1 numeric → alpha-2', () => {
  it('holds every officially assigned code once', () => {
    const entries = Object.entries(NUMERIC_TO_ALPHA2)
    expect(entries).toHaveLength(249)
    expect(new Set(entries.map(([, a]) => a)).size).toBe(249)
    for (const [numeric, alpha] of entries) {
      expect(numeric).toMatch(/^\d{3}$/)
      expect(alpha).toMatch(/^[A-Z]{2}$/)
    }
  })

  it('maps to regions the runtime knows by name', () => {
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' })
    const unknown = Object.values(NUMERIC_TO_ALPHA2).filter((a) => names.of(a) === a)
    expect(unknown).toEqual([])
  })

  it.each([
    ['840', '', 'US'],
    ['036', '', 'AU'],
    ['250', '', 'FR'],
    ['826', '', 'GB'],
    ['643', '', 'RU'],
    ['242', '', 'FJ'],
    ['010', '', 'AQ'],
    ['4', '', 'AF'],
    [undefined, 'Kosovo', 'XK'],
    [undefined, 'Somaliland', 'SO'],
    [undefined, 'N. Cyprus', 'CY'],
    [undefined, 'Siachen Glacier', ''],
    ['999', '', ''],
  ])('%s %s → %s', (id, name, code) => {
    expect(featureAlpha2(id, name)).toBe(code)
  })

  it('joins every country of the bundled world layer but two shapes that have no code', () => {
    const missing: string[] = []
    const byName = new Map<string, string>()
    for (const g of topology.objects.countries.geometries) {
      const code = featureAlpha2(g.id, g.properties.name)
      if (code) byName.set(g.properties.name, code)
      else missing.push(g.properties.name)
    }
    expect(missing.sort()).toEqual(['Indian Ocean Ter.', 'Siachen Glacier'])
    // The layer's short names that are easiest to get wrong.
    expect(Object.fromEntries([...byName].filter(([name]) => TRICKY[name]))).toEqual(TRICKY)
  })
})

const TRICKY: Record<string, string> = {
  Congo: 'CG',
  'Dem. Rep. Congo': 'CD',
  Macedonia: 'MK',
  eSwatini: 'SZ',
  'W. Sahara': 'EH',
  Palestine: 'PS',
  'S. Sudan': 'SS',
  Sudan: 'SD',
  'N. Mariana Is.': 'MP',
  'Ashmore and Cartier Is.': 'AU',
  Niger: 'NE',
  Nigeria: 'NG',
  Austria: 'AT',
  Australia: 'AU',
  'South Korea': 'KR',
  'North Korea': 'KP',
  Åland: 'AX',
  'Fr. S. Antarctic Lands': 'TF',
  'St-Martin': 'MF',
  'Sint Maarten': 'SX',
}
