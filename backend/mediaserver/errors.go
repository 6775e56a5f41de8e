package mediaserver

import (
	"errors"
	"net/url"
	"strings"
)

// Reason is a stable, machine-readable cause of a failed connection test.
// The frontend maps it to help text; the Error's Message carries the details.
type Reason string

const (
	// ReasonInvalidURL means the configured address cannot be used.
	ReasonInvalidURL Reason = "invalid_url"
	// ReasonUnreachable means no connection could be made (refused, no route,
	// unknown host, connection dropped).
	ReasonUnreachable Reason = "unreachable"
	// ReasonTimeout means the server did not answer in time.
	ReasonTimeout Reason = "timeout"
	// ReasonUnauthorized means the server rejected the token or API key.
	ReasonUnauthorized Reason = "unauthorized"
	// ReasonTLS means the TLS handshake or certificate check failed.
	ReasonTLS Reason = "tls"
	// ReasonNotMediaServer means something answered HTTP, but not a media
	// server of the configured kind.
	ReasonNotMediaServer Reason = "not_media_server"
	// ReasonWrongKind means the server is a media server of another kind.
	ReasonWrongKind Reason = "wrong_kind"
	// ReasonServerError means the server answered with a 5xx or another
	// status the check did not expect.
	ReasonServerError Reason = "server_error"
)

// Error is a failed connection test. Message is a complete sentence meant for
// the user; Err keeps the underlying cause for errors.Is and errors.As.
type Error struct {
	Reason  Reason
	Message string
	Err     error
}

// Error returns the user-facing message.
func (e *Error) Error() string {
	return e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error {
	return e.Err
}

// redactedMark replaces a secret in any text shown to a user or written to a log.
const redactedMark = "[REDACTED]"

// Redact returns s with every occurrence of each secret, raw and URL-escaped,
// replaced by a marker. Empty secrets are ignored.
func Redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if secret == "" {
			continue
		}
		s = strings.ReplaceAll(s, secret, redactedMark)
		if escaped := url.QueryEscape(secret); escaped != secret {
			s = strings.ReplaceAll(s, escaped, redactedMark)
		}
		if escaped := url.PathEscape(secret); escaped != secret {
			s = strings.ReplaceAll(s, escaped, redactedMark)
		}
	}
	return s
}

// RedactError returns err as an *Error whose message, and the text of every
// error it wraps, never contain any of the secrets. An error that is not an
// *Error becomes a ReasonServerError.
func RedactError(err error, secrets ...string) *Error {
	if err == nil {
		return nil
	}
	e, ok := errors.AsType[*Error](err)
	if !ok {
		e = &Error{Reason: ReasonServerError, Message: "The connection test failed: " + err.Error(), Err: err}
	}
	out := &Error{Reason: e.Reason, Message: Redact(e.Message, secrets...)}
	if e.Err != nil {
		out.Err = &redactedError{err: e.Err, text: Redact(e.Err.Error(), secrets...)}
	}
	return out
}

// redactedError shows the redacted text of the error it wraps while keeping
// it reachable for errors.Is and errors.As. It does not hold the secrets.
type redactedError struct {
	err  error
	text string
}

func (r *redactedError) Error() string {
	return r.text
}

func (r *redactedError) Unwrap() error {
	return r.err
}
