package simulator

import "net/netip"

// NetworkKind classifies an address block.
type NetworkKind string

const (
	// NetworkPublic is a routable block placed in a city.
	NetworkPublic NetworkKind = "public"
	// NetworkLAN is a private home network (RFC 1918).
	NetworkLAN NetworkKind = "lan"
	// NetworkCGNAT is carrier-grade NAT space (100.64.0.0/10): not local,
	// and no geolocation.
	NetworkCGNAT NetworkKind = "cgnat"
	// NetworkDocumentation is a documentation block (RFC 5737/3849): public
	// in form, located nowhere.
	NetworkDocumentation NetworkKind = "documentation"
)

// NetworkInfo is an address block the generator draws client addresses
// from. Public blocks are plausible residential ISP ranges of the country
// (not an authoritative geolocation); several are the blocks of MaxMind's
// test databases, so a demo with those databases places them.
type NetworkInfo struct {
	Prefix    netip.Prefix
	Kind      NetworkKind
	Country   string
	City      string
	Latitude  float64
	Longitude float64
	// weight is how likely a household is to live here.
	weight int
}

func pub(prefix, country, city string, lat, lon float64, weight int) NetworkInfo {
	return NetworkInfo{
		Prefix: netip.MustParsePrefix(prefix), Kind: NetworkPublic, Country: country, City: city,
		Latitude: lat, Longitude: lon, weight: weight,
	}
}

// Networks lists every block the generator uses.
func Networks() []NetworkInfo {
	return append(publicNetworks(), specialNetworks()...)
}

// LookupNetwork finds the block an address belongs to.
func LookupNetwork(ip string) (NetworkInfo, bool) {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return NetworkInfo{}, false
	}
	addr = addr.Unmap()
	for _, n := range Networks() {
		if n.Prefix.Contains(addr) {
			return n, true
		}
	}
	return NetworkInfo{}, false
}

func specialNetworks() []NetworkInfo {
	return []NetworkInfo{
		{Prefix: netip.MustParsePrefix("192.168.0.0/16"), Kind: NetworkLAN},
		{Prefix: netip.MustParsePrefix("10.0.0.0/8"), Kind: NetworkLAN},
		{Prefix: netip.MustParsePrefix("172.16.0.0/12"), Kind: NetworkLAN},
		{Prefix: netip.MustParsePrefix("100.64.0.0/10"), Kind: NetworkCGNAT},
		{Prefix: netip.MustParsePrefix("192.0.2.0/24"), Kind: NetworkDocumentation},
		{Prefix: netip.MustParsePrefix("198.51.100.0/24"), Kind: NetworkDocumentation},
		{Prefix: netip.MustParsePrefix("203.0.113.0/24"), Kind: NetworkDocumentation},
		{Prefix: netip.MustParsePrefix("2001:db8::/32"), Kind: NetworkDocumentation},
	}
}

