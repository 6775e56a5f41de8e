package plex_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
)

const (
	pingFrame    = "event: ping\ndata: {}\n\n"
	playingFrame = "event: playing\ndata: {\"PlaySessionStateNotification\":{\"sessionKey\":\"45\"," +
		"\"clientIdentifier\":\"4b45-8fb1\",\"guid\":\"\",\"ratingKey\":\"217468\",\"url\":\"\"," +
		"\"key\":\"/library/metadata/217448\",\"viewOffset\":26530,\"state\":\"paused\"}}\n\n"
)

// eventStream is a Plex event stream handler: it writes and flushes each
// chunk sent on its channel, and ends the answer when the channel closes.
type eventStream struct {
	chunks chan string
}

func newEventStream() *eventStream {
	return &eventStream{chunks: make(chan string)}
}

func (s *eventStream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	flusher := w.(http.Flusher)
	flusher.Flush()
	for {
		select {
		case chunk, ok := <-s.chunks:
			if !ok {
				return
			}
			_, _ = w.Write([]byte(chunk))
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

// send hands chunks to the handler, failing the test if it is not reading.
func (s *eventStream) send(t *testing.T, chunks ...string) {
	t.Helper()
	for _, c := range chunks {
		select {
		case s.chunks <- c:
		case <-time.After(5 * time.Second):
			t.Fatal("the event stream handler is not running")
		}
	}
}

// subscribe runs Subscribe in the background; the result arrives on the
// returned channel and handled counts the updates.
func subscribe(ctx context.Context, c *plex.Client, updates chan<- mediaserver.Update) <-chan error {
	done := make(chan error, 1)
	go func() {
		done <- c.Subscribe(ctx, func(u mediaserver.Update) {
			if updates != nil {
				updates <- u
			}
		})
	}()
	return done
}

func wait(t *testing.T, done <-chan error, within time.Duration) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(within):
		t.Fatalf("Subscribe did not return within %s", within)
		return nil
	}
}

func TestSubscribe(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })

	stream := newEventStream()
	srv := plexServer(t, map[string]http.Handler{"/:/eventsource/notifications": stream})
	c := newClient(t, srv.URL, plex.Options{StreamIdleTimeout: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	updates := make(chan mediaserver.Update, 10)
	done := subscribe(ctx, c, updates)

	stream.send(t,
		": hello\n\n",
		pingFrame,
		playingFrame,
		"this line is garbage\n\n",
		"event: playing\ndata: {not json\n\n",
		"event: playing\ndata: {\"ActivityNotification\":{}}\n\n",
		"event: activity\ndata: {\"ActivityNotification\":{\"event\":\"updated\"}}\n\n",
		// One frame split across writes, mid-field and mid-line.
		"event: play", "ing\ndata: {\"PlaySess", "ionStateNotification\":{\"sessionKey\":\"46\",\"state\":\"playing\"}}\n", "\n",
		pingFrame,
	)
	for range 3 { // one when the stream opens, one per playing event
		select {
		case u := <-updates:
			assert.Equal(t, mediaserver.Update{Complete: false}, u)
		case <-time.After(5 * time.Second):
			t.Fatal("no update for a playing event")
		}
	}
	stream.send(t, pingFrame) // everything before it has been read
	assert.Empty(t, updates, "only playing events with a notification are delivered")

	start := time.Now()
	cancel()
	require.NoError(t, wait(t, done, 2*time.Second))
	assert.Less(t, time.Since(start), time.Second)

	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "/:/eventsource/notifications", reqs[0].Path)
	assert.Equal(t, "filters=playing", reqs[0].Query)
	assert.Equal(t, token, reqs[0].Header.Get("X-Plex-Token"))
	assert.Equal(t, "text/event-stream", reqs[0].Header.Get("Accept"))
	assert.Equal(t, "install-42", reqs[0].Header.Get("X-Plex-Client-Identifier"))
}

