package geo

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseIPAndLocality(t *testing.T) {
	tests := []struct {
		in        string
		want      string
		ok, local bool
	}{
		{"203.0.113.9", "203.0.113.9", true, false},
		{"::ffff:203.0.113.9", "203.0.113.9", true, false},
		{"203.0.113.9:51234", "203.0.113.9", true, false},
		{"1.2.3.4:32400", "1.2.3.4", true, false},
		{"[2001:db8::1]:443", "2001:db8::1", true, false},
		{"[2001:db8::1]:8096", "2001:db8::1", true, false},
		{"[2001:db8::1]", "2001:db8::1", true, false},
		{" 8.8.8.8 ", "8.8.8.8", true, false},
		// loopback
		{"127.0.0.1", "127.0.0.1", true, true},
		{"127.255.255.254", "127.255.255.254", true, true},
		{"::1", "::1", true, true},
		{"[::1]:32400", "::1", true, true},
		// RFC 1918 with their edges
		{"10.0.0.1", "10.0.0.1", true, true},
		{"10.255.255.255", "10.255.255.255", true, true},
		{"11.0.0.0", "11.0.0.0", true, false},
		{"9.255.255.255", "9.255.255.255", true, false},
		{"172.16.5.4", "172.16.5.4", true, true},
		{"172.31.255.255", "172.31.255.255", true, true},
		{"172.15.255.255", "172.15.255.255", true, false},
		{"172.32.0.1", "172.32.0.1", true, false},
		{"192.168.1.20", "192.168.1.20", true, true},
		{"192.167.255.255", "192.167.255.255", true, false},
		{"192.169.0.0", "192.169.0.0", true, false},
		// link-local
		{"169.254.10.1", "169.254.10.1", true, true},
		{"169.255.0.1", "169.255.0.1", true, false},
		{"fe80::1", "fe80::1", true, true},
		{"fe80::1%eth0", "fe80::1", true, true},
		{"[fe80::1%eth0]:8096", "fe80::1", true, true},
		{"febf::1", "febf::1", true, true},
		{"fec0::1", "fec0::1", true, false},
		// unique local fc00::/7
		{"fc00::1", "fc00::1", true, true},
		{"fd12:3456::1", "fd12:3456::1", true, true},
		{"fe00::1", "fe00::1", true, false},
		{"fbff::1", "fbff::1", true, false},
		// CGNAT 100.64.0.0/10
		{"100.64.0.0", "100.64.0.0", true, true},
		{"100.64.1.1", "100.64.1.1", true, true},
		{"100.127.255.255", "100.127.255.255", true, true},
		{"100.63.255.255", "100.63.255.255", true, false},
		{"100.128.0.0", "100.128.0.0", true, false},
		{"100.128.0.1", "100.128.0.1", true, false},
		// unspecified
		{"0.0.0.0", "0.0.0.0", true, true},
		{"::", "::", true, true},
		// IPv4-mapped IPv6 is classified as the IPv4 address
		{"::ffff:10.0.0.1", "10.0.0.1", true, true},
		{"::ffff:100.64.0.1", "100.64.0.1", true, true},
		{"[::ffff:192.168.0.1]:32400", "192.168.0.1", true, true},
		// garbage
		{"", "", false, false},
		{"   ", "", false, false},
		{"not an ip", "", false, false},
		{"999.1.1.1", "", false, false},
		{"1.2.3", "", false, false},
		{"1.2.3.4:", "", false, false},
		{"[1.2.3.4", "", false, false},
		{"2001:db8::1::2", "", false, false},
		{"http://1.2.3.4/", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			addr, ok := ParseIP(tt.in)
			assert.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tt.want, addr.String())
			assert.Equal(t, tt.local, IsLocal(addr))
		})
	}
}

func TestIsLocalMappedAddr(t *testing.T) {
	// Callers may hand IsLocal an address that was not parsed by ParseIP.
	assert.True(t, IsLocal(netip.MustParseAddr("::ffff:10.0.0.1")))
	assert.False(t, IsLocal(netip.MustParseAddr("::ffff:8.8.8.8")))
}

func TestSameNetwork(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"1.2.3.4", "1.2.3.4", true},
		{"1.2.3.4", "1.2.3.5", false},
		{"1.2.3.4:32400", "::ffff:1.2.3.4", true},
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true},
		{"[2001:db8:1:2::1]:8096", "2001:db8:1:2::2", true},
		{"2001:db8:1:2::1", "2001:db8:1:3::1", false},
		{"fe80::1%eth0", "fe80::2%wlan0", true},
		{"1.2.3.4", "2001:db8::1", false},
		{"", "", false},
		{"x", "x", false},
		{"1.2.3.4", "", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, SameNetwork(tt.a, tt.b), "%s vs %s", tt.a, tt.b)
	}
}

func TestHostNetwork(t *testing.T) {
	assert.Equal(t, netip.MustParsePrefix("1.2.3.4/32"), HostNetwork(netip.MustParseAddr("1.2.3.4")))
	assert.Equal(t, netip.MustParsePrefix("1.2.3.4/32"), HostNetwork(netip.MustParseAddr("::ffff:1.2.3.4")))
	assert.Equal(t, netip.MustParsePrefix("2001:db8:1:2::/64"), HostNetwork(netip.MustParseAddr("2001:db8:1:2:3:4:5:6")))
	assert.Equal(t, netip.Prefix{}, HostNetwork(netip.Addr{}))
}

func FuzzParseIP(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "[::1]:80", "::ffff:1.2.3.4", "fe80::1%eth0", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		addr, ok := ParseIP(s)
		if ok && (addr.Zone() != "" || addr.Is4In6()) {
			t.Fatalf("%q parsed to %v with a zone or a mapped prefix", s, addr)
		}
		if ok {
			_ = IsLocal(addr)
			_ = HostNetwork(addr)
		}
	})
}
