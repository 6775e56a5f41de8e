import type { service } from './api'
import { isServerKind, tokenNoun } from './format'

export type ServerField = 'kind' | 'name' | 'url' | 'token'
export type FieldErrors = Partial<Record<ServerField, string>>

export interface ServerDraft {
  kind: string
  name: string
  url: string
  token: string
  verifyTls: boolean
  enabled: boolean
}

export function emptyDraft(): ServerDraft {
  return { kind: 'plex', name: '', url: '', token: '', verifyTls: true, enabled: true }
}

export function draftFromView(v: service.ServerView): ServerDraft {
  // The stored token is never sent to the frontend: an empty field keeps it.
  return { kind: v.kind, name: v.name, url: v.url, token: '', verifyTls: v.verifyTls, enabled: v.enabled }
}

export function toInput(d: ServerDraft): service.ServerInput {
  return {
    kind: d.kind,
    name: d.name.trim(),
    url: d.url.trim(),
    token: d.token.trim(),
    verifyTls: d.verifyTls,
    enabled: d.enabled,
  }
}

export function validateUrl(raw: string): string | undefined {
  const url = raw.trim()
  if (!url) return 'Enter the address of the server.'
  if (!/^https?:\/\//i.test(url)) return 'The address must start with http:// or https://.'
  try {
    const parsed = new URL(url)
    if (!parsed.hostname) return 'The address has no host name.'
  } catch {
    return 'This is not a valid address.'
  }
  return undefined
}

/**
 * Checks a draft before it is sent. `tokenStored` is true when editing a
 * server that already has a token (an empty field then keeps it).
 * `forTest` skips fields a connection test does not need.
 */
export function validateDraft(d: ServerDraft, opts: { tokenStored: boolean; forTest?: boolean }): FieldErrors {
  const errors: FieldErrors = {}
  if (!isServerKind(d.kind)) errors.kind = 'Choose Plex, Jellyfin or Emby.'
  if (!opts.forTest && !d.name.trim()) errors.name = 'Give the server a name.'
  else if (d.name.trim().length > 100) errors.name = 'Keep the name under 100 characters.'
  const urlError = validateUrl(d.url)
  if (urlError) errors.url = urlError
  if (!d.token.trim() && !opts.tokenStored) errors.token = `Enter the ${tokenNoun(d.kind)}.`
  return errors
}
