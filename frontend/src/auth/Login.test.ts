import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import Login from './Login.svelte'
import Setup from './Setup.svelte'

const fetchMock = vi.fn<typeof fetch>()

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

async function submitLogin(user: string, pass: string) {
  await fireEvent.input(screen.getByTestId('login-username'), { target: { value: user } })
  await fireEvent.input(screen.getByTestId('login-password'), { target: { value: pass } })
  await fireEvent.submit(screen.getByTestId('login-form'))
}

describe('Login', () => {
  it('signs in and reports the username', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 200 }))
    const onlogin = vi.fn()
    render(Login, { props: { onlogin } })
    await submitLogin('admin', 'a long password')
    await waitFor(() => expect(onlogin).toHaveBeenCalledWith('admin'))
  })

  it('shows the error of a rejected login', async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ error: 'invalid username or password' }), { status: 401 }))
    const onlogin = vi.fn()
    render(Login, { props: { onlogin } })
    await submitLogin('admin', 'wrong')
    expect((await screen.findByTestId('login-error')).textContent).toContain('invalid username or password')
    expect(onlogin).not.toHaveBeenCalled()
  })

  it('counts down after too many attempts', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      fetchMock.mockResolvedValue(
        new Response(JSON.stringify({ error: 'slow down' }), { status: 429, headers: { 'Retry-After': '3' } }),
      )
      render(Login, { props: { onlogin: vi.fn() } })
      await submitLogin('admin', 'wrong')
      const error = await screen.findByTestId('login-error')
      expect(error.textContent).toContain('Too many attempts, try again in 3 s')
      expect((screen.getByTestId('login-submit') as HTMLButtonElement).disabled).toBe(true)
      await vi.advanceTimersByTimeAsync(1000)
      expect(screen.getByTestId('login-error').textContent).toContain('try again in 2 s')
      await vi.advanceTimersByTimeAsync(2000)
      await waitFor(() => expect((screen.getByTestId('login-submit') as HTMLButtonElement).disabled).toBe(false))
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('Setup', () => {
  it('requires 10 characters and a matching confirmation before calling the server', async () => {
    const oncreated = vi.fn()
    render(Setup, { props: { oncreated, onexists: vi.fn() } })
    await fireEvent.input(screen.getByTestId('setup-password'), { target: { value: 'short' } })
    await fireEvent.input(screen.getByTestId('setup-confirm'), { target: { value: 'shorter' } })
    await fireEvent.submit(screen.getByTestId('setup-form'))
    expect(screen.getByTestId('setup-password-error').textContent).toContain('at least 10 characters')
    expect(screen.getByTestId('setup-confirm-error')).toBeTruthy()
    expect(fetchMock).not.toHaveBeenCalled()

    fetchMock.mockResolvedValue(new Response(null, { status: 200 }))
    await fireEvent.input(screen.getByTestId('setup-password'), { target: { value: 'long enough pw' } })
    await fireEvent.input(screen.getByTestId('setup-confirm'), { target: { value: 'long enough pw' } })
    await fireEvent.submit(screen.getByTestId('setup-form'))
    await waitFor(() => expect(oncreated).toHaveBeenCalledWith('admin'))
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/auth/setup')
    expect(JSON.parse(init.body as string)).toEqual({ username: 'admin', password: 'long enough pw' })
  })
})
