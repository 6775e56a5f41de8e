// The choropleth's colour scale: a few steps from the theme's light map
// colour to its strong one. Counts are skewed (one country has most plays),
// so the steps grow geometrically.

export type RGB = [number, number, number]

/** Reads #rgb, #rrggbb or rgb()/rgba() (what getComputedStyle may return); null otherwise. */
export function parseColor(input: string): RGB | null {
  const s = input.trim().toLowerCase()
  let m = /^#([0-9a-f]{3})$/.exec(s)
  if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as RGB
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s)
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as RGB
  m = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/.exec(s)
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map((v) => Math.max(0, Math.min(255, Math.round(v)))) as RGB
  return null
}

export function toHex([r, g, b]: RGB): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
}

/** The colour t of the way from a to b (0 ≤ t ≤ 1). */
export function mix(a: RGB, b: RGB, t: number): RGB {
  const k = Math.max(0, Math.min(1, t))
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * k)) as RGB
}

export interface ScaleStep {
  /** Smallest value in the step. */
  min: number
  /** Largest value in the step (included). */
  max: number
  color: string
}

export interface ColorScale {
  steps: ScaleStep[]
  /** The colour of a value; null for nothing (0 or less). */
  color(value: number): string | null
}

/**
 * Up to `count` steps covering 1…max. With few distinct values each gets its
 * own step; otherwise the bounds grow geometrically (1–3, 4–15, 16–62 …).
 */
export function buildScale(max: number, low: string, high: string, count = 5): ColorScale {
  const top = Math.max(0, Math.floor(max))
  const lo = parseColor(low) ?? [230, 230, 250]
  const hi = parseColor(high) ?? [60, 60, 200]
  const bounds: number[] = []
  if (top > 0) {
    if (top <= count) {
      for (let v = 1; v <= top; v++) bounds.push(v)
    } else {
      // Upper bound of each step, geometric between 1 and top, strictly increasing.
      for (let i = 1; i <= count; i++) {
        const b = i === count ? top : Math.round(top ** (i / count))
        const last = bounds[bounds.length - 1] ?? 0
        bounds.push(Math.max(b, last + 1))
      }
      while (bounds.length > 1 && bounds[bounds.length - 1] > top) bounds.pop()
      bounds[bounds.length - 1] = top
    }
  }
  const steps: ScaleStep[] = bounds.map((upper, i) => ({
    min: i === 0 ? 1 : bounds[i - 1] + 1,
    max: upper,
    color: toHex(mix(lo, hi, bounds.length === 1 ? 1 : i / (bounds.length - 1))),
  }))
  return {
    steps,
    color(value: number) {
      if (!(value > 0) || steps.length === 0) return null
      for (const step of steps) if (value <= step.max) return step.color
      return steps[steps.length - 1].color
    },
  }
}

/** The map colours of the current theme (CSS variables on the root element). */
export interface MapPalette {
  water: string
  land: string
  border: string
  scaleLow: string
  scaleHigh: string
  place: string
  placeStroke: string
  highlight: string
}

const PALETTE_VARS: Record<keyof MapPalette, [string, string]> = {
  water: ['--map-water', '#dfe6f0'],
  land: ['--map-land', '#f7f8fa'],
  border: ['--map-border', '#b9c0cc'],
  scaleLow: ['--map-scale-low', '#dcdcfb'],
  scaleHigh: ['--map-scale-high', '#3034b8'],
  place: ['--map-place', '#e07a1f'],
  placeStroke: ['--map-place-stroke', '#ffffff'],
  highlight: ['--map-highlight', '#161a22'],
}

export function readPalette(root: Element = document.documentElement): MapPalette {
  const style = getComputedStyle(root)
  const out = {} as MapPalette
  for (const [key, [name, fallback]] of Object.entries(PALETTE_VARS) as [keyof MapPalette, [string, string]][]) {
    out[key] = style.getPropertyValue(name).trim() || fallback
  }
  return out
}
