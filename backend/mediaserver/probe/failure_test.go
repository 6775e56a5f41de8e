package probe_test

import (
	"context"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/model"
)

func TestIdentifyTimeout(t *testing.T) {
	for name, kc := range kindCases() {
		t.Run(name, func(t *testing.T) {
			addr := fake.Hold(t)
			noLeak := goroutinesSettle(t)

			start := time.Now()
			_, err := newProber(300*time.Millisecond).Identify(context.Background(), mediaserver.Endpoint{
				Kind: kc.kind, URL: "http://" + addr, Token: token,
			})
			requireReason(t, err, mediaserver.ReasonTimeout, "did not answer within 300ms")
			assert.Less(t, time.Since(start), 2*time.Second)
			noLeak()
		})
	}
}

func TestIdentifyCallerCancels(t *testing.T) {
	addr := fake.Hold(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := newProber(5*time.Second).Identify(ctx, mediaserver.Endpoint{Kind: model.KindPlex, URL: "http://" + addr, Token: token})
	requireReason(t, err, mediaserver.ReasonTimeout, "cancelled")
}

func TestIdentifyUnreachable(t *testing.T) {
	closed := fake.ClosedPort(t)
	tests := []struct {
		name    string
		url     string
		message string
	}{
		{"closed port", "http://" + closed, "Connection refused by " + closed + ". Is the server running and is the port right?"},
		{"unknown host", "http://streamwarden-test.invalid:32400", `"streamwarden-test.invalid"`},
	}
	for name, kc := range kindCases() {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				_, err := newProber(3*time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: kc.kind, URL: tt.url, Token: token})
				requireReason(t, err, mediaserver.ReasonUnreachable, tt.message)
			})
		}
	}
}

func TestIdentifyInvalidInput(t *testing.T) {
	urls := []string{"", "not a url", "ftp://x", "http://", "http://h:99999", "http://user:pw@h", "\x00\xff\xfe garbage \x1b", "http://h/?X-Plex-Token=" + token}
	for name, kc := range kindCases() {
		for _, raw := range urls {
			t.Run(name+"/"+raw, func(t *testing.T) {
				_, err := newProber(time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: kc.kind, URL: raw, Token: token})
				requireReason(t, err, mediaserver.ReasonInvalidURL)
			})
		}
		t.Run(name+"/token with a line break", func(t *testing.T) {
			_, err := newProber(time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: kc.kind, URL: "http://127.0.0.1:1", Token: "abc\r\ndef"})
			requireReason(t, err, mediaserver.ReasonUnauthorized, "line breaks")
		})
	}
	_, err := newProber(time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: "kodi", URL: "http://127.0.0.1:1"})
	requireReason(t, err, mediaserver.ReasonWrongKind, `Unknown server type "kodi"`)
}

func TestIdentifyWrongKind(t *testing.T) {
	cases := kindCases()
	for actualName, actual := range cases {
		for configuredName, configured := range cases {
			if actualName == configuredName {
				continue
			}
			t.Run(actualName+" configured as "+configuredName, func(t *testing.T) {
				srv := fake.Start(t, actual.server(token))
				_, err := newProber(2*time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: configured.kind, URL: srv.URL, Token: token})
				e := requireReason(t, err, mediaserver.ReasonWrongKind)
				assert.Equal(t, mediaserver.WrongKind(actual.kind, configured.kind).Message, e.Message)
			})
		}
	}
}

func TestIdentifyServerFailures(t *testing.T) {
	tests := []struct {
		name    string
		handler func(kc kindCase) http.Handler
		reason  mediaserver.Reason
		message string
	}{
		{"bad token", func(kc kindCase) http.Handler { return kc.server("the-right-token") }, mediaserver.ReasonUnauthorized, "(HTTP 401)"},
		{"html page", func(kindCase) http.Handler {
			return fake.Status(http.StatusOK, "text/html", fake.Fixture("router_login.html"))
		}, mediaserver.ReasonNotMediaServer, "but not like"},
		{"json of another service", func(kindCase) http.Handler {
			return fake.Status(http.StatusOK, "application/json", fake.Fixture("other_service.json"))
		}, mediaserver.ReasonNotMediaServer, "but not like"},
		{"404 everywhere", func(kindCase) http.Handler { return http.NotFoundHandler() }, mediaserver.ReasonNotMediaServer, "(HTTP 404)"},
		{"500", func(kindCase) http.Handler { return fake.Status(http.StatusInternalServerError, "", nil) }, mediaserver.ReasonServerError, "HTTP 500"},
		{"oversized body", func(kindCase) http.Handler { return fake.Oversized{Size: 50 << 20} }, mediaserver.ReasonNotMediaServer, "more than 1 MiB"},
	}
	for name, kc := range kindCases() {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				srv := fake.Start(t, tt.handler(kc))
				_, err := newProber(2*time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: kc.kind, URL: srv.URL, Token: token})
				requireReason(t, err, tt.reason, tt.message)
			})
		}
	}
}

// goroutinesSettle records the goroutine count; the returned func fails the
// test if, after a grace period, more goroutines are running than before.
func goroutinesSettle(t *testing.T) func() {
	t.Helper()
	before := runtime.NumGoroutine()
	return func() {
		t.Helper()
		deadline := time.Now().Add(3 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Errorf("%d goroutines before, %d after:\n%s", before, n, buf)
		}
	}
}
