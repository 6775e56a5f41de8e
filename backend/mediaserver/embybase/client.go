package embybase

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Defaults for the zero values of Options.
const (
	DefaultKeepAlive   = 30 * time.Second
	DefaultIdleTimeout = 90 * time.Second
	// maxBodySize caps a session list, user list or library list; a busy
	// server's /Sessions answer is a few hundred KiB.
	maxBodySize = 16 << 20
	// maxMessageSize caps one websocket message.
	maxMessageSize = 16 << 20
)

// Options are the optional settings of a Client.
type Options struct {
	// Timeout bounds each HTTP request and the websocket handshake
	// (mediaserver.DefaultTimeout, 10 s, when zero).
	Timeout time.Duration
	// KeepAlive is how often Subscribe sends KeepAlive (30 s when zero).
	KeepAlive time.Duration
	// IdleTimeout ends Subscribe with an error when the server sends
	// nothing for this long (90 s when zero).
	IdleTimeout time.Duration
	// Now stamps ObservedAt on the sessions returned (time.Now when nil).
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = mediaserver.DefaultTimeout
	}
	if o.KeepAlive <= 0 {
		o.KeepAlive = DefaultKeepAlive
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Client talks to one Jellyfin or Emby server for live monitoring. It is
// safe for concurrent use.
type Client struct {
	flavor Flavor
	base   *url.URL
	target string
	token  string
	ident  mediaserver.ClientIdentity
	opts   Options
	http   *http.Client
	// verifyTLS is the user's choice for this server's certificate.
	verifyTLS bool

	mu   sync.Mutex
	root *url.URL // where the API lives; nil until detected
}

// The capabilities the client provides.
var (
	_ mediaserver.SessionLister      = (*Client)(nil)
	_ mediaserver.RealtimeSubscriber = (*Client)(nil)
	_ mediaserver.Terminator         = (*Client)(nil)
	_ mediaserver.UserLister         = (*Client)(nil)
	_ mediaserver.LibraryLister      = (*Client)(nil)
)

// New returns a client for the server at ep, authenticating with ep.Token
// as an API key. The flavor decides the protocol details; ep.Kind, when
// set, must agree with it. It fails with a *mediaserver.Error when the URL
// or the key cannot be used. No request is made until the first call.
func New(f Flavor, ep mediaserver.Endpoint, ident mediaserver.ClientIdentity, opts Options) (*Client, error) {
	if f != Jellyfin && f != Emby {
		return nil, fmt.Errorf("creating client: unknown flavor %d", int(f))
	}
	if ep.Kind != "" && ep.Kind != f.Kind() {
		return nil, fmt.Errorf("creating %s client: endpoint is of kind %q", f.name(), string(ep.Kind))
	}
	base, err := mediaserver.ParseBaseURL(ep.URL)
	if err != nil {
		return nil, err
	}
	if err := mediaserver.CheckToken(ep.Token); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	return &Client{
		flavor: f,
		base:   base,
		target: mediaserver.HostPort(base),
		token:  ep.Token,
		ident:  ident.WithDefaults(),
		opts:   opts,
		http:   mediaserver.NewHTTPClient(ep.VerifyTLS, opts.Timeout),

		verifyTLS: ep.VerifyTLS,
	}, nil
}

// CloseIdleConnections closes the kept-alive HTTP connections, for when the
// server is removed or the app shuts down.
func (c *Client) CloseIdleConnections() {
	c.http.CloseIdleConnections()
}

// Flavor is the server flavor the client speaks.
func (c *Client) Flavor() Flavor {
	return c.flavor
}

// stamp sets ObservedAt on every session.
func (c *Client) stamp(list []model.LiveSession) {
	now := c.opts.Now()
	for i := range list {
		list[i].ObservedAt = now
	}
}
