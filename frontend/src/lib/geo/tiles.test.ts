import { describe, expect, it } from 'vitest'
import { tileUrlProblem } from './tiles'

describe('tileUrlProblem', () => {
  it('accepts tile templates', () => {
    expect(tileUrlProblem('https://tile.example.org/{z}/{x}/{y}.png')).toBe('')
    expect(tileUrlProblem('https://{s}.tiles.example/{z}/{x}/{y}@2x.png')).toBe('')
  })

  it.each([
    ['', /Enter/],
    ['tile.example.org/{z}/{x}/{y}.png', /https/],
    ['javascript:alert(1)//{z}{x}{y}', /https/],
    ['https://tile.example.org/{z}/{x}.png', /\{y\}/],
    ['https://tile.example.org/{z}/{x}/{y} .png', /spaces/],
  ])('refuses %s', (url, problem) => {
    expect(tileUrlProblem(url)).toMatch(problem)
  })
})
