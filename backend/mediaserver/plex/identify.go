package plex

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Product is the product name reported for every Plex server.
const Product = "Plex Media Server"

// Identify checks that ep is a Plex Media Server that accepts ep.Token and
// returns what the server says about itself. It asks GET /identity (no token)
// and then GET / with the token. Failures are *mediaserver.Error and never
// contain the token.
func Identify(ctx context.Context, client *http.Client, ep mediaserver.Endpoint, ident mediaserver.ClientIdentity) (model.ServerIdentity, error) {
	id, err := identify(ctx, client, ep, ident.WithDefaults())
	if err != nil {
		return model.ServerIdentity{}, mediaserver.RedactError(err, ep.Token)
	}
	return id, nil
}

func identify(ctx context.Context, client *http.Client, ep mediaserver.Endpoint, ident mediaserver.ClientIdentity) (model.ServerIdentity, error) {
	base, err := mediaserver.ParseBaseURL(ep.URL)
	if err != nil {
		return model.ServerIdentity{}, err
	}
	if err := mediaserver.CheckToken(ep.Token); err != nil {
		return model.ServerIdentity{}, err
	}
	public, err := FetchIdentity(ctx, client, base, ident)
	if err != nil {
		return model.ServerIdentity{}, err
	}
	root, err := fetchRoot(ctx, client, base, ident, ep.Token)
	if err != nil {
		return model.ServerIdentity{}, err
	}
	version := root.Version
	if version == "" {
		version = public.Version
	}
	return model.ServerIdentity{
		Kind:      model.KindPlex,
		Name:      root.Name,
		Version:   version,
		MachineID: public.MachineID,
		Product:   Product,
	}, nil
}

// FetchIdentity asks a server's public GET /identity and succeeds only when
// the answer is a Plex MediaContainer with a machineIdentifier.
func FetchIdentity(ctx context.Context, client *http.Client, base *url.URL, ident mediaserver.ClientIdentity) (Identity, error) {
	resp, err := mediaserver.Get(ctx, client, mediaserver.ResolvePath(base, "/identity"), Header(ident, ""))
	if err != nil {
		return Identity{}, err
	}
	target := mediaserver.HostPort(base)
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return Identity{}, notPlex(target, "/identity", fmt.Sprintf("HTTP %d", resp.StatusCode), nil)
	default:
		return Identity{}, mediaserver.UnexpectedStatus(resp.StatusCode, "/identity")
	}
	id, err := ParseIdentity(resp.ContentType, resp.Body)
	if err != nil {
		return Identity{}, notPlex(target, "/identity", "no MediaContainer with a machineIdentifier", err)
	}
	return id, nil
}

// fetchRoot asks GET / with the token, which proves the token is accepted.
func fetchRoot(ctx context.Context, client *http.Client, base *url.URL, ident mediaserver.ClientIdentity, token string) (Identity, error) {
	resp, err := mediaserver.Get(ctx, client, mediaserver.ResolvePath(base, "/"), Header(ident, token))
	if err != nil {
		return Identity{}, err
	}
	target := mediaserver.HostPort(base)
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusUnauthorized && token == "":
		return Identity{}, unauthorized("The server requires a token (HTTP 401). Enter the Plex token of the server's owner.")
	case resp.StatusCode == http.StatusUnauthorized:
		return Identity{}, unauthorized("The server rejected the token (HTTP 401). Check the token; it may have been signed out or revoked.")
	case resp.StatusCode == http.StatusForbidden:
		return Identity{}, unauthorized("The token is not allowed to manage this server (HTTP 403). Use the token of the server's owner.")
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return Identity{}, notPlex(target, "/", fmt.Sprintf("HTTP %d", resp.StatusCode), nil)
	default:
		return Identity{}, mediaserver.UnexpectedStatus(resp.StatusCode, "/")
	}
	id, err := ParseRoot(resp.ContentType, resp.Body)
	if err != nil {
		return Identity{}, notPlex(target, "/", "no MediaContainer with a machineIdentifier", err)
	}
	return id, nil
}

// Header returns the headers Streamwarden sends on every Plex request: the
// client identification and, when token is not empty, X-Plex-Token.
func Header(ident mediaserver.ClientIdentity, token string) http.Header {
	ident = ident.WithDefaults()
	h := http.Header{}
	h.Set("Accept", "application/json")
	h.Set("X-Plex-Client-Identifier", ident.ID)
	h.Set("X-Plex-Product", ident.Product)
	h.Set("X-Plex-Version", ident.Version)
	h.Set("X-Plex-Platform", ident.Platform)
	h.Set("X-Plex-Device-Name", ident.DeviceName)
	if token != "" {
		h.Set("X-Plex-Token", token)
	}
	return h
}

func notPlex(target, path, detail string, cause error) *mediaserver.Error {
	return &mediaserver.Error{
		Reason: mediaserver.ReasonNotMediaServer,
		Message: fmt.Sprintf("%s answered %s, but not like a Plex Media Server (%s). "+
			"Check the address and port; Plex listens on 32400 by default.", target, path, detail),
		Err: cause,
	}
}

func unauthorized(msg string) *mediaserver.Error {
	return &mediaserver.Error{Reason: mediaserver.ReasonUnauthorized, Message: msg}
}
