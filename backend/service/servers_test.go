package service

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/secrets"
)

// fakePlex answers /identity and / like a Plex Media Server that accepts
// only token.
func fakePlex(t *testing.T, token string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml;charset=utf-8")
		switch r.URL.Path {
		case "/identity":
			_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><MediaContainer size="0" claimed="1" machineIdentifier="abc123" version="1.41.3.9314"></MediaContainer>`))
		case "/":
			if r.Header.Get("X-Plex-Token") != token {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			_, _ = w.Write([]byte(`<MediaContainer friendlyName="Living Room" machineIdentifier="abc123" version="1.41.3.9314"></MediaContainer>`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func kindOf(t *testing.T, err error) (ErrorKind, string) {
	t.Helper()
	var e *Error
	require.True(t, errors.As(err, &e), "want a *service.Error, got %v", err)
	return e.Kind, e.Field
}

func TestAddValidates(t *testing.T) {
	f := newFixture(t)
	valid := ServerInput{Kind: "plex", Name: "Home", URL: "http://127.0.0.1:32400", Token: "tok", VerifyTLS: true, Enabled: true}
	tests := []struct {
		name  string
		edit  func(*ServerInput)
		field string
	}{
		{"unknown kind", func(in *ServerInput) { in.Kind = "kodi" }, "kind"},
		{"empty name", func(in *ServerInput) { in.Name = "   " }, "name"},
		{"long name", func(in *ServerInput) { in.Name = string(make([]rune, 101)) }, "name"},
		{"no url", func(in *ServerInput) { in.URL = "" }, "url"},
		{"ftp url", func(in *ServerInput) { in.URL = "ftp://nas/media" }, "url"},
		{"garbage url", func(in *ServerInput) { in.URL = "http://\x00\x7f" }, "url"},
		{"no token", func(in *ServerInput) { in.Token = "" }, "token"},
		{"multi-line token", func(in *ServerInput) { in.Token = "a\nb" }, "token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid
			tt.edit(&in)
			_, err := f.set.Servers.Add(in)
			kind, field := kindOf(t, err)
			assert.Equal(t, KindInvalid, kind)
			assert.Equal(t, tt.field, field)
		})
	}
	list, err := f.set.Servers.List()
	require.NoError(t, err)
	assert.Empty(t, list, "nothing invalid was saved")
}

func TestAddKeepsTokenOutOfTheDatabase(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	view, err := f.set.Servers.Add(ServerInput{Kind: "Jellyfin", Name: " Den ", URL: " http://10.0.0.2:8096/ ", Token: "jf-secret-key", Enabled: true})
	require.NoError(t, err)
	assert.Equal(t, "jellyfin", view.Kind)
	assert.Equal(t, "Den", view.Name)
	assert.Equal(t, "http://10.0.0.2:8096", view.URL)
	assert.True(t, view.HasToken)
	assert.Equal(t, string(model.SourceUser), view.Source)
	assert.Equal(t, 1, f.bus.count(events.ServersChanged))

	saved, err := f.store.Server(ctx, view.ID)
	require.NoError(t, err)
	assert.NotContains(t, saved.TokenRef, "jf-secret-key")
	token, err := f.secrets.Get(ctx, saved.TokenRef)
	require.NoError(t, err)
	assert.Equal(t, "jf-secret-key", token)

	_, err = f.set.Servers.Add(ServerInput{Kind: "emby", Name: "den", URL: "http://h:8096", Token: "x"})
	kind, _ := kindOf(t, err)
	assert.Equal(t, KindConflict, kind, "names are unique regardless of case")
}

func TestUpdateKeepsOrReplacesToken(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	view, err := f.set.Servers.Add(ServerInput{Kind: "plex", Name: "Home", URL: "http://h:32400", Token: "old", VerifyTLS: true, Enabled: true})
	require.NoError(t, err)
	ref := func() string {
		s, err := f.store.Server(ctx, view.ID)
		require.NoError(t, err)
		return s.TokenRef
	}

	updated, err := f.set.Servers.Update(view.ID, ServerInput{Kind: "plex", Name: "Home 2", URL: "https://h:32400", VerifyTLS: false, Enabled: false})
	require.NoError(t, err)
	assert.Equal(t, "Home 2", updated.Name)
	assert.False(t, updated.VerifyTLS)
	assert.False(t, updated.Enabled)
	token, err := f.secrets.Get(ctx, ref())
	require.NoError(t, err)
	assert.Equal(t, "old", token, "an empty token keeps the stored one")

	_, err = f.set.Servers.Update(view.ID, ServerInput{Kind: "plex", Name: "Home 2", URL: "https://h:32400", Token: "new"})
	require.NoError(t, err)
	token, err = f.secrets.Get(ctx, ref())
	require.NoError(t, err)
	assert.Equal(t, "new", token)

	_, err = f.set.Servers.Update(999, ServerInput{Kind: "plex", Name: "x", URL: "http://h"})
	kind, _ := kindOf(t, err)
	assert.Equal(t, KindNotFound, kind)
}

func TestSetEnabledAndRemove(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	view, err := f.set.Servers.Add(ServerInput{Kind: "emby", Name: "E", URL: "http://e:8096", Token: "k", Enabled: true})
	require.NoError(t, err)
	saved, err := f.store.Server(ctx, view.ID)
	require.NoError(t, err)

	off, err := f.set.Servers.SetEnabled(view.ID, false)
	require.NoError(t, err)
	assert.False(t, off.Enabled)

	require.NoError(t, f.set.Servers.Remove(view.ID))
	_, err = f.secrets.Get(ctx, saved.TokenRef)
	require.ErrorIs(t, err, secrets.ErrNotFound, "the token goes with the server")
	kind, _ := kindOf(t, f.set.Servers.Remove(view.ID))
	assert.Equal(t, KindNotFound, kind)
	assert.Equal(t, 3, f.bus.count(events.ServersChanged))
}

func TestConnectionTests(t *testing.T) {
	f := newFixture(t)
	plex := fakePlex(t, "good-token")
	view, err := f.set.Servers.Add(ServerInput{Kind: "plex", Name: "P", URL: plex.URL, Token: "good-token", Enabled: true})
	require.NoError(t, err)

	res, err := f.set.Servers.Test(view.ID)
	require.NoError(t, err)
	assert.True(t, res.OK, res.Message)
	assert.Equal(t, "Living Room", res.ServerName)
	assert.Equal(t, "1.41.3.9314", res.Version)
	assert.Equal(t, "abc123", res.MachineID)

	res, err = f.set.Servers.TestSettings(0, ServerInput{Kind: "plex", URL: plex.URL, Token: "wrong-token"})
	require.NoError(t, err)
	assert.False(t, res.OK)
	assert.Equal(t, "unauthorized", res.Reason)
	assert.NotContains(t, res.Message, "wrong-token")

	res, err = f.set.Servers.TestSettings(view.ID, ServerInput{Kind: "plex", Name: "P", URL: plex.URL})
	require.NoError(t, err)
	assert.True(t, res.OK, "an edit form without a token tests with the stored one")

	_, err = f.set.Servers.TestSettings(0, ServerInput{Kind: "plex", Name: "P", URL: plex.URL})
	kind, field := kindOf(t, err)
	assert.Equal(t, KindInvalid, kind)
	assert.Equal(t, "token", field)

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	res, err = f.set.Servers.TestSettings(0, ServerInput{Kind: "jellyfin", Name: "J", URL: closed.URL, Token: "t"})
	require.NoError(t, err)
	assert.Equal(t, "unreachable", res.Reason)
	assert.NotEmpty(t, res.Message)
}

func TestDeclareServersFromEnvironment(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, err := f.set.Servers.Add(ServerInput{Kind: "plex", Name: "Plex", URL: "http://mine:32400", Token: "t", Enabled: true})
	require.NoError(t, err)

	decls := []Declaration{{Kind: model.KindPlex, URL: "http://env:32400", Token: "env-token", VerifyTLS: true}}
	require.NoError(t, DeclareServers(ctx, f.set.Servers, decls))
	decls[0].URL, decls[0].Token = "http://env2:32400", "env-token-2"
	require.NoError(t, DeclareServers(ctx, f.set.Servers, decls), "a restart updates, not duplicates")

	list, err := f.set.Servers.List()
	require.NoError(t, err)
	require.Len(t, list, 2)
	var env ServerView
	for _, v := range list {
		if v.Source == string(model.SourceEnvironment) {
			env = v
		}
	}
	assert.Equal(t, "Plex (environment)", env.Name, "the user's own 'Plex' keeps its name")
	assert.Equal(t, "http://env2:32400", env.URL)
	saved, err := f.store.Server(ctx, env.ID)
	require.NoError(t, err)
	token, err := f.secrets.Get(ctx, saved.TokenRef)
	require.NoError(t, err)
	assert.Equal(t, "env-token-2", token)

	_, err = f.set.Servers.Update(env.ID, ServerInput{Kind: "plex", Name: "Renamed", URL: "http://elsewhere:32400"})
	kind, _ := kindOf(t, err)
	assert.Equal(t, KindInvalid, kind, "the environment owns the URL")
	renamed, err := f.set.Servers.Update(env.ID, ServerInput{Kind: "plex", Name: "Renamed", URL: env.URL, VerifyTLS: true, Enabled: false})
	require.NoError(t, err)
	assert.Equal(t, "Renamed", renamed.Name)
	kind, _ = kindOf(t, f.set.Servers.Remove(env.ID))
	assert.Equal(t, KindInvalid, kind)

	err = DeclareServers(ctx, f.set.Servers, []Declaration{{Kind: model.KindEmby, URL: "not a url", Token: "t"}})
	require.Error(t, err)
}
