package geo

import (
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeTyped writes a one-network database that declares dbType.
func writeTyped(t *testing.T, dbType string, record mmdbtype.Map) string {
	t.Helper()
	tree, err := mmdbwriter.New(mmdbwriter.Options{DatabaseType: dbType, Description: map[string]string{"en": dbType}})
	require.NoError(t, err)
	_, network, err := net.ParseCIDR("81.2.69.0/24")
	require.NoError(t, err)
	require.NoError(t, tree.Insert(network, record))
	path := filepath.Join(t.TempDir(), "typed.mmdb")
	f, err := os.Create(path)
	require.NoError(t, err)
	_, err = tree.WriteTo(f)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return path
}

func TestImportDatabaseTypes(t *testing.T) {
	cityRec := mmdbtype.Map{"city": mmdbtype.Map{"names": mmdbtype.Map{"en": mmdbtype.String("London")}}}
	asnRec := mmdbtype.Map{"autonomous_system_number": mmdbtype.Uint32(20712)}
	tests := []struct {
		dbType   string
		record   mmdbtype.Map
		wantKind Kind
		wantMsg  string
	}{
		{"DBIP-City-Lite", cityRec, KindCity, ""},
		{"DBIP-Location (compat=City)", cityRec, KindCity, ""},
		{"GeoIP2-City", cityRec, KindCity, ""},
		{"GeoIP2-Enterprise", cityRec, KindCity, ""},
		{"DBIP-ASN-Lite (compat=GeoLite2-ASN)", asnRec, KindASN, ""},
		{"GeoIP2-ISP", asnRec, KindASN, ""},
		{"GeoLite2-Country", cityRec, "", `"GeoLite2-Country" is a country database; a City database is needed`},
		{"GeoIP2-Anonymous-IP", mmdbtype.Map{}, "", `"GeoIP2-Anonymous-IP" is not a City or ASN database`},
		{"ip-location-db-city", cityRec, "", `database type "ip-location-db-city" is not one of the GeoIP2, GeoLite2 or DB-IP City or ASN types`},
	}
	for _, tt := range tests {
		t.Run(tt.dbType, func(t *testing.T) {
			dbs, err := OpenDatabases(t.TempDir(), quietLog())
			require.NoError(t, err)
			info, err := dbs.ImportFile(writeTyped(t, tt.dbType, tt.record))
			if tt.wantMsg != "" {
				require.ErrorIs(t, err, ErrUnsupported)
				assert.Contains(t, err.Error(), tt.wantMsg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantKind, info.Kind)
			assert.Equal(t, tt.dbType, info.DatabaseType)
			loc := NewResolver(dbs, ResolverOptions{}).Locate("81.2.69.1")
			if tt.wantKind == KindCity {
				assert.Equal(t, "London", loc.City)
			} else {
				assert.Equal(t, uint(20712), loc.ASN)
			}
		})
	}
}
