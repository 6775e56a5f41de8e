import { describe, expect, it, vi } from 'vitest'
import { uploadDatabase } from './upload'

/** Just enough of XMLHttpRequest to drive the upload by hand. */
class FakeXHR {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown = null
  status = 0
  statusText = ''
  responseText = ''
  withCredentials = false
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: unknown) {
    this.body = body
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent)
  }
  respond(status: number, text: string, statusText = '') {
    this.status = status
    this.responseText = text
    this.statusText = statusText
    this.onload?.()
  }
}

function start(options: Parameters<typeof uploadDatabase>[2] = {}) {
  const xhr = new FakeXHR()
  const file = new Blob(['mmdb'])
  const promise = uploadDatabase('/api/geo/upload', file, { ...options, xhr: () => xhr as unknown as XMLHttpRequest })
  return { xhr, file, promise }
}

describe('uploadDatabase', () => {
  it('posts the file as a stream of bytes and reports progress', async () => {
    const onprogress = vi.fn()
    const { xhr, file, promise } = start({ onprogress })
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/geo/upload')
    expect(xhr.headers['Content-Type']).toBe('application/octet-stream')
    expect(xhr.body).toBe(file)
    xhr.progress(50, 200)
    xhr.progress(200, 200)
    expect(onprogress.mock.calls).toEqual([[0.25], [1]])
    const view = { kind: 'city', databaseType: 'DBIP-City-Lite', buildTime: 1, size: 2, loaded: true }
    xhr.respond(200, JSON.stringify(view))
    await expect(promise).resolves.toEqual(view)
  })

  it('rejects with the server message', async () => {
    const { xhr, promise } = start()
    xhr.respond(400, '{"error":"not a GeoIP2 database"}', 'Bad Request')
    await expect(promise).rejects.toBe('not a GeoIP2 database')
  })

  it('explains a file that is too large and other failures', async () => {
    const big = start()
    big.xhr.respond(413, '')
    await expect(big.promise).rejects.toMatch(/too large/)
    const other = start()
    other.xhr.respond(502, '<html>', 'Bad Gateway')
    await expect(other.promise).rejects.toBe('The upload failed: Bad Gateway (HTTP 502)')
    const garbled = start()
    garbled.xhr.respond(200, 'not json')
    await expect(garbled.promise).rejects.toMatch(/not valid JSON/)
  })

  it('tells when the session is gone', async () => {
    const onunauthorized = vi.fn()
    const { xhr, promise } = start({ onunauthorized })
    xhr.respond(401, '{"error":"sign in first"}')
    await expect(promise).rejects.toBe('sign in first')
    expect(onunauthorized).toHaveBeenCalledOnce()
  })

  it('rejects when the connection drops', async () => {
    const { xhr, promise } = start()
    xhr.onerror?.()
    await expect(promise).rejects.toMatch(/Cannot reach/)
  })
})
