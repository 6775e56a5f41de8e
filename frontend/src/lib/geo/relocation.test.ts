import { describe, expect, it } from 'vitest'
import { newerRelocation, relocationPercent, type Relocation } from './relocation'

const r = (over: Partial<Relocation> = {}): Relocation => ({
  running: true,
  done: 0,
  total: 100,
  startedAt: 1000,
  finishedAt: 0,
  error: '',
  ...over,
})

describe('newerRelocation', () => {
  it('keeps whichever is further along', () => {
    expect(newerRelocation(r({ done: 40 }), r({ done: 10 }))?.done).toBe(40)
    expect(newerRelocation(r({ done: 10 }), r({ done: 40 }))?.done).toBe(40)
  })

  it('prefers a newer run and a finished one', () => {
    expect(newerRelocation(r({ startedAt: 2000 }), r({ done: 99 }))?.startedAt).toBe(2000)
    const finished = r({ running: false, done: 100, finishedAt: 5000 })
    expect(newerRelocation(finished, r({ done: 100 }))).toBe(finished)
  })

  it('takes either when the other is missing', () => {
    expect(newerRelocation(null, r())).toEqual(r())
    expect(newerRelocation(r(), undefined)).toEqual(r())
    expect(newerRelocation(null, null)).toBeNull()
  })
})

describe('relocationPercent', () => {
  it('is a whole percentage, or null without a total', () => {
    expect(relocationPercent(r({ done: 1, total: 3 }))).toBe(33)
    expect(relocationPercent(r({ done: 5, total: 0 }))).toBeNull()
    expect(relocationPercent(r({ done: 120, total: 100 }))).toBe(100)
  })
})
