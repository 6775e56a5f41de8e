package simulator

import (
	"math/rand/v2"
	"net/netip"
)

// randomAddr draws an address inside p; for IPv4 blocks of /24 or wider
// the last octet avoids 0 and 255.
func randomAddr(r *rand.Rand, p netip.Prefix) string {
	b := p.Masked().Addr().AsSlice()
	total := len(b) * 8
	for i := p.Bits(); i < total; i++ {
		if r.IntN(2) == 1 {
			b[i/8] |= 1 << (7 - i%8)
		}
	}
	if len(b) == 4 && total-p.Bits() >= 8 && (b[3] == 0 || b[3] == 255) {
		b[3] = byte(1 + r.IntN(254))
	}
	addr, _ := netip.AddrFromSlice(b)
	return addr.String()
}

// lanAddr is a home-router address: 192.168.x.y or 10.0.0.y.
func lanAddr(r *rand.Rand) string {
	third := []byte{0, 1, 1, 1, 178, 86, 50}
	if r.IntN(6) == 0 {
		return netip.AddrFrom4([4]byte{10, 0, 0, byte(2 + r.IntN(250))}).String()
	}
	return netip.AddrFrom4([4]byte{192, 168, third[r.IntN(len(third))], byte(2 + r.IntN(250))}).String()
}

// cgnatAddr is a mobile carrier's shared address in 100.64.0.0/10.
func cgnatAddr(r *rand.Rand) string {
	return netip.AddrFrom4([4]byte{100, byte(64 + r.IntN(64)), byte(r.IntN(256)), byte(1 + r.IntN(254))}).String()
}

// documentationAddr is an address from a documentation block: public in
// form, located nowhere.
func documentationAddr(r *rand.Rand) string {
	thirds := [][3]byte{{192, 0, 2}, {198, 51, 100}, {203, 0, 113}}
	t := thirds[r.IntN(len(thirds))]
	return netip.AddrFrom4([4]byte{t[0], t[1], t[2], byte(1 + r.IntN(254))}).String()
}
