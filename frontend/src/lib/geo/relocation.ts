// Progress of re-geolocating the history arrives twice: in events while it
// runs, and in Geo.Status(). Whichever is newer wins, so a late status answer
// never moves the bar backwards.
import type { service } from '../api'

export type Relocation = Omit<service.RelocationView, 'convertValues'>

export function newerRelocation(a: Relocation | null | undefined, b: Relocation | null | undefined): Relocation | null {
  if (!a) return b ?? null
  if (!b) return a
  if (a.startedAt !== b.startedAt) return a.startedAt > b.startedAt ? a : b
  const aDone = !a.running && a.finishedAt > 0
  const bDone = !b.running && b.finishedAt > 0
  if (aDone !== bDone) return aDone ? a : b
  return b.done >= a.done ? b : a
}

/** Whole percent done, or null while the total is not known yet. */
export function relocationPercent(r: Relocation): number | null {
  if (!(r.total > 0)) return null
  return Math.min(100, Math.max(0, Math.round((r.done / r.total) * 100)))
}
