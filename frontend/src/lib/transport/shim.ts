// Browser transport for the headless server.
//
// The desktop shell injects `window.go.<package>.<Struct>.<Method>(...)` and
// `window.runtime`. In a plain browser neither exists, so this module provides
// look-alikes: bound methods become `POST /api/<Struct>/<Method>` with the JSON
// argument list, and runtime events arrive over one Server-Sent Events stream.
// The generated bindings under wailsjs/ then work unchanged in both shells.

export type EventCallback = (...data: unknown[]) => void

export interface BrowserRuntime {
  EventsOnMultiple(name: string, callback: EventCallback, maxCallbacks: number): () => void
  EventsOn(name: string, callback: EventCallback): () => void
  EventsOnce(name: string, callback: EventCallback): () => void
  EventsOff(name: string, ...additionalNames: string[]): void
  EventsOffAll(): void
  EventsEmit(name: string, ...data: unknown[]): void
  BrowserOpenURL(url: string): void
  WindowSetTitle(title: string): void
  LogPrint(message: string): void
  LogTrace(message: string): void
  LogDebug(message: string): void
  LogInfo(message: string): void
  LogWarning(message: string): void
  LogError(message: string): void
  LogFatal(message: string): void
  Environment(): Promise<{ buildType: string; platform: string; arch: string }>
}

/** The subset of EventSource the shim relies on (lets tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number
  onopen: ((ev: Event) => unknown) | null
  onmessage: ((ev: MessageEvent) => unknown) | null
  onerror: ((ev: Event) => unknown) | null
  close(): void
}

export type EventSourceFactory = (url: string) => EventSourceLike

export interface ShimOptions {
  /** Base path of the API; bound methods live at `<apiBase>/<Struct>/<Method>`. */
  apiBase?: string
  /** URL of the Server-Sent Events stream. */
  eventsUrl?: string
  fetch?: typeof fetch
  eventSource?: EventSourceFactory
  /** Called whenever the server answers 401 (the session is missing or expired). */
  onUnauthorized?: () => void
  /** Called when the live event stream connects (true) or fails (false). */
  onEventsStatus?: (connected: boolean) => void
  /** Close the stream this long after the last listener went away. */
  idleCloseMs?: number
  /** First delay before reopening a stream the browser gave up on; doubles up to maxRetryMs. */
  retryMs?: number
  maxRetryMs?: number
  openWindow?: (url: string) => void
  setTitle?: (title: string) => void
  logger?: Pick<Console, 'log' | 'debug' | 'info' | 'warn' | 'error'>
}

const CLOSED = 2

/** Extracts a readable message from a rejected binding call. */
export async function readError(res: Response): Promise<string> {
  let text = ''
  try {
    text = await res.text()
  } catch {
    // fall through to the status line
  }
  if (text) {
    try {
      const body: unknown = JSON.parse(text)
      if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
        const msg = (body as { error: string }).error
        if (msg) return msg
      }
    } catch {
      // not JSON
    }
  }
  return res.statusText || `Request failed with HTTP ${res.status}`
}

