package embybase_test

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
)

func FuzzParseSystemInfo(f *testing.F) {
	f.Add(fake.Fixture("jellyfin_system_info.json"))
	f.Add(fake.Fixture("emby_system_info.json"))
	f.Fuzz(func(t *testing.T, body []byte) {
		info, err := embybase.ParseSystemInfo(body)
		if err != nil {
			return
		}
		if info.ID == "" || info.Version == "" {
			t.Fatalf("parsed %+v without Id or Version", info)
		}
		for _, field := range []string{info.ServerName, info.Version, info.ID, info.ProductName, info.OperatingSystem} {
			if !utf8.ValidString(field) || utf8.RuneCountInString(field) > 200 {
				t.Fatalf("field %q is not clean", field)
			}
			for _, r := range field {
				if unicode.IsControl(r) {
					t.Fatalf("field %q has a control character", field)
				}
			}
		}
		_ = embybase.DetectKind(info)
	})
}
