package mediaserver

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Endpoint is how to reach one media server: its kind, base URL, token (Plex)
// or API key (Jellyfin, Emby), and whether its TLS certificate is checked.
type Endpoint struct {
	Kind      model.ServerKind
	URL       string
	Token     string
	VerifyTLS bool
}

// exampleURL is shown in messages about malformed addresses.
const exampleURL = "http://192.168.1.10:32400"

// ParseBaseURL checks a user-entered server address and returns it without a
// trailing slash. Failures are *Error with ReasonInvalidURL. Messages never
// echo the raw input, which may hold a pasted token.
func ParseBaseURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, invalidURL("Enter the server address, for example " + exampleURL + ".")
	}
	if strings.IndexFunc(raw, isControlOrSpace) >= 0 {
		return nil, invalidURL("The address contains spaces or control characters. Enter it as, for example, " + exampleURL + ".")
	}
	if !strings.Contains(raw, "://") {
		return nil, invalidURL("The address must start with http:// or https://, for example " + exampleURL + ".")
	}
	u, err := url.Parse(raw)
	if err != nil {
		// The parser's error quotes the raw input, so it is not kept.
		return nil, invalidURL("The address is not a valid URL. Enter it as, for example, " + exampleURL + ".")
	}
	if err := checkURLParts(u, raw); err != nil {
		return nil, err
	}
	base := &url.URL{
		Scheme:  u.Scheme,
		Host:    u.Host,
		Path:    strings.TrimRight(u.Path, "/"),
		RawPath: strings.TrimRight(u.RawPath, "/"),
	}
	return base, nil
}

// checkURLParts rejects the parts of a parsed URL a base address must not have.
func checkURLParts(u *url.URL, raw string) error {
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return invalidURL("Only http:// and https:// addresses are supported.")
	case u.Opaque != "":
		return invalidURL("The address must look like " + exampleURL + " (scheme, then //, then the host).")
	case u.User != nil:
		return invalidURL("The address must not contain a user name or password (user:password@). Enter the token in the token field instead.")
	case u.RawQuery != "" || u.ForceQuery:
		return invalidURL("The address must not contain a query (the part after ?). Enter the token in the token field instead.")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return invalidURL("The address must not contain a fragment (the part after #).")
	case u.Hostname() == "":
		return invalidURL("The address has no host name. Enter it as, for example, " + exampleURL + ".")
	}
	if strings.HasSuffix(u.Host, ":") {
		return invalidURL("The address has a colon but no port number after the host.")
	}
	if port := u.Port(); port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return invalidURL("The port must be a number from 1 to 65535.")
		}
	}
	return nil
}

// ResolvePath returns the URL of path (which starts with "/") below base.
func ResolvePath(base *url.URL, path string) string {
	u := *base
	u.Path = base.Path + path
	if base.RawPath != "" {
		u.RawPath = base.RawPath + path
	}
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	return u.String()
}

// HostPort returns host:port of u, filling in the scheme's default port, for
// messages such as "Connection refused by 127.0.0.1:32400".
func HostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func isControlOrSpace(r rune) bool {
	return r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == '\uFFFD'
}

func invalidURL(msg string) *Error {
	return &Error{Reason: ReasonInvalidURL, Message: msg}
}
