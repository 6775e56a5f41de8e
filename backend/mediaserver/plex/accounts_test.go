package plex_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
)

func TestUsers(t *testing.T) {
	tests := []struct {
		fixture string
		want    []mediaserver.ServerUser
	}{
		{"accounts.xml", []mediaserver.ServerUser{
			{ID: "1", Name: "owner_rosa", IsAdmin: true},
			{ID: "28463019", Name: "marguerite"},
			{ID: "5550123", Name: "dad_at_the_lake"},
		}},
		{"accounts.json", []mediaserver.ServerUser{
			{ID: "1", Name: "owner_rosa", IsAdmin: true},
			{ID: "31117", Name: "jonas.k"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			srv := plexServer(t, map[string]http.Handler{"/accounts": serveFixture(t, tt.fixture)})
			got, err := newClient(t, srv.URL, plex.Options{}).Users(context.Background())
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, []string{"/accounts"}, srv.Paths())
		})
	}
}

func TestLibraries(t *testing.T) {
	tests := []struct {
		fixture string
		want    []mediaserver.Library
	}{
		{"sections.xml", []mediaserver.Library{
			{ID: "2", Name: "Films", Type: "movie"},
			{ID: "5", Name: "TV Shows", Type: "show"},
			{ID: "3", Name: "Music", Type: "artist"},
		}},
		{"sections.json", []mediaserver.Library{
			{ID: "7", Name: "Family Photos", Type: "photo"},
			{ID: "9", Name: "Home Videos", Type: "movie"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			srv := plexServer(t, map[string]http.Handler{"/library/sections": serveFixture(t, tt.fixture)})
			got, err := newClient(t, srv.URL, plex.Options{}).Libraries(context.Background())
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, []string{"/library/sections"}, srv.Paths())
		})
	}
}

func TestListFailures(t *testing.T) {
	type call func(*plex.Client) error
	users := func(c *plex.Client) error { _, err := c.Users(context.Background()); return err }
	libraries := func(c *plex.Client) error { _, err := c.Libraries(context.Background()); return err }
	tests := []struct {
		name    string
		call    call
		path    string
		handler http.Handler
		reason  mediaserver.Reason
		message string
	}{
		{"users html", users, "/accounts", fake.Status(http.StatusOK, "text/html", []byte("<html></html>")),
			mediaserver.ReasonNotMediaServer, "instead of an account list"},
		{"users truncated", users, "/accounts", fake.Status(http.StatusOK, "application/json", []byte(`{"MediaContainer":{"Account":[`)),
			mediaserver.ReasonServerError, "decoding json"},
		{"users 500", users, "/accounts", fake.Status(http.StatusInternalServerError, "", nil),
			mediaserver.ReasonServerError, "HTTP 500"},
		{"libraries missing", libraries, "/elsewhere", nil, mediaserver.ReasonServerError, "unexpected status (HTTP 404 Not Found)"},
		{"libraries bad xml", libraries, "/library/sections", fake.Status(http.StatusOK, "text/xml", []byte("<MediaContainer><Directory")),
			mediaserver.ReasonServerError, "decoding xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := plexServer(t, map[string]http.Handler{tt.path: tt.handler})
			assertReason(t, tt.call(newClient(t, srv.URL, plex.Options{})), tt.reason, tt.message)
		})
	}
}

func TestListsTokenRejected(t *testing.T) {
	srv := fake.Start(t, fake.Plex{Token: "another-token"})
	c := newClient(t, srv.URL, plex.Options{})
	_, err := c.Users(context.Background())
	assertReason(t, err, mediaserver.ReasonUnauthorized, "HTTP 401")
	fake.AssertNoSecret(t, err, token)
	_, err = c.Libraries(context.Background())
	assertReason(t, err, mediaserver.ReasonUnauthorized, "HTTP 401")
	fake.AssertNoSecret(t, err, token)
}
