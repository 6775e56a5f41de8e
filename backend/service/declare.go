package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/store"
)

// Declaration is a server declared outside the UI, e.g. PLEX_URL/PLEX_TOKEN.
type Declaration struct {
	Kind      model.ServerKind
	URL       string
	Token     string
	VerifyTLS bool
}

// DeclareServers makes the declared servers exist with the given URL and
// token, creating or updating one server per kind. It is a function, not a
// method, so that it is not part of the API the UI can call.
func DeclareServers(ctx context.Context, s *Servers, decls []Declaration) error {
	changed := false
	for _, d := range decls {
		if err := declareServer(ctx, s, d); err != nil {
			return fmt.Errorf("declaring the %s server from the environment: %w", d.Kind, err)
		}
		changed = true
	}
	if changed {
		s.bus.Publish(events.ServersChanged)
	}
	return nil
}

func declareServer(ctx context.Context, s *Servers, d Declaration) error {
	name := d.Kind.Label()
	srv, err := validateServer(ServerInput{Kind: string(d.Kind), Name: name, URL: d.URL, Token: d.Token, VerifyTLS: d.VerifyTLS, Enabled: true})
	if err != nil {
		return err
	}
	if d.Token == "" {
		return invalid("token", tokenLabel(d.Kind)+" is required.")
	}
	existing, err := s.store.ServerBySource(ctx, model.SourceEnvironment, d.Kind)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return createDeclared(ctx, s, srv, d.Token)
	case err != nil:
		return err
	}
	if err := s.secrets.Set(ctx, existing.TokenRef, d.Token); err != nil {
		return err
	}
	existing.URL, existing.VerifyTLS = srv.URL, srv.VerifyTLS
	_, err = s.store.UpdateServer(ctx, existing)
	return err
}

func createDeclared(ctx context.Context, s *Servers, srv model.Server, token string) error {
	srv.Source = model.SourceEnvironment
	srv.TokenRef = secrets.NewRef(tokenPrefix)
	if err := s.secrets.Set(ctx, srv.TokenRef, token); err != nil {
		return err
	}
	_, err := s.store.CreateServer(ctx, srv)
	if errors.Is(err, store.ErrConflict) {
		// The user already has a server with the plain name.
		srv.Name += " (environment)"
		_, err = s.store.CreateServer(ctx, srv)
	}
	if err != nil {
		s.forgetToken(srv.TokenRef)
	}
	return err
}
