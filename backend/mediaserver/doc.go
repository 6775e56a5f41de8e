// Package mediaserver holds what every media server client shares: the
// endpoint a user configured, the HTTP client used to reach it, and the
// classification of failures into reasons a user can act on.
//
// The kind-specific clients live in sub-packages (plex, embybase); the probe
// sub-package composes them into the "Test connection" check.
package mediaserver
