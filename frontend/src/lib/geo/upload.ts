// Uploads a GeoIP database to the headless server. XMLHttpRequest rather
// than fetch, because only it reports upload progress. The server answers
// with the installed database (200) or {"error": "…"}.
import type { service } from '../api'

export interface UploadOptions {
  /** Called with the share sent so far, 0…1. */
  onprogress?: (fraction: number) => void
  /** Called when the server says the session is gone (401). */
  onunauthorized?: () => void
  /** For tests. */
  xhr?: () => XMLHttpRequest
}

function errorFrom(status: number, text: string, statusText: string): string {
  try {
    const body: unknown = JSON.parse(text)
    if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
      const msg = (body as { error: string }).error
      if (msg) return msg
    }
  } catch {
    // not JSON
  }
  if (status === 413) return 'The file is too large for the server.'
  return statusText ? `The upload failed: ${statusText} (HTTP ${status})` : `The upload failed with HTTP ${status}`
}

/** Sends the file; resolves with the installed database, rejects with a readable message. */
export function uploadDatabase(url: string, file: Blob, options: UploadOptions = {}): Promise<service.GeoDatabaseView> {
  return new Promise((resolve, reject) => {
    const xhr = options.xhr ? options.xhr() : new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = false // same origin: the session cookie goes along anyway
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable && e.total > 0) options.onprogress?.(Math.min(1, e.loaded / e.total))
    }
    xhr.onerror = () => reject('Cannot reach the Streamwarden server: the upload was interrupted.')
    xhr.onabort = () => reject('The upload was cancelled.')
    xhr.onload = () => {
      const text = typeof xhr.responseText === 'string' ? xhr.responseText : ''
      if (xhr.status === 401) options.onunauthorized?.()
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFrom(xhr.status, text, xhr.statusText))
        return
      }
      try {
        resolve(JSON.parse(text) as service.GeoDatabaseView)
      } catch {
        reject('The server sent a response that is not valid JSON.')
      }
    }
    xhr.send(file)
  })
}
