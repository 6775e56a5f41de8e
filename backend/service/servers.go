package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/store"
)

// ServerStore persists server definitions.
type ServerStore interface {
	Servers(ctx context.Context) ([]model.Server, error)
	Server(ctx context.Context, id int64) (model.Server, error)
	ServerBySource(ctx context.Context, source model.ServerSource, kind model.ServerKind) (model.Server, error)
	CreateServer(ctx context.Context, s model.Server) (model.Server, error)
	UpdateServer(ctx context.Context, s model.Server) (model.Server, error)
	DeleteServer(ctx context.Context, id int64) error
}

// Prober asks a media server who it is; failures are *mediaserver.Error.
type Prober interface {
	Identify(ctx context.Context, ep mediaserver.Endpoint) (model.ServerIdentity, error)
}

// Publisher announces changes to live listeners.
type Publisher interface {
	Publish(name string, args ...any)
}

const (
	maxNameLen  = 100
	maxTokenLen = 4096
	tokenPrefix = "server-token"
)

// Servers manages the media servers Streamwarden watches.
type Servers struct {
	ctx     context.Context
	store   ServerStore
	secrets secrets.Store
	prober  Prober
	bus     Publisher
	log     *slog.Logger
}

// List returns every server, ordered by name.
func (s *Servers) List() ([]ServerView, error) {
	list, err := s.store.Servers(s.ctx)
	if err != nil {
		return nil, internal("Could not read the server list.", err)
	}
	views := make([]ServerView, len(list))
	for i, srv := range list {
		views[i] = serverView(srv)
	}
	return views, nil
}

// Add saves a new server and its token.
func (s *Servers) Add(in ServerInput) (ServerView, error) {
	srv, err := validateServer(in)
	if err != nil {
		return ServerView{}, err
	}
	if in.Token == "" {
		return ServerView{}, invalid("token", tokenLabel(srv.Kind)+" is required.")
	}
	srv.Source = model.SourceUser
	srv.TokenRef = secrets.NewRef(tokenPrefix)
	if err := s.secrets.Set(s.ctx, srv.TokenRef, in.Token); err != nil {
		return ServerView{}, internal("Could not store the token: "+err.Error(), err)
	}
	created, err := s.store.CreateServer(s.ctx, srv)
	if err != nil {
		s.forgetToken(srv.TokenRef)
		return ServerView{}, storeError(err, srv.Name)
	}
	s.bus.Publish(events.ServersChanged)
	return serverView(created), nil
}

// Update edits a server. An empty token keeps the stored one.
func (s *Servers) Update(id int64, in ServerInput) (ServerView, error) {
	current, err := s.load(id)
	if err != nil {
		return ServerView{}, err
	}
	next, err := validateServer(in)
	if err != nil {
		return ServerView{}, err
	}
	if current.Source == model.SourceEnvironment {
		if next.Kind != current.Kind || next.URL != current.URL || in.Token != "" {
			return ServerView{}, invalid("url", "This server is declared in the environment: change its URL and token there, then restart.")
		}
	}
	next.ID, next.Source, next.TokenRef = current.ID, current.Source, current.TokenRef
	if in.Token != "" {
		if err := s.secrets.Set(s.ctx, next.TokenRef, in.Token); err != nil {
			return ServerView{}, internal("Could not store the token: "+err.Error(), err)
		}
	}
	updated, err := s.store.UpdateServer(s.ctx, next)
	if err != nil {
		return ServerView{}, storeError(err, next.Name)
	}
	s.bus.Publish(events.ServersChanged)
	return serverView(updated), nil
}

// SetEnabled turns watching a server on or off.
func (s *Servers) SetEnabled(id int64, enabled bool) (ServerView, error) {
	srv, err := s.load(id)
	if err != nil {
		return ServerView{}, err
	}
	srv.Enabled = enabled
	updated, err := s.store.UpdateServer(s.ctx, srv)
	if err != nil {
		return ServerView{}, storeError(err, srv.Name)
	}
	s.bus.Publish(events.ServersChanged)
	return serverView(updated), nil
}

// Remove deletes a server and its token.
func (s *Servers) Remove(id int64) error {
	srv, err := s.load(id)
	if err != nil {
		return err
	}
	if srv.Source == model.SourceEnvironment {
		return invalid("", "This server is declared in the environment: remove its variables and restart to remove it.")
	}
	if err := s.store.DeleteServer(s.ctx, id); err != nil {
		return storeError(err, srv.Name)
	}
	s.forgetToken(srv.TokenRef)
	s.bus.Publish(events.ServersChanged)
	return nil
}

// Test connects to a saved server and reports who answered.
func (s *Servers) Test(id int64) (ConnectionResult, error) {
	srv, err := s.load(id)
	if err != nil {
		return ConnectionResult{}, err
	}
	token, err := s.token(srv)
	if err != nil {
		return ConnectionResult{}, err
	}
	return s.probe(mediaserver.Endpoint{Kind: srv.Kind, URL: srv.URL, Token: token, VerifyTLS: srv.VerifyTLS}), nil
}

