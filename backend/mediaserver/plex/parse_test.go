package plex_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
)

const machineID = "5d8f3a1c9b7e4f2a6c0d1e3b5a7f9c2e4d6b8a10"

func TestParseIdentity(t *testing.T) {
	want := plex.Identity{MachineID: machineID, Version: "1.41.3.9314-a0bfb8370"}
	tests := []struct {
		name        string
		contentType string
		body        []byte
	}{
		{"xml", "text/xml;charset=utf-8", fake.Fixture("plex_identity.xml")},
		{"json", "application/json", fake.Fixture("plex_identity.json")},
		{"json sniffed despite xml content type", "text/xml", fake.Fixture("plex_identity.json")},
		{"xml sniffed despite json content type", "application/json", fake.Fixture("plex_identity.xml")},
		{"xml without content type", "", fake.Fixture("plex_identity.xml")},
		{"byte order mark", "text/xml", append([]byte("\xef\xbb\xbf"), fake.Fixture("plex_identity.xml")...)},
		{"self-closing element", "", []byte(`<MediaContainer machineIdentifier="` + machineID + `" version="1.41.3.9314-a0bfb8370"/>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := plex.ParseIdentity(tt.contentType, tt.body)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestParseRoot(t *testing.T) {
	want := plex.Identity{MachineID: machineID, Version: "1.41.3.9314-a0bfb8370", Name: "Basement Plex"}
	for _, name := range []string{"plex_root.xml", "plex_root.json"} {
		t.Run(name, func(t *testing.T) {
			got, err := plex.ParseRoot("", fake.Fixture(name))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestParseRejectsOtherAnswers(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        string
	}{
		{"empty", "", ""},
		{"blank", "application/json", "  \n"},
		{"html page", "text/html", string(fake.Fixture("router_login.html"))},
		{"plex 401 page", "text/html", string(fake.Fixture("plex_unauthorized.html"))},
		{"json of another service", "application/json", string(fake.Fixture("other_service.json"))},
		{"jellyfin system info", "application/json", string(fake.Fixture("jellyfin_system_info.json"))},
		{"json array", "application/json", `[{"MediaContainer":{}}]`},
		{"container without machine id", "", `<MediaContainer size="0" version="1.2"/>`},
		{"json container without machine id", "", `{"MediaContainer":{"version":"1.2"}}`},
		{"blank machine id", "", `<MediaContainer machineIdentifier="  "/>`},
		{"machine id of the wrong type", "", `{"MediaContainer":{"machineIdentifier":42}}`},
		{"null container", "", `{"MediaContainer":null}`},
		{"other root element", "", `<Response machineIdentifier="x"/>`},
		{"plain text", "text/plain", "Welcome"},
		{"declared non-utf8 charset", "", `<?xml version="1.0" encoding="ISO-8859-1"?><MediaContainer machineIdentifier="x"/>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := plex.ParseIdentity(tt.contentType, []byte(tt.body))
			assert.Error(t, err)
			_, err = plex.ParseRoot(tt.contentType, []byte(tt.body))
			assert.Error(t, err)
		})
	}
}

func TestParseCleansFields(t *testing.T) {
	got, err := plex.ParseRoot("", []byte(`{"MediaContainer":{"machineIdentifier":" abc ","friendlyName":"Living\troom\u001b","version":"1.0"}}`))
	require.NoError(t, err)
	assert.Equal(t, plex.Identity{MachineID: "abc", Version: "1.0", Name: "Living room"}, got)
}
