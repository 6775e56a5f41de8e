package mediaserver

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// turnOffVerifyHint ends every message about an untrusted certificate.
const turnOffVerifyHint = "Turn off 'Verify TLS' only if you trust this network."

// Classify turns an error from an HTTP round trip to target (host:port) into
// an *Error with a reason and a message a user can act on. timeout is the
// limit that was in force, for the message; an *Error anywhere in err's chain
// is returned as it is.
func Classify(err error, target string, timeout time.Duration) *Error {
	if err == nil {
		return nil
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e
	}
	if dnsErr, ok := errors.AsType[*net.DNSError](err); ok {
		return classifyDNS(dnsErr, err)
	}
	if isTimeout(err) {
		msg := fmt.Sprintf("The server at %s did not answer in time.", target)
		if timeout > 0 {
			msg = fmt.Sprintf("The server at %s did not answer within %s.", target, timeout)
		}
		return &Error{
			Reason:  ReasonTimeout,
			Message: msg + " Check the address and port, and that no firewall or proxy is holding the connection.",
			Err:     err,
		}
	}
	if errors.Is(err, context.Canceled) {
		return &Error{Reason: ReasonTimeout, Message: "The connection test was cancelled before the server answered.", Err: err}
	}
	if e := classifyTLS(err); e != nil {
		return e
	}
	return classifyNet(err, target)
}

func classifyDNS(dnsErr *net.DNSError, err error) *Error {
	var msg string
	switch {
	case dnsErr.IsNotFound:
		msg = fmt.Sprintf("The host name %q could not be found. Check the spelling of the address.", dnsErr.Name)
	case dnsErr.IsTimeout:
		msg = fmt.Sprintf("Looking up the host name %q timed out. Check this machine's network and DNS settings.", dnsErr.Name)
	default:
		msg = fmt.Sprintf("The host name %q could not be resolved (%s). Check the address and this machine's DNS settings.", dnsErr.Name, dnsErr.Err)
	}
	return &Error{Reason: ReasonUnreachable, Message: msg, Err: err}
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	netErr, ok := errors.AsType[net.Error](err)
	return ok && netErr.Timeout()
}

// classifyTLS recognises certificate and handshake failures; it returns nil
// for anything else.
func classifyTLS(err error) *Error {
	tlsErr := func(msg string) *Error { return &Error{Reason: ReasonTLS, Message: msg, Err: err} }
	if e, ok := errors.AsType[x509.UnknownAuthorityError](err); ok {
		return tlsErr(fmt.Sprintf("TLS certificate not trusted: %s. %s", e.Error(), turnOffVerifyHint))
	}
	if e, ok := errors.AsType[x509.HostnameError](err); ok {
		return tlsErr(fmt.Sprintf("The TLS certificate does not match the address: %s. "+
			"Use the host name the certificate was issued for. %s", e.Error(), turnOffVerifyHint))
	}
	if e, ok := errors.AsType[x509.CertificateInvalidError](err); ok {
		return tlsErr(fmt.Sprintf("The TLS certificate is not valid: %s. Renew or replace it. %s", e.Error(), turnOffVerifyHint))
	}
	if e, ok := errors.AsType[*tls.CertificateVerificationError](err); ok {
		return tlsErr(fmt.Sprintf("The TLS certificate was rejected: %s. %s", e.Err, turnOffVerifyHint))
	}
	plainHTTP := strings.Contains(err.Error(), "server gave HTTP response to HTTPS client")
	if _, ok := errors.AsType[tls.RecordHeaderError](err); ok || plainHTTP {
		return tlsErr("The server does not speak TLS on this port. If it serves plain HTTP, use an http:// address.")
	}
	if e, ok := errors.AsType[tls.AlertError](err); ok {
		return tlsErr(fmt.Sprintf("The TLS handshake failed: the server sent %s. Check the server's TLS settings.", e.Error()))
	}
	if text := causeText(err); strings.Contains(text, "tls:") || strings.Contains(text, "x509:") {
		return tlsErr(fmt.Sprintf("The TLS handshake failed: %s. Check that this port serves HTTPS.", text))
	}
	return nil
}

// classifyNet handles connection failures that are neither timeouts nor TLS.
func classifyNet(err error, target string) *Error {
	text := causeText(err)
	lower := strings.ToLower(text)
	var msg string
	switch {
	case errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(lower, "refused"):
		msg = fmt.Sprintf("Connection refused by %s. Is the server running and is the port right?", target)
	case errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH) ||
		strings.Contains(lower, "no route to host") || strings.Contains(lower, "network is unreachable"):
		msg = fmt.Sprintf("There is no network route to %s. Check the address, and that this machine can reach that network (VPN, Docker network, firewall).", target)
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.Contains(lower, "connection reset"):
		msg = fmt.Sprintf("%s closed the connection without answering. Check the port, and whether the server expects https://.", target)
	default:
		msg = fmt.Sprintf("Could not connect to %s: %s. Check the address and that the server is running.", target, text)
	}
	return &Error{Reason: ReasonUnreachable, Message: msg, Err: err}
}

// causeText is the error's text without the `Get "URL": ` prefix url.Error adds.
func causeText(err error) string {
	if urlErr, ok := errors.AsType[*url.Error](err); ok && urlErr.Err != nil {
		return urlErr.Err.Error()
	}
	return err.Error()
}
