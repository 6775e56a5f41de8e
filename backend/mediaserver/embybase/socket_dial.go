package embybase

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/gorilla/websocket"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// socketURL is where the websocket lives. Jellyfin accepts the upgrade on
// /socket with the Authorization header (its legacy query parameters are
// off by default since 12.0). Emby uses /embywebsocket with the key and
// device id in the query.
func (c *Client) socketURL(root *url.URL) (string, string) {
	u := *root
	u.Scheme = "ws"
	if root.Scheme == "https" {
		u.Scheme = "wss"
	}
	path := "/socket"
	if c.flavor == Emby {
		path = "/embywebsocket"
		u.RawQuery = url.Values{"api_key": {c.token}, "deviceId": {c.ident.ID}}.Encode()
	}
	u.Path = root.Path + path
	if root.RawPath != "" {
		u.RawPath = root.RawPath + path
	}
	return u.String(), path
}

// dial opens the websocket, authenticated like every other request.
func (c *Client) dial(ctx context.Context) (*websocket.Conn, error) {
	root, err := c.apiRoot(ctx)
	if err != nil {
		return nil, err
	}
	rawURL, path := c.socketURL(root)
	// The dialer honours only the deadline of ctx, not its cancellation,
	// once connected: cut the connection's deadline short when ctx ends
	// during the handshake. NetDialContext runs on this goroutine.
	var stops []func() bool
	dialer := websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		TLSClientConfig:  c.tlsConfig(),
		HandshakeTimeout: c.opts.Timeout,
		NetDialContext: func(dialCtx context.Context, network, addr string) (net.Conn, error) {
			nd := net.Dialer{Timeout: c.opts.Timeout, KeepAlive: 30 * time.Second}
			conn, err := nd.DialContext(dialCtx, network, addr)
			if err != nil {
				return nil, err
			}
			stops = append(stops, context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) }))
			return conn, nil
		},
	}
	conn, resp, err := dialer.DialContext(ctx, rawURL, c.flavor.Header(c.ident, c.token))
	for _, stop := range stops {
		stop()
	}
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	if err == nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			_ = conn.Close()
			return nil, ctxErr
		}
		return conn, nil
	}
	if errors.Is(err, websocket.ErrBadHandshake) && resp != nil {
		return nil, c.upgradeError(resp.StatusCode, path)
	}
	return nil, c.transportError(ctx, err)
}

// upgradeError explains a server that answered the upgrade with a plain
// HTTP status.
func (c *Client) upgradeError(status int, path string) error {
	if status == http.StatusSwitchingProtocols || (status >= 200 && status < 300) {
		return &mediaserver.Error{
			Reason: mediaserver.ReasonNotMediaServer,
			Message: fmt.Sprintf("%s answered %s without opening a websocket (HTTP %d). "+
				"If a reverse proxy is in front of the server, let it pass websocket upgrades.", c.target, path, status),
		}
	}
	return c.checkStatus(status, path)
}

// tlsConfig matches the HTTP client's settings, so the websocket honours
// the same Verify TLS choice. It is built afresh rather than copied from the
// HTTP transport, which adds HTTP/2 to its ALPN list: a websocket upgrade
// needs HTTP/1.1.
func (c *Client) tlsConfig() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		// The user turned verification off for this server (self-signed
		// certificates on a home network); the UI warns about it.
		InsecureSkipVerify: !c.verifyTLS, //nolint:gosec // explicit per-server user choice
	}
}
