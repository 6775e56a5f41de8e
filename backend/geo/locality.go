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
	// Only try a port where one can be: "[v6]:port" or "v4:port". Failed
	// parses allocate an error, and most addresses come without a port.
	if s[0] == '[' || strings.Count(s, ":") == 1 {
		if ap, err := netip.ParseAddrPort(s); err == nil {
			return ap.Addr().WithZone("").Unmap(), true
		}
	}
	if len(s) > 2 && s[0] == '[' && s[len(s)-1] == ']' {
		s = s[1 : len(s)-1]
	}
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

// SameNetwork reports whether two addresses belong to the same subscriber:
// the same address for IPv4, the same /64 for IPv6 (providers hand a home a
// /64 or larger, and its devices rotate addresses within it). Anything that
// does not parse is never the same network.
func SameNetwork(a, b string) bool {
	x, ok := ParseIP(a)
	if !ok {
		return false
	}
	y, ok := ParseIP(b)
	if !ok {
		return false
	}
	return HostNetwork(x) == HostNetwork(y)
}

// HostNetwork is the network that stands for one subscriber: the address
// itself (/32) for IPv4, its /64 for IPv6. The zero Prefix is returned for
// an invalid address.
func HostNetwork(addr netip.Addr) netip.Prefix {
	addr = addr.WithZone("").Unmap()
	if !addr.IsValid() {
		return netip.Prefix{}
	}
	bits := 32
	if addr.Is6() {
		bits = 64
	}
	p, _ := addr.Prefix(bits)
	return p
}
