import { afterEach, describe, expect, it } from 'vitest'
import { buildScale, mix, parseColor, readPalette, toHex } from './colorScale'

describe('parseColor', () => {
  it.each([
    ['#abc', [170, 187, 204]],
    ['#5458e8', [84, 88, 232]],
    ['  #5458E8  ', [84, 88, 232]],
    ['#5458e880', [84, 88, 232]],
    ['rgb(84, 88, 232)', [84, 88, 232]],
    ['rgb(84 88 232 / 0.5)', [84, 88, 232]],
    ['rgba(300, 0, 10.6, 1)', [255, 0, 11]],
  ])('%s', (input, rgb) => {
    expect(parseColor(input)).toEqual(rgb)
  })

  it('refuses what it cannot read', () => {
    expect(parseColor('')).toBeNull()
    expect(parseColor('tomato')).toBeNull()
    expect(parseColor('#12')).toBeNull()
  })
})

describe('mix and toHex', () => {
  it('blends between two colours', () => {
    expect(toHex(mix([0, 0, 0], [255, 255, 255], 0))).toBe('#000000')
    expect(toHex(mix([0, 0, 0], [255, 255, 255], 1))).toBe('#ffffff')
    expect(toHex(mix([0, 0, 0], [200, 100, 50], 0.5))).toBe('#643219')
    expect(mix([0, 0, 0], [10, 10, 10], 7)).toEqual([10, 10, 10])
  })
})

describe('buildScale', () => {
  it('grows the steps geometrically for skewed counts', () => {
    const scale = buildScale(1000, '#ffffff', '#000000')
    expect(scale.steps.map((s) => [s.min, s.max])).toEqual([
      [1, 4],
      [5, 16],
      [17, 63],
      [64, 251],
      [252, 1000],
    ])
    expect(scale.steps[0].color).toBe('#ffffff')
    expect(scale.steps[4].color).toBe('#000000')
  })

  it('gives each value its own step when there are few', () => {
    const scale = buildScale(3, '#ffffff', '#000000')
    expect(scale.steps.map((s) => [s.min, s.max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ])
    expect(buildScale(1, '#fff', '#000').steps).toEqual([{ min: 1, max: 1, color: '#000000' }])
  })

  it('has strictly increasing steps for any maximum', () => {
    for (let max = 1; max <= 300; max++) {
      const steps = buildScale(max, '#fff', '#000').steps
      expect(steps[steps.length - 1].max).toBe(max)
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i].min).toBe(steps[i - 1].max + 1)
        expect(steps[i].max).toBeGreaterThanOrEqual(steps[i].min)
      }
    }
  })

  it('colours values by their step, and nothing for zero', () => {
    const scale = buildScale(1000, '#ffffff', '#000000')
    expect(scale.color(0)).toBeNull()
    expect(scale.color(-3)).toBeNull()
    expect(scale.color(1)).toBe(scale.steps[0].color)
    expect(scale.color(4)).toBe(scale.steps[0].color)
    expect(scale.color(5)).toBe(scale.steps[1].color)
    expect(scale.color(1000)).toBe(scale.steps[4].color)
    expect(scale.color(5000)).toBe(scale.steps[4].color)
  })

  it('is empty without plays', () => {
    const scale = buildScale(0, '#fff', '#000')
    expect(scale.steps).toEqual([])
    expect(scale.color(3)).toBeNull()
  })
})

describe('readPalette', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('style')
  })

  it('reads the theme variables, with fallbacks', () => {
    document.documentElement.style.setProperty('--map-scale-high', ' #123456 ')
    const palette = readPalette()
    expect(palette.scaleHigh).toBe('#123456')
    expect(palette.land).toMatch(/^#[0-9a-f]{6}$/)
  })
})