func TestSubscribeStreamEnds(t *testing.T) {
	t.Run("server closes", func(t *testing.T) {
		stream := newEventStream()
		srv := plexServer(t, map[string]http.Handler{"/:/eventsource/notifications": stream})
		updates := make(chan mediaserver.Update, 10)
		done := subscribe(context.Background(), newClient(t, srv.URL, plex.Options{}), updates)
		stream.send(t, pingFrame, playingFrame)
		close(stream.chunks)
		err := wait(t, done, 5*time.Second)
		assertReason(t, err, mediaserver.ReasonUnreachable, "closed the event stream")
		assert.Contains(t, err.Error(), "following plex events: ")
		assert.Len(t, updates, 2, "one when the stream opened, one for the playing event")
	})
	t.Run("silent stream", func(t *testing.T) {
		stream := newEventStream()
		srv := plexServer(t, map[string]http.Handler{"/:/eventsource/notifications": stream})
		start := time.Now()
		done := subscribe(context.Background(), newClient(t, srv.URL, plex.Options{StreamIdleTimeout: 200 * time.Millisecond}), nil)
		err := wait(t, done, 5*time.Second)
		assertReason(t, err, mediaserver.ReasonTimeout, "sent nothing for 200ms")
		assert.GreaterOrEqual(t, time.Since(start), 200*time.Millisecond)
		assert.Less(t, time.Since(start), 2*time.Second)
	})
	t.Run("pings keep it alive", func(t *testing.T) {
		stream := newEventStream()
		srv := plexServer(t, map[string]http.Handler{"/:/eventsource/notifications": stream})
		done := subscribe(context.Background(), newClient(t, srv.URL, plex.Options{StreamIdleTimeout: 200 * time.Millisecond}), nil)
		for range 8 {
			stream.send(t, pingFrame)
			time.Sleep(80 * time.Millisecond)
		}
		close(stream.chunks)
		assertReason(t, wait(t, done, 5*time.Second), mediaserver.ReasonUnreachable, "closed the event stream")
	})
	t.Run("a slow handler is not silence", func(t *testing.T) {
		stream := newEventStream()
		srv := plexServer(t, map[string]http.Handler{"/:/eventsource/notifications": stream})
		c := newClient(t, srv.URL, plex.Options{StreamIdleTimeout: 200 * time.Millisecond})
		var handled atomic.Int32
		done := make(chan error, 1)
		go func() {
			done <- c.Subscribe(context.Background(), func(mediaserver.Update) {
				handled.Add(1)
				time.Sleep(400 * time.Millisecond)
			})
		}()
		stream.send(t, playingFrame, playingFrame)
		close(stream.chunks)
		assertReason(t, wait(t, done, 5*time.Second), mediaserver.ReasonUnreachable, "closed the event stream")
		assert.Equal(t, int32(3), handled.Load(), "the opening update and two playing events")
	})
}

func TestSubscribeFailures(t *testing.T) {
	tests := []struct {
		name    string
		handler http.Handler
		tok     string
		reason  mediaserver.Reason
		message string
	}{
		{"token rejected", newEventStream(), "wrong-token", mediaserver.ReasonUnauthorized, "rejected the token (HTTP 401)"},
		{"forbidden", fake.Status(http.StatusForbidden, "", nil), token, mediaserver.ReasonUnauthorized, "HTTP 403"},
		{"no event stream", nil, token, mediaserver.ReasonServerError, "no event stream"},
		{"server error", fake.Status(http.StatusBadGateway, "", nil), token, mediaserver.ReasonServerError, "HTTP 502"},
		{"not an event stream", fake.Status(http.StatusOK, "text/html", []byte("<html></html>")), token,
			mediaserver.ReasonNotMediaServer, `"text/html" instead of an event stream`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := plexServer(t, map[string]http.Handler{"/:/eventsource/notifications": tt.handler})
			c, err := plex.New(mediaserver.Endpoint{URL: srv.URL, Token: tt.tok}, ident, plex.Options{})
			require.NoError(t, err)
			t.Cleanup(c.CloseIdleConnections)
			err = c.Subscribe(context.Background(), func(mediaserver.Update) { t.Error("no update expected") })
			assertReason(t, err, tt.reason, tt.message)
			fake.AssertNoSecret(t, err, tt.tok)
		})
	}
}

func TestSubscribeNeverConnects(t *testing.T) {
	t.Run("never answers", func(t *testing.T) {
		c := newClient(t, "http://"+fake.Hold(t), plex.Options{Timeout: 200 * time.Millisecond})
		err := wait(t, subscribe(context.Background(), c, nil), 5*time.Second)
		assertReason(t, err, mediaserver.ReasonTimeout, "did not answer within 200ms")
	})
	t.Run("refused", func(t *testing.T) {
		c := newClient(t, "http://"+fake.ClosedPort(t), plex.Options{})
		assertReason(t, c.Subscribe(context.Background(), nil), mediaserver.ReasonUnreachable, "refused")
	})
	t.Run("cancelled while connecting", func(t *testing.T) {
		c := newClient(t, "http://"+fake.Hold(t), plex.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		done := subscribe(ctx, c, nil)
		time.Sleep(50 * time.Millisecond)
		cancel()
		require.NoError(t, wait(t, done, 2*time.Second))
	})
}