// TestSettings tests what the user typed before it is saved. With id set
// and no token typed, the saved server's token is used.
func (s *Servers) TestSettings(id int64, in ServerInput) (ConnectionResult, error) {
	if strings.TrimSpace(in.Name) == "" {
		in.Name = "untitled" // a test needs no name; the form may not have one yet
	}
	srv, err := validateServer(in)
	if err != nil {
		return ConnectionResult{}, err
	}
	token := in.Token
	if token == "" && id != 0 {
		saved, err := s.load(id)
		if err != nil {
			return ConnectionResult{}, err
		}
		if token, err = s.token(saved); err != nil {
			return ConnectionResult{}, err
		}
	}
	if token == "" {
		return ConnectionResult{}, invalid("token", tokenLabel(srv.Kind)+" is required.")
	}
	return s.probe(mediaserver.Endpoint{Kind: srv.Kind, URL: srv.URL, Token: token, VerifyTLS: srv.VerifyTLS}), nil
}

func (s *Servers) probe(ep mediaserver.Endpoint) ConnectionResult {
	start := time.Now()
	id, err := s.prober.Identify(s.ctx, ep)
	latency := time.Since(start).Milliseconds()
	if err != nil {
		var perr *mediaserver.Error
		if errors.As(err, &perr) {
			return ConnectionResult{Reason: string(perr.Reason), Message: perr.Message, LatencyMs: latency}
		}
		s.log.Warn("connection test failed unexpectedly", slog.String("kind", string(ep.Kind)), slog.Any("error", err))
		return ConnectionResult{Reason: string(mediaserver.ReasonServerError), Message: "The test failed unexpectedly.", LatencyMs: latency}
	}
	return ConnectionResult{
		OK: true, ServerName: id.Name, Version: id.Version, Product: id.Product,
		MachineID: id.MachineID, LatencyMs: latency,
	}
}

func (s *Servers) load(id int64) (model.Server, error) {
	srv, err := s.store.Server(s.ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return model.Server{}, notFound(fmt.Sprintf("Server %d does not exist.", id), err)
	}
	if err != nil {
		return model.Server{}, internal("Could not read the server.", err)
	}
	return srv, nil
}

func (s *Servers) token(srv model.Server) (string, error) {
	token, err := s.secrets.Get(s.ctx, srv.TokenRef)
	if errors.Is(err, secrets.ErrNotFound) {
		return "", invalid("token", "No token is stored for "+srv.Name+": edit the server and enter it again.")
	}
	if err != nil {
		return "", internal("Could not read the token: "+err.Error(), err)
	}
	return token, nil
}

func (s *Servers) forgetToken(ref string) {
	if err := s.secrets.Delete(s.ctx, ref); err != nil {
		s.log.Warn("could not delete a server token", slog.Any("error", err))
	}
}

func validateServer(in ServerInput) (model.Server, error) {
	kind := model.ServerKind(strings.ToLower(strings.TrimSpace(in.Kind)))
	if !kind.Valid() {
		return model.Server{}, invalid("kind", "Choose Plex, Jellyfin or Emby.")
	}
	name := strings.TrimSpace(in.Name)
	switch {
	case name == "":
		return model.Server{}, invalid("name", "Name is required.")
	case utf8.RuneCountInString(name) > maxNameLen:
		return model.Server{}, invalid("name", fmt.Sprintf("Name is longer than %d characters.", maxNameLen))
	}
	u, err := mediaserver.ParseBaseURL(in.URL)
	if err != nil {
		var perr *mediaserver.Error
		if errors.As(err, &perr) {
			return model.Server{}, invalid("url", perr.Message)
		}
		return model.Server{}, invalid("url", "The URL is not valid.")
	}
	if len(in.Token) > maxTokenLen {
		return model.Server{}, invalid("token", tokenLabel(kind)+" is too long.")
	}
	if strings.ContainsAny(in.Token, "\r\n") {
		return model.Server{}, invalid("token", tokenLabel(kind)+" must be on one line.")
	}
	return model.Server{Kind: kind, Name: name, URL: u.String(), VerifyTLS: in.VerifyTLS, Enabled: in.Enabled}, nil
}

func tokenLabel(kind model.ServerKind) string {
	if kind == model.KindPlex {
		return "The Plex token"
	}
	return "The API key"
}

func storeError(err error, name string) error {
	switch {
	case errors.Is(err, store.ErrConflict):
		return conflict(fmt.Sprintf("A server named %q already exists.", name), err)
	case errors.Is(err, store.ErrNotFound):
		return notFound("The server no longer exists.", err)
	}
	return internal("Could not save the server.", err)
}
