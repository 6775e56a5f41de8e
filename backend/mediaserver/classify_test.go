package mediaserver_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// timeoutErr is a net.Error that reports a timeout.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func urlErr(err error) error {
	return &url.Error{Op: "Get", URL: "http://10.0.0.2:32400/identity", Err: err}
}

func dialErr(err error) error {
	return urlErr(&net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 2), Port: 32400}, Err: err})
}

func TestClassify(t *testing.T) {
	own := &mediaserver.Error{Reason: mediaserver.ReasonServerError, Message: "mine"}
	tests := []struct {
		name    string
		err     error
		reason  mediaserver.Reason
		message string
	}{
		{"own error passes through", fmt.Errorf("wrapped: %w", urlErr(own)), mediaserver.ReasonServerError, "mine"},
		{"deadline", urlErr(context.DeadlineExceeded), mediaserver.ReasonTimeout, "did not answer within 10s"},
		{"net timeout", urlErr(timeoutErr{}), mediaserver.ReasonTimeout, "did not answer within 10s"},
		{"os deadline", dialErr(os.ErrDeadlineExceeded), mediaserver.ReasonTimeout, "10.0.0.2:32400 did not answer"},
		{"cancelled", urlErr(context.Canceled), mediaserver.ReasonTimeout, "cancelled"},
		{"refused", dialErr(os.NewSyscallError("connect", syscall.ECONNREFUSED)), mediaserver.ReasonUnreachable,
			"Connection refused by 10.0.0.2:32400. Is the server running and is the port right?"},
		{"refused text only", dialErr(errors.New("No connection could be made because the target machine actively refused it.")),
			mediaserver.ReasonUnreachable, "Connection refused"},
		{"no route", dialErr(os.NewSyscallError("connect", syscall.EHOSTUNREACH)), mediaserver.ReasonUnreachable, "no network route"},
		{"network unreachable", dialErr(os.NewSyscallError("connect", syscall.ENETUNREACH)), mediaserver.ReasonUnreachable, "no network route"},
		{"no such host", dialErr(&net.DNSError{Err: "no such host", Name: "plex.invalid", IsNotFound: true}),
			mediaserver.ReasonUnreachable, `"plex.invalid" could not be found`},
		{"dns timeout", dialErr(&net.DNSError{Err: "i/o timeout", Name: "plex.lan", IsTimeout: true}),
			mediaserver.ReasonUnreachable, "timed out"},
		{"dns other", dialErr(&net.DNSError{Err: "server misbehaving", Name: "plex.lan"}),
			mediaserver.ReasonUnreachable, "server misbehaving"},
		{"reset", urlErr(os.NewSyscallError("read", syscall.ECONNRESET)), mediaserver.ReasonUnreachable, "closed the connection"},
		{"eof", urlErr(io.EOF), mediaserver.ReasonUnreachable, "closed the connection"},
		{"unknown authority", urlErr(&tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}),
			mediaserver.ReasonTLS, "TLS certificate not trusted: x509: certificate signed by unknown authority. Turn off 'Verify TLS' only if you trust this network."},
		{"hostname", urlErr(x509.HostnameError{Certificate: &x509.Certificate{DNSNames: []string{"a.example"}}, Host: "b.example"}),
			mediaserver.ReasonTLS, "does not match the address"},
		{"expired", urlErr(x509.CertificateInvalidError{Reason: x509.Expired, Detail: "expired yesterday"}),
			mediaserver.ReasonTLS, "not valid"},
		{"other verification", urlErr(&tls.CertificateVerificationError{Err: errors.New("x509: too many intermediates")}),
			mediaserver.ReasonTLS, "rejected: x509: too many intermediates"},
		{"plain http on https", urlErr(tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}),
			mediaserver.ReasonTLS, "does not speak TLS"},
		{"http response to https client", urlErr(errors.New("http: server gave HTTP response to HTTPS client")),
			mediaserver.ReasonTLS, "use an http:// address"},
		{"alert", urlErr(tls.AlertError(40)), mediaserver.ReasonTLS, "handshake failure"},
		{"tls text", urlErr(errors.New("tls: protocol version not supported")), mediaserver.ReasonTLS, "protocol version not supported"},
		{"other", urlErr(errors.New("something odd")), mediaserver.ReasonUnreachable, "Could not connect to 10.0.0.2:32400: something odd."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mediaserver.Classify(tt.err, "10.0.0.2:32400", 10*time.Second)
			require.NotNil(t, got)
			assert.Equal(t, tt.reason, got.Reason)
			assert.Contains(t, got.Message, tt.message)
			assert.NotContains(t, got.Message, `Get "http`, "the url.Error prefix is noise for a user")
		})
	}
}

func TestClassifyKeepsCause(t *testing.T) {
	cause := x509.UnknownAuthorityError{}
	got := mediaserver.Classify(urlErr(&tls.CertificateVerificationError{Err: cause}), "h:1", time.Second)
	require.NotNil(t, got)
	var target x509.UnknownAuthorityError
	assert.True(t, errors.As(got, &target))
	assert.Nil(t, mediaserver.Classify(nil, "h:1", time.Second))
}

func TestClassifyWithoutTimeout(t *testing.T) {
	got := mediaserver.Classify(urlErr(context.DeadlineExceeded), "h:1", 0)
	assert.Contains(t, got.Message, "did not answer in time")
}
