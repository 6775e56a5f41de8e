// The desktop shell injects `window.go` (bound Go methods) and `window.runtime`
// (events, logging, window control). In server mode the browser shim provides both.
interface Window {
  go?: Record<string, Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>>
  runtime?: import('./lib/transport/shim').BrowserRuntime
}
