// The backend API: the generated bindings, which call either the desktop
// shell's injected methods or the browser shim.
export * as Servers from '../../wailsjs/go/service/Servers'
export * as System from '../../wailsjs/go/service/System'
export * as APIKeys from '../../wailsjs/go/service/APIKeys'
export * as Activity from '../../wailsjs/go/service/Activity'
export * as History from '../../wailsjs/go/service/History'
export * as Geo from '../../wailsjs/go/service/Geo'
export { EventsOn } from '../../wailsjs/runtime/runtime'
export type { service } from '../../wailsjs/go/models'

/** Event names emitted by the backend. */
export const EVENTS = {
  serversChanged: 'servers:changed',
  /** The sessions of a server changed (argument: server id). */
  monitorActivity: 'monitor:activity',
  /** A server's connection changed (argument: server id). */
  monitorStatus: 'monitor:status',
  /** GeoIP databases, MaxMind settings, networks or tile settings changed. */
  geoChanged: 'geo:changed',
  /** Progress of re-geolocating the history (argument: service.RelocationView). */
  geoRelocation: 'geo:relocation',
} as const

/** Opens an address in the system browser (desktop) or a new tab (server mode), never in the app's own window. */
export function openExternal(url: string) {
  window.runtime?.BrowserOpenURL(url)
}

/** Bindings reject with a plain string; anything else is normalised to one. */
export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err || 'Unknown error'
  if (err instanceof Error) return err.message || err.name
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string') return err.message
  return 'Unknown error'
}
