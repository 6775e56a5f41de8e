package embybase

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Identify checks that ep is a server of the flavor's kind that accepts
// ep.Token, using the authenticated GET /System/Info. Failures are
// *mediaserver.Error and never contain the token.
func Identify(ctx context.Context, client *http.Client, f Flavor, ep mediaserver.Endpoint, ident mediaserver.ClientIdentity) (model.ServerIdentity, error) {
	id, err := identify(ctx, client, f, ep, ident)
	if err != nil {
		return model.ServerIdentity{}, mediaserver.RedactError(err, ep.Token)
	}
	return id, nil
}

func identify(ctx context.Context, client *http.Client, f Flavor, ep mediaserver.Endpoint, ident mediaserver.ClientIdentity) (model.ServerIdentity, error) {
	base, err := mediaserver.ParseBaseURL(ep.URL)
	if err != nil {
		return model.ServerIdentity{}, err
	}
	if err := mediaserver.CheckToken(ep.Token); err != nil {
		return model.ServerIdentity{}, err
	}
	resp, path, err := getInfo(ctx, client, base, f.infoPaths(base, false), f.Header(ident, ep.Token))
	if err != nil {
		return model.ServerIdentity{}, err
	}
	target := mediaserver.HostPort(base)
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusUnauthorized && ep.Token == "":
		return model.ServerIdentity{}, unauthorized("The server requires an API key (HTTP 401). " + f.apiKeyHint())
	case resp.StatusCode == http.StatusUnauthorized:
		return model.ServerIdentity{}, unauthorized("The server rejected the API key (HTTP 401). Check the key. " + f.apiKeyHint())
	case resp.StatusCode == http.StatusForbidden:
		return model.ServerIdentity{}, unauthorized("The API key is not allowed to read the server's system information (HTTP 403). " +
			"Use an API key rather than a user's token. " + f.apiKeyHint())
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return model.ServerIdentity{}, f.notServer(target, path, fmt.Sprintf("HTTP %d", resp.StatusCode), nil)
	default:
		return model.ServerIdentity{}, mediaserver.UnexpectedStatus(resp.StatusCode, path)
	}
	info, err := ParseSystemInfo(resp.Body)
	if err != nil {
		return model.ServerIdentity{}, f.notServer(target, path, "no JSON system information with Id and Version", err)
	}
	if actual := DetectKind(info); actual != "" && actual != f.Kind() {
		return model.ServerIdentity{}, mediaserver.WrongKind(actual, f.Kind())
	}
	product := info.ProductName
	if product == "" {
		product = f.defaultProduct()
	}
	return model.ServerIdentity{
		Kind:      f.Kind(),
		Name:      info.ServerName,
		Version:   info.Version,
		MachineID: info.ID,
		Product:   product,
	}, nil
}

// PublicKind asks the unauthenticated GET /System/Info/Public (and its /emby
// form) and reports whether the server is Jellyfin or Emby. It is used to
// explain a failure with a server of another kind.
func PublicKind(ctx context.Context, client *http.Client, base *url.URL) (model.ServerKind, bool) {
	resp, _, err := getInfo(ctx, client, base, Emby.infoPaths(base, true), http.Header{"Accept": {"application/json"}})
	if err != nil || resp.StatusCode != http.StatusOK {
		return "", false
	}
	info, err := ParseSystemInfo(resp.Body)
	if err != nil {
		return "", false
	}
	kind := DetectKind(info)
	return kind, kind != ""
}

// getInfo asks each path in turn while the answer is 404 and returns the
// last answer with the path that gave it.
func getInfo(ctx context.Context, client *http.Client, base *url.URL, paths []string, header http.Header) (*mediaserver.Response, string, error) {
	var (
		resp *mediaserver.Response
		path string
		err  error
	)
	for _, path = range paths {
		resp, err = mediaserver.Get(ctx, client, mediaserver.ResolvePath(base, path), header)
		if err != nil || resp.StatusCode != http.StatusNotFound {
			break
		}
	}
	return resp, path, err
}

func (f Flavor) notServer(target, path, detail string, cause error) *mediaserver.Error {
	return &mediaserver.Error{
		Reason: mediaserver.ReasonNotMediaServer,
		Message: fmt.Sprintf("%s answered %s, but not like %s server (%s). "+
			"Check the address and port; %s listens on 8096 (http) or 8920 (https) by default.",
			target, path, withArticle(f.name()), detail, f.name()),
		Err: cause,
	}
}

func withArticle(name string) string {
	if name == "Emby" {
		return "an " + name
	}
	return "a " + name
}

func unauthorized(msg string) *mediaserver.Error {
	return &mediaserver.Error{Reason: mediaserver.ReasonUnauthorized, Message: msg}
}
