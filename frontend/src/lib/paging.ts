// Wording and arithmetic for server-side paginated lists.
import { formatCount } from './format'

/** The last page number, or null when the total is capped and the end unknown. */
export function lastPage(total: number, pageSize: number, capped: boolean): number | null {
  if (capped) return null
  return Math.max(1, Math.ceil(total / pageSize))
}

/** "1–50 of 1,234", or "of 10,000+" when the count stopped early. */
export function rangeText(page: number, pageSize: number, rows: number, total: number, capped: boolean): string {
  const of = `${formatCount(total)}${capped ? '+' : ''}`
  if (rows === 0) return `0 of ${of}`
  const first = (page - 1) * pageSize + 1
  return `${formatCount(first)}–${formatCount(first + rows - 1)} of ${of}`
}
