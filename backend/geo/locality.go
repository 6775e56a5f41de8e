// Package geo answers where a stream comes from: whether an address is on
// the local network, and (with a GeoIP database) its country, city and ISP.
package geo

import (
	"net/netip"
	"strings"
)

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// ParseIP reads an address as media servers report it: it strips a port,
// brackets, an IPv6 zone and the ::ffff: prefix of IPv4-mapped addresses.
// ok is false for anything that is not an address.
func ParseIP(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return netip.Addr{}, false
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().WithZone("").Unmap(), true
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	return addr.WithZone("").Unmap(), true
}

// IsLocal reports whether addr can only be on a local network: loopback,
// private (RFC 1918, unique-local IPv6), link-local, or carrier-grade NAT
// (which no database can place).
func IsLocal(addr netip.Addr) bool {
	addr = addr.Unmap()
	return addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsUnspecified() || cgnat.Contains(addr)
}
