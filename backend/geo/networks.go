package geo

import (
	"net/netip"
	"slices"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Network is a subnet or single address (/32, /128) the user has named.
type Network struct {
	Prefix netip.Prefix
	Label  string
	// Local marks a LAN the built-in classes do not know (e.g. a public
	// range routed inside the home, or a VPN).
	Local bool
	// Location places the network; nil means it has no location of its own.
	// It takes precedence over the database and over Local.
	Location *model.Location
}

// networkTable finds the most specific Network containing an address. It is
// built once per SetNetworks and only read afterwards: for each prefix
// length in use, longest first, one map probe.
type networkTable struct {
	gen    uint64
	v4, v6 []networkLevel
}

type networkLevel struct {
	bits int
	nets map[netip.Prefix]Network
}

func newNetworkTable(gen uint64, nets []Network) *networkTable {
	t := &networkTable{gen: gen}
	for _, n := range nets {
		p, ok := normalizePrefix(n.Prefix)
		if !ok {
			continue
		}
		n.Prefix = p
		if n.Location != nil {
			loc := *n.Location
			n.Location = &loc
		}
		levels := &t.v4
		if p.Addr().Is6() {
			levels = &t.v6
		}
		i := slices.IndexFunc(*levels, func(l networkLevel) bool { return l.bits == p.Bits() })
		if i < 0 {
			*levels = append(*levels, networkLevel{bits: p.Bits(), nets: map[netip.Prefix]Network{}})
			i = len(*levels) - 1
		}
		(*levels)[i].nets[p] = n
	}
	byLength := func(a, b networkLevel) int { return b.bits - a.bits }
	slices.SortFunc(t.v4, byLength)
	slices.SortFunc(t.v6, byLength)
	return t
}

// normalizePrefix masks the prefix and turns an IPv4-mapped IPv6 prefix
// into the IPv4 prefix it stands for, to match how addresses are parsed.
func normalizePrefix(p netip.Prefix) (netip.Prefix, bool) {
	if !p.IsValid() {
		return netip.Prefix{}, false
	}
	addr := p.Addr().WithZone("")
	bits := p.Bits()
	if addr.Is4In6() {
		if bits < 96 {
			return netip.Prefix{}, false
		}
		addr, bits = addr.Unmap(), bits-96
	}
	q, err := addr.Prefix(bits)
	return q, err == nil
}

func (t *networkTable) match(addr netip.Addr) (Network, bool) {
	levels := t.v4
	if addr.Is6() {
		levels = t.v6
	}
	for _, l := range levels {
		p, err := addr.Prefix(l.bits)
		if err != nil {
			continue
		}
		if n, ok := l.nets[p]; ok {
			return n, true
		}
	}
	return Network{}, false
}
