package geo

import (
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
		{"[2001:db8::1]:443", "2001:db8::1", true, false},
		{"fe80::1%eth0", "fe80::1", true, true},
		{"192.168.1.20", "192.168.1.20", true, true},
		{"10.0.0.1", "10.0.0.1", true, true},
		{"172.16.5.4", "172.16.5.4", true, true},
		{"172.32.0.1", "172.32.0.1", true, false},
		{"100.64.1.1", "100.64.1.1", true, true},
		{"100.128.0.1", "100.128.0.1", true, false},
		{"127.0.0.1", "127.0.0.1", true, true},
		{"::1", "::1", true, true},
		{"fd12:3456::1", "fd12:3456::1", true, true},
		{"0.0.0.0", "0.0.0.0", true, true},
		{"", "", false, false},
		{"not an ip", "", false, false},
		{"999.1.1.1", "", false, false},
	}
	for _, tt := range tests {
		addr, ok := ParseIP(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if !ok {
			continue
		}
		assert.Equal(t, tt.want, addr.String(), tt.in)
		assert.Equal(t, tt.local, IsLocal(addr), tt.in)
	}
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
	})
}
