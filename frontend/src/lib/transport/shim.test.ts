import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest'
import { createBindings, createRuntime, installShim, type EventSourceLike } from './shim'

function jsonResponse(status: number, body: unknown, statusText = '') {
  return new Response(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json' },
  })
}

describe('bindings over HTTP', () => {
  it('turns go.<pkg>.<Struct>.<Method>(...args) into POST /api/<Struct>/<Method> with the JSON argument list', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { id: 3, name: 'Den' }))
    const go = createBindings({ fetch: fetchMock })

    const result = await go.service.Servers.Update(3, { name: 'Den', token: '' })

    expect(result).toEqual({ id: 3, name: 'Den' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/Servers/Update')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json')
    expect(JSON.parse(init.body as string)).toEqual([3, { name: 'Den', token: '' }])
  })

  it('sends an empty list for methods without arguments and resolves null for an empty body', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    const go = createBindings({ fetch: fetchMock })

    await expect(go.service.Servers.Remove()).resolves.toBeNull()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/Servers/Remove')
    expect(init.body).toBe('[]')
  })

  it('rejects with the error string of the JSON body', async () => {
    const go = createBindings({ fetch: async () => jsonResponse(400, { error: 'url: must start with http://' }, 'Bad Request') })
    await expect(go.service.Servers.Add({})).rejects.toBe('url: must start with http://')
  })

  it('falls back to the status text, then to the status code', async () => {
    const goText = createBindings({ fetch: async () => jsonResponse(500, '<html>oops</html>', 'Internal Server Error') })
    await expect(goText.service.System.Info()).rejects.toBe('Internal Server Error')

    const goCode = createBindings({ fetch: async () => new Response('', { status: 502 }) })
    await expect(goCode.service.System.Info()).rejects.toBe('Request failed with HTTP 502')
  })

  it('notifies the app on 401 and still rejects', async () => {
    const onUnauthorized = vi.fn()
    const go = createBindings({ fetch: async () => jsonResponse(401, { error: 'not signed in' }), onUnauthorized })

    await expect(go.service.Servers.List()).rejects.toBe('not signed in')
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not call the 401 hook for other errors', async () => {
    const onUnauthorized = vi.fn()
    const go = createBindings({ fetch: async () => jsonResponse(403, { error: 'forbidden' }), onUnauthorized })
    await expect(go.service.Servers.List()).rejects.toBe('forbidden')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('rejects with a readable message when the network fails', async () => {
    const go = createBindings({
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await expect(go.service.Servers.List()).rejects.toBe('Cannot reach the Streamwarden server: Failed to fetch')
  })

  it('is not mistaken for a promise', async () => {
    const go = createBindings({ fetch: async () => jsonResponse(200, 1) })
    expect((go.service as unknown as { then?: unknown }).then).toBeUndefined()
    expect(await go.service).toBe(go.service)
  })

  it('escapes path segments', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, null))
    const go = createBindings({ fetch: fetchMock })
    await go.service['A/B']['x y']()
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe('/api/A%2FB/x%20y')
  })
})

class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = []
  readyState = 0
  onopen: ((ev: Event) => unknown) | null = null
  onmessage: ((ev: MessageEvent) => unknown) | null = null
  onerror: ((ev: Event) => unknown) | null = null
  closed = false

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this)
  }

  open() {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }

  emit(name: string, ...args: unknown[]) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ name, args }) }))
  }

  raw(data: string) {
    this.onmessage?.(new MessageEvent('message', { data }))
  }

  fail(state: 0 | 2) {
    this.readyState = state
    this.onerror?.(new Event('error'))
  }

  close() {
    this.readyState = 2
    this.closed = true
  }
}

