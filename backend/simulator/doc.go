// Package simulator runs fake Plex, Jellyfin and Emby servers on loopback.
//
// Each Server speaks the wire formats of the real product (XML and JSON
// session lists, Plex server-sent events and notification websocket, the
// Jellyfin and Emby session websocket) so that clients, the session
// tracker and the demo mode can be exercised without a real media server.
// Sessions are driven by hand (Play, Pause, Seek…), by scripted Scenarios,
// or by a seeded Generator that also produces historical plays in bulk.
package simulator
