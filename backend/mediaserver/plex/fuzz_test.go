package plex_test

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
)

func FuzzParseIdentity(f *testing.F) {
	f.Add("text/xml", fake.Fixture("plex_identity.xml"))
	f.Add("application/json", fake.Fixture("plex_identity.json"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		id, err := plex.ParseIdentity(contentType, body)
		if err == nil {
			checkIdentity(t, id)
		}
	})
}

func FuzzParseRoot(f *testing.F) {
	f.Add("text/xml", fake.Fixture("plex_root.xml"))
	f.Add("application/json", fake.Fixture("plex_root.json"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		id, err := plex.ParseRoot(contentType, body)
		if err == nil {
			checkIdentity(t, id)
		}
	})
}

// checkIdentity asserts what a successful parse guarantees.
func checkIdentity(t *testing.T, id plex.Identity) {
	t.Helper()
	if id.MachineID == "" {
		t.Fatalf("parsed %+v without a machine id", id)
	}
	for _, field := range []string{id.MachineID, id.Version, id.Name} {
		if !utf8.ValidString(field) || utf8.RuneCountInString(field) > 200 {
			t.Fatalf("field %q is not clean", field)
		}
		for _, r := range field {
			if unicode.IsControl(r) {
				t.Fatalf("field %q has a control character", field)
			}
		}
	}
}