describe('runtime events over Server-Sent Events', () => {
  beforeEach(() => {
    FakeEventSource.instances = []
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const make = (extra: Parameters<typeof createRuntime>[0] = {}) =>
    createRuntime({
      eventSource: (url) => new FakeEventSource(url),
      idleCloseMs: 1000,
      retryMs: 500,
      maxRetryMs: 2000,
      logger: { log() {}, debug() {}, info() {}, warn() {}, error() {} },
      ...extra,
    })

  it('opens one stream lazily and shares it between listeners', () => {
    const { runtime } = make()
    expect(FakeEventSource.instances).toHaveLength(0)

    const a = vi.fn()
    const b = vi.fn()
    runtime.EventsOn('servers:changed', a)
    runtime.EventsOn('servers:changed', b)
    runtime.EventsOn('other', vi.fn())

    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.instances[0].url).toBe('/api/events')

    FakeEventSource.instances[0].emit('servers:changed', 1, 'two')
    expect(a).toHaveBeenCalledWith(1, 'two')
    expect(b).toHaveBeenCalledWith(1, 'two')
  })

  it('only calls listeners of the named event', () => {
    const { runtime } = make()
    const a = vi.fn()
    runtime.EventsOn('a', a)
    FakeEventSource.instances[0].emit('b')
    expect(a).not.toHaveBeenCalled()
  })

  it('honours maxCallbacks and EventsOnce', () => {
    const { runtime } = make()
    const twice = vi.fn()
    const once = vi.fn()
    runtime.EventsOnMultiple('tick', twice, 2)
    runtime.EventsOnce('tick', once)
    const es = FakeEventSource.instances[0]
    es.emit('tick')
    es.emit('tick')
    es.emit('tick')
    expect(twice).toHaveBeenCalledTimes(2)
    expect(once).toHaveBeenCalledTimes(1)
  })

  it('treats maxCallbacks of -1 as unlimited', () => {
    const { runtime } = make()
    const cb = vi.fn()
    runtime.EventsOnMultiple('tick', cb, -1)
    for (let i = 0; i < 5; i++) FakeEventSource.instances[0].emit('tick')
    expect(cb).toHaveBeenCalledTimes(5)
  })

  it('unsubscribes with the returned function and with EventsOff', () => {
    const { runtime, listenerCount } = make()
    const a = vi.fn()
    const b = vi.fn()
    const c = vi.fn()
    const offA = runtime.EventsOn('x', a)
    runtime.EventsOn('x', b)
    runtime.EventsOn('y', c)
    offA()
    const es = FakeEventSource.instances[0]
    es.emit('x')
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledTimes(1)

    runtime.EventsOff('x', 'y')
    es.emit('x')
    es.emit('y')
    expect(b).toHaveBeenCalledTimes(1)
    expect(c).not.toHaveBeenCalled()
    expect(listenerCount()).toBe(0)
  })

  it('closes the stream once nobody listens, and reopens on demand', () => {
    const { runtime } = make()
    const off = runtime.EventsOn('x', vi.fn())
    const first = FakeEventSource.instances[0]
    off()
    vi.advanceTimersByTime(999)
    expect(first.closed).toBe(false)
    vi.advanceTimersByTime(1)
    expect(first.closed).toBe(true)

    runtime.EventsOn('x', vi.fn())
    expect(FakeEventSource.instances).toHaveLength(2)
  })

  it('keeps the stream when a listener comes back before the idle delay', () => {
    const { runtime } = make()
    runtime.EventsOn('x', vi.fn())()
    runtime.EventsOn('x', vi.fn())
    vi.advanceTimersByTime(5000)
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.instances[0].closed).toBe(false)
  })

  it('reports the connection state', () => {
    const status = vi.fn()
    const { runtime } = make({ onEventsStatus: status })
    runtime.EventsOn('x', vi.fn())
    const es = FakeEventSource.instances[0]
    es.open()
    es.fail(0)
    es.open()
    expect(status.mock.calls.map((c) => c[0])).toEqual([true, false, true])
  })

  it('reopens a stream the browser gave up on, with backoff', () => {
    const { runtime } = make()
    runtime.EventsOn('x', vi.fn())
    FakeEventSource.instances[0].fail(2)
    expect(FakeEventSource.instances[0].closed).toBe(true)
    vi.advanceTimersByTime(499)
    expect(FakeEventSource.instances).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.instances).toHaveLength(2)

    FakeEventSource.instances[1].fail(2)
    vi.advanceTimersByTime(999)
    expect(FakeEventSource.instances).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.instances).toHaveLength(3)
  })

  it('leaves reconnecting to the browser while it is still connecting', () => {
    const { runtime } = make()
    runtime.EventsOn('x', vi.fn())
    FakeEventSource.instances[0].fail(0)
    vi.advanceTimersByTime(10000)
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.instances[0].closed).toBe(false)
  })

  it('ignores malformed messages and survives a throwing listener', () => {
    const { runtime } = make()
    const good = vi.fn()
    runtime.EventsOn('x', () => {
      throw new Error('boom')
    })
    runtime.EventsOn('x', good)
    const es = FakeEventSource.instances[0]
    es.raw('not json')
    es.raw('{"args":[1]}')
    es.raw('{"name":"x","args":null}')
    expect(good).toHaveBeenCalledTimes(1)
    expect(good).toHaveBeenCalledWith()
  })

  it('dispatches EventsEmit locally without a stream message', () => {
    const { runtime } = make()
    const cb = vi.fn()
    runtime.EventsOn('local', cb)
    runtime.EventsEmit('local', { a: 1 })
    expect(cb).toHaveBeenCalledWith({ a: 1 })
  })

  it('reconnect() replaces the stream', () => {
    const { runtime, reconnect } = make()
    runtime.EventsOn('x', vi.fn())
    reconnect()
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(FakeEventSource.instances[0].closed).toBe(true)
    expect(FakeEventSource.instances[1].closed).toBe(false)
  })
})

describe('installShim', () => {
  it('installs go and runtime so generated bindings work unchanged', async () => {
    const target: { go?: any; runtime?: any } = {}
    const fetchMock = vi.fn(async () => jsonResponse(200, [{ id: 1 }]))
    installShim(target, { fetch: fetchMock, eventSource: (url) => new FakeEventSource(url) })

    // The same expression the generated Servers.js uses.
    const list = await target.go['service']['Servers']['List']()
    expect(list).toEqual([{ id: 1 }])
    expect(typeof target.runtime.EventsOnMultiple).toBe('function')

    const title = vi.fn()
    const open = vi.fn()
    const withHooks: { go?: any; runtime?: any } = {}
    installShim(withHooks, { fetch: fetchMock, setTitle: title, openWindow: open })
    withHooks.runtime.WindowSetTitle('Hello')
    withHooks.runtime.BrowserOpenURL('https://example.org/')
    expect(title).toHaveBeenCalledWith('Hello')
    expect(open).toHaveBeenCalledWith('https://example.org/')
  })
})
