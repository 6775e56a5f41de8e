// Package probe is the "Test connection" check: it identifies a configured
// Plex, Jellyfin or Emby server and explains, in one *mediaserver.Error, why
// it cannot be used.
package probe

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Options configures a Prober. Zero values get defaults.
type Options struct {
	// Timeout bounds one whole check (default 10s).
	Timeout time.Duration
	// ClientID identifies this install to the servers; keep it stable.
	ClientID string
	// Version is Streamwarden's version, sent to the servers.
	Version string
}

// Prober identifies media servers. It holds no connections between calls
// and is safe for concurrent use.
type Prober struct {
	timeout time.Duration
	ident   mediaserver.ClientIdentity
}

// New returns a Prober.
func New(opts Options) *Prober {
	if opts.Timeout <= 0 {
		opts.Timeout = mediaserver.DefaultTimeout
	}
	return &Prober{
		timeout: opts.Timeout,
		ident:   mediaserver.ClientIdentity{ID: opts.ClientID, Version: opts.Version}.WithDefaults(),
	}
}

// Identify checks ep and returns what the server says about itself. Every
// failure is a *mediaserver.Error (use errors.As) whose text never contains
// the token.
func (p *Prober) Identify(ctx context.Context, ep mediaserver.Endpoint) (model.ServerIdentity, error) {
	raw := ep.Token
	ep.Token = strings.TrimSpace(ep.Token)
	id, err := p.identify(ctx, ep)
	if err != nil {
		return model.ServerIdentity{}, mediaserver.RedactError(err, raw, ep.Token)
	}
	return id, nil
}

func (p *Prober) identify(ctx context.Context, ep mediaserver.Endpoint) (model.ServerIdentity, error) {
	if !ep.Kind.Valid() {
		return model.ServerIdentity{}, mediaserver.InvalidKind(ep.Kind)
	}
	base, err := mediaserver.ParseBaseURL(ep.URL)
	if err != nil {
		return model.ServerIdentity{}, err
	}
	if err := mediaserver.CheckToken(ep.Token); err != nil {
		return model.ServerIdentity{}, err
	}
	ep.URL = base.String()

	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	client := mediaserver.NewHTTPClient(ep.VerifyTLS, p.timeout)
	defer client.CloseIdleConnections()

	id, err := p.identifyKind(ctx, client, ep)
	if err == nil {
		return id, nil
	}
	if e, ok := errors.AsType[*mediaserver.Error](err); ok &&
		(e.Reason == mediaserver.ReasonNotMediaServer || e.Reason == mediaserver.ReasonUnauthorized) {
		if actual, found := p.otherKind(ctx, client, base, ep.Kind); found {
			wrong := mediaserver.WrongKind(actual, ep.Kind)
			wrong.Err = err
			return model.ServerIdentity{}, wrong
		}
	}
	return model.ServerIdentity{}, err
}

func (p *Prober) identifyKind(ctx context.Context, client *http.Client, ep mediaserver.Endpoint) (model.ServerIdentity, error) {
	switch ep.Kind {
	case model.KindPlex:
		return plex.Identify(ctx, client, ep, p.ident)
	case model.KindJellyfin:
		return embybase.Identify(ctx, client, embybase.Jellyfin, ep, p.ident)
	default:
		return embybase.Identify(ctx, client, embybase.Emby, ep, p.ident)
	}
}

// otherKind asks the unauthenticated endpoints of the other kinds whether
// the server is one of them, to turn a confusing "not a server" or "bad
// token" into "this is a Plex server, change the type".
func (p *Prober) otherKind(ctx context.Context, client *http.Client, base *url.URL, configured model.ServerKind) (model.ServerKind, bool) {
	if configured != model.KindPlex {
		if _, err := plex.FetchIdentity(ctx, client, base, p.ident); err == nil {
			return model.KindPlex, true
		}
	}
	if kind, ok := embybase.PublicKind(ctx, client, base); ok && kind != configured {
		return kind, true
	}
	return "", false
}
