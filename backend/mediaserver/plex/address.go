package plex

import (
	"net/netip"
	"strings"
)

// clientIP picks the address to record for a session (DESIGN §4). A client
// that is not known to be on the LAN is recorded by Player.remotePublicAddress
// when that is a public address (relayed clients show a loopback or relay
// address in Player.address); otherwise by Player.address. The result has no
// port, zone or ::ffff: prefix, and is empty when Plex gave nothing usable.
func clientIP(p *wirePlayer, local, localKnown bool) string {
	if !(localKnown && local) {
		if public, ok := parseAddr(p.RemotePublicAddress.String()); ok && isPublic(public) {
			return public.String()
		}
	}
	if addr, ok := parseAddr(p.Address.String()); ok {
		return addr.String()
	}
	return ""
}

// parseAddr reads an IP address as Plex or a proxy may write it: bare,
// with a port ("1.2.3.4:5678", "[2001:db8::1]:5678"), with a zone, or as an
// IPv4-mapped IPv6 address ("::ffff:1.2.3.4", even with a port after it).
// The unspecified address is not a client address and is refused.
func parseAddr(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return netip.Addr{}, false
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		addrPort, perr := netip.ParseAddrPort(s)
		if perr != nil {
			return parseMapped(s)
		}
		addr = addrPort.Addr()
	}
	addr = addr.Unmap().WithZone("")
	if !addr.IsValid() || addr.IsUnspecified() {
		return netip.Addr{}, false
	}
	return addr, true
}

// parseMapped reads "::ffff:1.2.3.4:5678", which is neither an address nor
// a valid address with port.
func parseMapped(s string) (netip.Addr, bool) {
	const prefix = "::ffff:"
	if len(s) <= len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return netip.Addr{}, false
	}
	addrPort, err := netip.ParseAddrPort(s[len(prefix):])
	if err != nil || !addrPort.Addr().Is4() || addrPort.Addr().IsUnspecified() {
		return netip.Addr{}, false
	}
	return addrPort.Addr(), true
}

// isPublic reports an address that can identify a client's network on the
// internet: not loopback, private, link-local, multicast or unspecified.
func isPublic(a netip.Addr) bool {
	return a.IsGlobalUnicast() && !a.IsPrivate()
}
