package mediaserver

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

const (
	// DefaultTimeout bounds a whole connection test when none is configured.
	DefaultTimeout = 10 * time.Second
	// maxRedirects is how many redirects a request may follow.
	maxRedirects = 3
)

// NewHTTPClient returns a client for talking to one media server. Every
// phase (dial, TLS handshake, waiting for headers) and the whole request are
// bounded by timeout (DefaultTimeout when timeout <= 0). It follows at most
// three redirects, and only to the same host name without leaving https, because
// Plex and Emby tokens travel in custom headers that Go would forward.
// Certificates are verified unless verifyTLS is false.
func NewHTTPClient(verifyTLS bool, timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:       http.ProxyFromEnvironment,
		DialContext: dialer.DialContext,
		TLSClientConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			// The user turned verification off for this server (self-signed
			// certificates on a home network); the UI warns about it.
			InsecureSkipVerify: !verifyTLS, //nolint:gosec // explicit per-server user choice
		},
		TLSHandshakeTimeout:    timeout,
		ResponseHeaderTimeout:  timeout,
		ExpectContinueTimeout:  time.Second,
		IdleConnTimeout:        90 * time.Second,
		MaxIdleConns:           4,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	return &http.Client{
		Transport:     transport,
		Timeout:       timeout,
		CheckRedirect: checkRedirect,
	}
}

// checkRedirect allows a few redirects on the same host and refuses the rest
// with an *Error that says what to change.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return &Error{
			Reason: ReasonServerError,
			Message: fmt.Sprintf("The server redirected more than %d times. "+
				"Enter the media server's own address, not a login page or portal.", maxRedirects),
		}
	}
	first := via[0].URL
	if !strings.EqualFold(first.Hostname(), req.URL.Hostname()) {
		return &Error{
			Reason: ReasonServerError,
			Message: fmt.Sprintf("The server redirected to another host (%s). "+
				"Enter that address instead; Streamwarden does not send the token to a different host.", req.URL.Hostname()),
		}
	}
	if first.Scheme == "https" && req.URL.Scheme != "https" {
		return &Error{
			Reason:  ReasonServerError,
			Message: "The server redirected from https to plain http. Streamwarden does not send the token unencrypted after a redirect; check the server's or proxy's settings.",
		}
	}
	return nil
}
