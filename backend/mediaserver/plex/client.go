package plex

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Defaults for the Options left zero.
const (
	// DefaultMaxBodyBytes caps a list answer. A busy server's session list
	// is a few hundred KiB.
	DefaultMaxBodyBytes = 16 << 20
	// DefaultStreamIdleTimeout is how long the event stream may stay silent.
	// Plex sends a ping about every 10 s.
	DefaultStreamIdleTimeout = 45 * time.Second
)

// Options are the optional settings of a Client.
type Options struct {
	// Timeout bounds each request (mediaserver.DefaultTimeout when zero).
	// The event stream has no overall limit; StreamIdleTimeout guards it.
	Timeout time.Duration
	// MaxBodyBytes caps the answers that list things (DefaultMaxBodyBytes
	// when zero).
	MaxBodyBytes int64
	// StreamIdleTimeout ends Subscribe with an error when no byte arrives
	// for this long (DefaultStreamIdleTimeout when zero).
	StreamIdleTimeout time.Duration
}

// Client talks to one Plex Media Server for live monitoring. It is safe
// for concurrent use. Errors it returns wrap a *mediaserver.Error; a
// rejected token is always mediaserver.ReasonUnauthorized. No error ever
// holds the token: it travels only in a header.
type Client struct {
	base    *url.URL
	token   string
	ident   mediaserver.ClientIdentity
	http    *http.Client
	stream  *http.Client
	timeout time.Duration
	maxBody int64
	idle    time.Duration
}

var (
	_ mediaserver.SessionLister      = (*Client)(nil)
	_ mediaserver.RealtimeSubscriber = (*Client)(nil)
	_ mediaserver.Terminator         = (*Client)(nil)
	_ mediaserver.UserLister         = (*Client)(nil)
	_ mediaserver.LibraryLister      = (*Client)(nil)
)

// New returns a client for the server at ep. It checks the address and
// token format but does not contact the server.
func New(ep mediaserver.Endpoint, ident mediaserver.ClientIdentity, opts Options) (*Client, error) {
	if ep.Kind != "" && ep.Kind != model.KindPlex {
		return nil, fmt.Errorf("creating plex client: the endpoint is a %q server", ep.Kind)
	}
	base, err := mediaserver.ParseBaseURL(ep.URL)
	if err != nil {
		return nil, fmt.Errorf("creating plex client: %w", err)
	}
	if err := mediaserver.CheckToken(ep.Token); err != nil {
		return nil, fmt.Errorf("creating plex client: %w", err)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = mediaserver.DefaultTimeout
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.StreamIdleTimeout <= 0 {
		opts.StreamIdleTimeout = DefaultStreamIdleTimeout
	}
	bounded := mediaserver.NewHTTPClient(ep.VerifyTLS, opts.Timeout)
	stream := *bounded
	stream.Timeout = 0
	return &Client{
		base:    base,
		token:   ep.Token,
		ident:   ident.WithDefaults(),
		http:    bounded,
		stream:  &stream,
		timeout: opts.Timeout,
		maxBody: opts.MaxBodyBytes,
		idle:    opts.StreamIdleTimeout,
	}, nil
}

// CloseIdleConnections closes the connections kept for reuse.
func (c *Client) CloseIdleConnections() {
	c.http.CloseIdleConnections()
}

// newRequest builds a GET for path and an encoded query with the Plex
// headers.
func (c *Client) newRequest(ctx context.Context, path, rawQuery string) (*http.Request, error) {
	target := mediaserver.ResolvePath(c.base, path)
	if rawQuery != "" {
		target += "?" + rawQuery
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, &mediaserver.Error{
			Reason:  mediaserver.ReasonInvalidURL,
			Message: "The server address cannot be used for a request. Check it for typing errors.",
			Err:     fmt.Errorf("building request for %s: %w", path, err),
		}
	}
	req.Header = Header(c.ident, c.token)
	return req, nil
}

// get sends a GET and reads at most limit bytes of the answer. Transport
// failures are classified; any status is returned for the caller to judge.
func (c *Client) get(ctx context.Context, path, rawQuery string, limit int64) (*mediaserver.Response, error) {
	req, err := c.newRequest(ctx, path, rawQuery)
	if err != nil {
		return nil, err
	}
	target := mediaserver.HostPort(req.URL)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, mediaserver.Classify(fmt.Errorf("requesting %s: %w", path, err), target, c.timeout)
	}
	defer resp.Body.Close()
	body, err := mediaserver.ReadBody(resp.Body, resp.ContentLength, limit)
	if errors.Is(err, mediaserver.ErrBodyTooLarge) {
		return nil, &mediaserver.Error{
			Reason: mediaserver.ReasonServerError,
			Message: fmt.Sprintf("%s sent more than %s in answer to %s, more than Streamwarden reads. "+
				"Check that the address points at the Plex Media Server itself.", target, sizeText(limit), path),
			Err: err,
		}
	}
	if err != nil {
		return nil, mediaserver.Classify(fmt.Errorf("reading the answer to %s: %w", path, err), target, c.timeout)
	}
	return &mediaserver.Response{
		StatusCode:  resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
	}, nil
}

// checkStatus accepts 2xx and turns the rest into an *mediaserver.Error;
// 401 and 403 mean the token is not (or no longer) good for this server.
func checkStatus(resp *mediaserver.Response, path string) error {
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		return nil
	case code == http.StatusUnauthorized:
		return tokenRejected(path)
	case code == http.StatusForbidden:
		return unauthorized(fmt.Sprintf("The token is not allowed to read %s (HTTP 403). Use the token of the server's owner.", path))
	default:
		return mediaserver.UnexpectedStatus(code, path)
	}
}

func tokenRejected(path string) *mediaserver.Error {
	return unauthorized(fmt.Sprintf("The server rejected the token (HTTP 401) when asked for %s. "+
		"Check the token; it may have been signed out or revoked.", path))
}

// unreadable describes a 200 answer that is not what was asked for.
func unreadable(path, what string, err error) *mediaserver.Error {
	switch {
	case errors.Is(err, errHTMLPage):
		return &mediaserver.Error{
			Reason: mediaserver.ReasonNotMediaServer,
			Message: fmt.Sprintf("The server answered %s with a web page instead of %s. "+
				"Check the address and port; a proxy or login page may be in the way.", path, what),
			Err: err,
		}
	case errors.Is(err, errEmptyBody):
		return &mediaserver.Error{
			Reason:  mediaserver.ReasonServerError,
			Message: fmt.Sprintf("The server answered %s with an empty body instead of %s.", path, what),
			Err:     err,
		}
	}
	return &mediaserver.Error{
		Reason:  mediaserver.ReasonServerError,
		Message: fmt.Sprintf("The server's answer to %s could not be read as %s: %v.", path, what, err),
		Err:     err,
	}
}

// sizeText writes a byte count for messages: "16 MiB", "512 KiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
