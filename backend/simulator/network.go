package simulator

import (
	"net/netip"
	"strconv"
)

// displayIP writes an address the way the server reports it: an IPv4
// address in its ::ffff: form when mapped is set.
func displayIP(ip string, mapped bool) string {
	if !mapped {
		return ip
	}
	addr, err := netip.ParseAddr(ip)
	if err != nil || !addr.Is4() {
		return ip
	}
	return "::ffff:" + ip
}

// endpoint is a Jellyfin/Emby RemoteEndPoint: the address, with the port
// when one is given.
func endpoint(n Network) string {
	a := displayIP(n.IP, n.Mapped)
	if n.Port == 0 {
		return a
	}
	if addr, err := netip.ParseAddr(a); err == nil && addr.Is6() {
		return "[" + a + "]:" + strconv.Itoa(n.Port)
	}
	return a + ":" + strconv.Itoa(n.Port)
}