func publicNetworks() []NetworkInfo {
	return []NetworkInfo{
		pub("72.229.0.0/16", "US", "New York", 40.7128, -74.0060, 8),
		pub("76.88.0.0/14", "US", "Los Angeles", 34.0522, -118.2437, 6),
		pub("73.44.0.0/14", "US", "Chicago", 41.8781, -87.6298, 5),
		pub("2601:240::/28", "US", "Chicago", 41.8781, -87.6298, 2),
		pub("99.16.0.0/12", "US", "Dallas", 32.7767, -96.7970, 4),
		pub("216.160.83.56/29", "US", "Milton", 47.2513, -122.3149, 2),
		pub("99.224.0.0/12", "CA", "Toronto", 43.6532, -79.3832, 4),
		pub("24.80.0.0/13", "CA", "Vancouver", 49.2827, -123.1207, 2),
		pub("70.80.0.0/13", "CA", "Montreal", 45.5019, -73.5674, 2),
		pub("86.128.0.0/12", "GB", "London", 51.5074, -0.1278, 5),
		pub("81.2.69.142/31", "GB", "London", 51.5142, -0.0931, 2),
		pub("2a00:23c0::/29", "GB", "London", 51.5074, -0.1278, 1),
		pub("82.0.0.0/13", "GB", "Manchester", 53.4808, -2.2426, 3),
		pub("2.125.160.216/29", "GB", "Boxford", 51.75, -1.25, 1),
		pub("91.0.0.0/12", "DE", "Berlin", 52.5200, 13.4050, 4),
		pub("2003:c0::/26", "DE", "Berlin", 52.5200, 13.4050, 1),
		pub("84.128.0.0/12", "DE", "Munich", 48.1351, 11.5820, 3),
		pub("79.192.0.0/12", "DE", "Hamburg", 53.5511, 9.9937, 2),
		pub("90.0.0.0/12", "FR", "Paris", 48.8566, 2.3522, 4),
		pub("2a01:cb00::/24", "FR", "Paris", 48.8566, 2.3522, 1),
		pub("82.64.0.0/14", "FR", "Lyon", 45.7640, 4.8357, 2),
		pub("84.104.0.0/14", "NL", "Amsterdam", 52.3676, 4.9041, 3),
		pub("81.240.0.0/12", "BE", "Brussels", 50.8503, 4.3517, 1),
		pub("83.32.0.0/12", "ES", "Madrid", 40.4168, -3.7038, 2),
		pub("79.144.0.0/12", "ES", "Barcelona", 41.3874, 2.1686, 1),
		pub("79.0.0.0/13", "IT", "Rome", 41.9028, 12.4964, 2),
		pub("93.32.0.0/13", "IT", "Milan", 45.4642, 9.1900, 1),
		pub("89.160.20.112/28", "SE", "Linköping", 58.4167, 15.6167, 1),
		pub("83.248.0.0/13", "SE", "Stockholm", 59.3293, 18.0686, 2),
		pub("84.208.0.0/13", "NO", "Oslo", 59.9139, 10.7522, 1),
		pub("80.62.0.0/15", "DK", "Copenhagen", 55.6761, 12.5683, 1),
		pub("84.248.0.0/13", "FI", "Helsinki", 60.1699, 24.9384, 1),
		pub("83.0.0.0/11", "PL", "Warsaw", 52.2297, 21.0122, 2),
		pub("78.80.0.0/13", "CZ", "Prague", 50.0755, 14.4378, 1),
		pub("84.112.0.0/12", "AT", "Vienna", 48.2082, 16.3738, 1),
		pub("85.0.0.0/13", "CH", "Zurich", 47.3769, 8.5417, 1),
		pub("86.40.0.0/13", "IE", "Dublin", 53.3498, -6.2603, 1),
		pub("85.240.0.0/12", "PT", "Lisbon", 38.7223, -9.1393, 1),
		pub("86.120.0.0/13", "RO", "Bucharest", 44.4268, 26.1025, 1),
		pub("94.64.0.0/13", "GR", "Athens", 37.9838, 23.7275, 1),
		pub("93.72.0.0/13", "UA", "Kyiv", 50.4501, 30.5234, 1),
		pub("78.160.0.0/11", "TR", "Istanbul", 41.0082, 28.9784, 1),
		pub("79.176.0.0/13", "IL", "Tel Aviv", 32.0853, 34.7818, 1),
		pub("94.200.0.0/13", "AE", "Dubai", 25.2048, 55.2708, 1),
		pub("189.0.0.0/12", "BR", "São Paulo", -23.5505, -46.6333, 3),
		pub("2804:14c::/32", "BR", "São Paulo", -23.5505, -46.6333, 1),
		pub("179.208.0.0/12", "BR", "Rio de Janeiro", -22.9068, -43.1729, 1),
		pub("189.128.0.0/12", "MX", "Mexico City", 19.4326, -99.1332, 2),
		pub("181.0.0.0/12", "AR", "Buenos Aires", -34.6037, -58.3816, 1),
		pub("190.160.0.0/12", "CL", "Santiago", -33.4489, -70.6693, 1),
		pub("186.28.0.0/14", "CO", "Bogotá", 4.7110, -74.0721, 1),
		pub("1.128.0.0/11", "AU", "Sydney", -33.8688, 151.2093, 3),
		pub("2001:8003::/32", "AU", "Sydney", -33.8688, 151.2093, 1),
		pub("124.168.0.0/13", "AU", "Melbourne", -37.8136, 144.9631, 2),
		pub("121.72.0.0/13", "NZ", "Auckland", -36.8485, 174.7633, 1),
		pub("126.0.0.0/10", "JP", "Tokyo", 35.6762, 139.6503, 2),
		pub("240b:10::/32", "JP", "Tokyo", 35.6762, 139.6503, 1),
		pub("180.0.0.0/12", "JP", "Osaka", 34.6937, 135.5023, 1),
		pub("121.128.0.0/10", "KR", "Seoul", 37.5665, 126.9780, 1),
		pub("175.16.199.0/24", "CN", "Changchun", 43.88, 125.3228, 1),
		pub("49.32.0.0/11", "IN", "Mumbai", 19.0760, 72.8777, 2),
		pub("106.192.0.0/11", "IN", "Bangalore", 12.9716, 77.5946, 1),
		pub("116.86.0.0/15", "SG", "Singapore", 1.3521, 103.8198, 1),
		pub("202.196.224.0/20", "PH", "Manila", 14.5995, 120.9842, 1),
		pub("171.96.0.0/13", "TH", "Bangkok", 13.7563, 100.5018, 1),
		pub("36.64.0.0/11", "ID", "Jakarta", -6.2088, 106.8456, 1),
		pub("113.160.0.0/11", "VN", "Hanoi", 21.0278, 105.8342, 1),
		pub("175.136.0.0/13", "MY", "Kuala Lumpur", 3.1390, 101.6869, 1),
		pub("67.43.156.0/24", "BT", "Thimphu", 27.4728, 89.6390, 1),
		pub("41.112.0.0/12", "ZA", "Johannesburg", -26.2041, 28.0473, 1),
		pub("105.112.0.0/12", "NG", "Lagos", 6.5244, 3.3792, 1),
		pub("41.32.0.0/12", "EG", "Cairo", 30.0444, 31.2357, 1),
		pub("105.128.0.0/12", "MA", "Casablanca", 33.5731, -7.5898, 1),
		pub("105.160.0.0/12", "KE", "Nairobi", -1.2921, 36.8219, 1),
	}
}
