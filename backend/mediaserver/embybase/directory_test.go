package embybase_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
)

func TestUsers(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			srv.handle("GET /Users", serveJSON(readFixture(t, "users.json")))
			got, err := newLiveClient(t, srv, liveKey, embybase.Options{}).Users(context.Background())
			require.NoError(t, err)
			assert.Equal(t, []mediaserver.ServerUser{
				{ID: "f2a9c3b4d5e64f7a8b9c0d1e2f3a4b5c", Name: "alice", IsAdmin: true},
				{ID: "9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a", Name: "bob"},
				{ID: "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", Name: "guest"},
			}, got)
		})
	}
}

func TestLibraries(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			srv.handle("GET /Library/VirtualFolders", serveJSON(readFixture(t, "virtual_folders.json")))
			got, err := newLiveClient(t, srv, liveKey, embybase.Options{}).Libraries(context.Background())
			require.NoError(t, err)
			assert.Equal(t, []mediaserver.Library{
				{ID: "f137a2dd21bbc1b99aa5c0f6bf02a805", Name: "Movies", Type: "movies"},
				{ID: "a656b907eb3a73532e40e44b968d0225", Name: "TV Shows", Type: "tvshows"},
				{ID: "d565273fd114d77bdf349a2896867069", Name: "Mixed"},
				{ID: "4", Name: "Music", Type: "music"},
			}, got)
		})
	}
}

func TestDirectoryFailures(t *testing.T) {
	calls := map[string]func(c *embybase.Client) error{
		"users": func(c *embybase.Client) error {
			_, err := c.Users(context.Background())
			return err
		},
		"libraries": func(c *embybase.Client) error {
			_, err := c.Libraries(context.Background())
			return err
		},
	}
	routes := map[string]string{"users": "GET /Users", "libraries": "GET /Library/VirtualFolders"}
	bodies := map[string]string{
		"html":        "<html>login</html>",
		"object":      `{"Items":[]}`,
		"wrong shape": `[{"Id":"a","Policy":{}}, "x"]`,
		"truncated":   `[{"Id":"a"`,
	}
	for flavorName, flavor := range liveFlavors() {
		for callName, call := range calls {
			t.Run(flavorName+"/"+callName+"/unauthorized", func(t *testing.T) {
				srv := startLive(t, flavor, false)
				srv.handle(routes[callName], serveJSON([]byte("[]")))
				err := call(newLiveClient(t, srv, "not-the-key", embybase.Options{}))
				e, ok := errors.AsType[*mediaserver.Error](err)
				require.True(t, ok, "%v", err)
				assert.Equal(t, mediaserver.ReasonUnauthorized, e.Reason)
				assert.NotContains(t, err.Error(), "not-the-key")
			})
			for bodyName, body := range bodies {
				t.Run(flavorName+"/"+callName+"/"+bodyName, func(t *testing.T) {
					srv := startLive(t, flavor, false)
					srv.handle(routes[callName], serveJSON([]byte(body)))
					err := call(newLiveClient(t, srv, liveKey, embybase.Options{}))
					e, ok := errors.AsType[*mediaserver.Error](err)
					require.True(t, ok, "%v", err)
					assert.Equal(t, mediaserver.ReasonNotMediaServer, e.Reason)
				})
			}
		}
	}
}