/** Builds the function that performs one bound-method call over HTTP. */
export function createCaller(opts: ShimOptions = {}) {
  const apiBase = opts.apiBase ?? '/api'
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))

  return async function call(struct: string, method: string, args: unknown[]): Promise<unknown> {
    let res: Response
    try {
      res = await doFetch(`${apiBase}/${encodeURIComponent(struct)}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(args),
      })
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      return Promise.reject(`Cannot reach the Streamwarden server: ${detail}`)
    }
    if (res.status === 401) opts.onUnauthorized?.()
    if (!res.ok) return Promise.reject(await readError(res))
    const text = await res.text()
    if (!text.trim()) return null
    try {
      return JSON.parse(text)
    } catch {
      return Promise.reject('The server sent a response that is not valid JSON')
    }
  }
}

/** Lazily creates nested objects so any `go.<pkg>.<Struct>.<Method>` resolves. */
function lazyNamespace<T>(make: (key: string) => T): Record<string, T> {
  const cache = new Map<string, T>()
  return new Proxy({} as Record<string, T>, {
    get(_target, key) {
      // Never look like a promise or leak into symbol-based protocols.
      if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined
      let value = cache.get(key)
      if (value === undefined) {
        value = make(key)
        cache.set(key, value)
      }
      return value
    },
  })
}

export type GoBindings = Record<string, Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>>

export function createBindings(opts: ShimOptions = {}): GoBindings {
  const call = createCaller(opts)
  return lazyNamespace(() =>
    lazyNamespace((struct) =>
      lazyNamespace((method) => (...args: unknown[]) => call(struct, method, args)),
    ),
  )
}

interface Listener {
  callback: EventCallback
  /** Calls left before the listener removes itself; -1 means unlimited. */
  remaining: number
}

export interface EventsController {
  runtime: BrowserRuntime
  /** Drops the current stream and opens a new one if anything is listening (e.g. after login). */
  reconnect(): void
  /** Closes the stream and cancels timers. */
  close(): void
  /** Number of registered listeners (for diagnostics and tests). */
  listenerCount(): number
}

export function createRuntime(opts: ShimOptions = {}): EventsController {
  const eventsUrl = opts.eventsUrl ?? '/api/events'
  const factory: EventSourceFactory =
    opts.eventSource ?? ((url) => new EventSource(url, { withCredentials: true }))
  const idleCloseMs = opts.idleCloseMs ?? 3000
  const baseRetry = opts.retryMs ?? 2000
  const maxRetry = opts.maxRetryMs ?? 60000
  const log = opts.logger ?? console

  const listeners = new Map<string, Listener[]>()
  let source: EventSourceLike | null = null
  let idleTimer: ReturnType<typeof setTimeout> | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retryDelay = baseRetry
  let connected: boolean | null = null

  const count = () => {
    let n = 0
    for (const list of listeners.values()) n += list.length
    return n
  }

  const setStatus = (value: boolean) => {
    if (connected === value) return
    connected = value
    opts.onEventsStatus?.(value)
  }

  const clearTimer = (t: ReturnType<typeof setTimeout> | null) => {
    if (t !== null) clearTimeout(t)
    return null
  }

  const dispatch = (name: string, args: unknown[]) => {
    const list = listeners.get(name)
    if (!list) return
    for (const listener of [...list]) {
      if (listener.remaining > 0) {
        listener.remaining -= 1
        if (listener.remaining === 0) removeListener(name, listener)
      }
      try {
        listener.callback(...args)
      } catch (err) {
        log.error(`Listener for "${name}" failed`, err)
      }
    }
  }

  const closeSource = () => {
    if (source) {
      source.onopen = null
      source.onmessage = null
      source.onerror = null
      source.close()
      source = null
    }
  }

  const open = () => {
    retryTimer = clearTimer(retryTimer)
    if (source || count() === 0) return
    const es = factory(eventsUrl)
    source = es
    es.onopen = () => {
      retryDelay = baseRetry
      setStatus(true)
    }
    es.onmessage = (ev: MessageEvent) => {
      let msg: unknown
      try {
        msg = JSON.parse(String(ev.data))
      } catch {
        log.warn('Ignoring a live update that is not JSON')
        return
      }
      if (!msg || typeof msg !== 'object') return
      const { name, args } = msg as { name?: unknown; args?: unknown }
      if (typeof name !== 'string') return
      dispatch(name, Array.isArray(args) ? args : args === undefined || args === null ? [] : [args])
    }
    es.onerror = () => {
      setStatus(false)
      // While CONNECTING the browser retries by itself; once CLOSED (e.g. an
      // HTTP error status) it gives up, so try again later ourselves.
      if (es.readyState === CLOSED && source === es) {
        closeSource()
        if (count() > 0 && retryTimer === null) {
          retryTimer = setTimeout(open, retryDelay)
          retryDelay = Math.min(retryDelay * 2, maxRetry)
        }
      }
    }
  }

  const scheduleIdleClose = () => {
    if (count() > 0 || idleTimer !== null) return
    idleTimer = setTimeout(() => {
      idleTimer = null
      if (count() === 0) {
        retryTimer = clearTimer(retryTimer)
        closeSource()
      }
    }, idleCloseMs)
  }

  function removeListener(name: string, listener: Listener) {
    const list = listeners.get(name)
    if (!list) return
    const i = list.indexOf(listener)
    if (i >= 0) list.splice(i, 1)
    if (list.length === 0) listeners.delete(name)
    scheduleIdleClose()
  }

  const on = (name: string, callback: EventCallback, maxCallbacks: number) => {
    const listener: Listener = { callback, remaining: maxCallbacks > 0 ? maxCallbacks : -1 }
    const list = listeners.get(name) ?? []
    list.push(listener)
    listeners.set(name, list)
    idleTimer = clearTimer(idleTimer)
    open()
    return () => removeListener(name, listener)
  }

  const logAt = (level: 'log' | 'debug' | 'info' | 'warn' | 'error') => (message: string) => log[level](message)

  const runtime: BrowserRuntime = {
    EventsOnMultiple: on,
    EventsOn: (name, callback) => on(name, callback, -1),
    EventsOnce: (name, callback) => on(name, callback, 1),
    EventsOff(name, ...additionalNames) {
      for (const n of [name, ...additionalNames]) listeners.delete(n)
      scheduleIdleClose()
    },
    EventsOffAll() {
      listeners.clear()
      scheduleIdleClose()
    },
    EventsEmit(name, ...data) {
      dispatch(name, data)
    },
    BrowserOpenURL(url) {
      if (opts.openWindow) opts.openWindow(url)
      else window.open(url, '_blank', 'noopener,noreferrer')
    },
    WindowSetTitle(title) {
      if (opts.setTitle) opts.setTitle(title)
      else document.title = title
    },
    LogPrint: logAt('log'),
    LogTrace: logAt('debug'),
    LogDebug: logAt('debug'),
    LogInfo: logAt('info'),
    LogWarning: logAt('warn'),
    LogError: logAt('error'),
    LogFatal: logAt('error'),
    Environment: () => Promise.resolve({ buildType: 'production', platform: 'web', arch: '' }),
  }

  return {
    runtime,
    reconnect() {
      closeSource()
      retryDelay = baseRetry
      open()
    },
    close() {
      idleTimer = clearTimer(idleTimer)
      retryTimer = clearTimer(retryTimer)
      closeSource()
    },
    listenerCount: count,
  }
}

/** Installs `go` and `runtime` on the given window-like object. */
export function installShim(target: { go?: unknown; runtime?: unknown }, opts: ShimOptions = {}): EventsController {
  const events = createRuntime(opts)
  target.go = createBindings(opts)
  target.runtime = events.runtime
  return events
}
