import { describe, expect, it, vi } from 'vitest'
import { AuthError, getAuthState, login, parseRetryAfter, setup } from './auth'

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('17')).toBe(17)
    expect(parseRetryAfter(null)).toBe(0)
    expect(parseRetryAfter('soon')).toBe(0)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30)
  })
})

describe('auth requests', () => {
  it('posts credentials as JSON with the session cookie', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 200 }))
    await login('admin', 'correct horse', fetchMock)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/auth/login')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(JSON.parse(init.body as string)).toEqual({ username: 'admin', password: 'correct horse' })
  })

  it('turns 429 into an AuthError with the Retry-After delay', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: 'too many attempts' }), {
          status: 429,
          headers: { 'Retry-After': '42' },
        }),
    )
    const err = await login('admin', 'x', fetchMock).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AuthError)
    expect((err as AuthError).status).toBe(429)
    expect((err as AuthError).retryAfter).toBe(42)
    expect((err as AuthError).message).toBe('too many attempts')
  })

  it('reports 409 from setup', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ error: 'already set up' }), { status: 409 }))
    await expect(setup('admin', 'long enough password', fetchMock)).rejects.toMatchObject({ status: 409 })
  })

  it('reads the auth state', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ setupRequired: false, authenticated: true, username: 'root' })),
    )
    await expect(getAuthState(fetchMock)).resolves.toEqual({
      setupRequired: false,
      authenticated: true,
      username: 'root',
    })
  })
})
