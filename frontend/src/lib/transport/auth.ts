// Account endpoints of the headless server. They are not bound service
// methods: the desktop app has no login.
import { readError } from './shim'

export interface AuthState {
  setupRequired: boolean
  authenticated: boolean
  username: string
}

export class AuthError extends Error {
  readonly status: number
  /** Seconds to wait before trying again (HTTP 429), else 0. */
  readonly retryAfter: number

  constructor(message: string, status: number, retryAfter = 0) {
    super(message)
    this.name = 'AuthError'
    this.status = status
    this.retryAfter = retryAfter
  }
}

/** Parses a Retry-After header given in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
  if (!value) return 0
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return 0
  return Math.max(0, Math.ceil((at - now) / 1000))
}

async function send(path: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  let res: Response
  try {
    res = await fetchImpl(path, { credentials: 'same-origin', ...init })
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    throw new AuthError(`Cannot reach the Streamwarden server: ${detail}`, 0)
  }
  if (!res.ok) {
    const retryAfter = res.status === 429 ? parseRetryAfter(res.headers.get('Retry-After')) : 0
    throw new AuthError(await readError(res), res.status, retryAfter)
  }
  return res
}

function postJSON(path: string, body: unknown, fetchImpl: typeof fetch) {
  return send(
    path,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    fetchImpl,
  )
}

const defaultFetch: typeof fetch = (input, init) => fetch(input, init)

export async function getAuthState(fetchImpl = defaultFetch): Promise<AuthState> {
  const res = await send('/api/auth/state', { method: 'GET', headers: { Accept: 'application/json' } }, fetchImpl)
  const body = (await res.json()) as Partial<AuthState>
  return {
    setupRequired: Boolean(body.setupRequired),
    authenticated: Boolean(body.authenticated),
    username: typeof body.username === 'string' ? body.username : '',
  }
}

export async function login(username: string, password: string, fetchImpl = defaultFetch): Promise<void> {
  await postJSON('/api/auth/login', { username, password }, fetchImpl)
}

export async function setup(username: string, password: string, fetchImpl = defaultFetch): Promise<void> {
  await postJSON('/api/auth/setup', { username, password }, fetchImpl)
}

export async function logout(fetchImpl = defaultFetch): Promise<void> {
  await postJSON('/api/auth/logout', {}, fetchImpl)
}

/** The server enforces the same minimum. */
export const MIN_PASSWORD_LENGTH = 10
