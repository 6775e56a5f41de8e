package plex

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// eventsPath is Plex's server-sent event stream.
const eventsPath = "/:/eventsource/notifications"

// errStreamIdle ends a stream that stayed silent past the idle timeout.
var errStreamIdle = errors.New("event stream idle")

// Subscribe follows Plex's notifications and calls handle with an
// incomplete Update (list the sessions again) once when the stream opens
// and then for every playback event:
// start, pause, resume, stop, and the timeline a playing client reports
// about every 10 s. Other events and pings are ignored, as are malformed
// ones. It returns nil when ctx ends and an error when the stream cannot
// be opened, drops, or stays silent for the idle timeout; the caller
// reconnects with backoff.
func (c *Client) Subscribe(ctx context.Context, handle func(mediaserver.Update)) error {
	err := c.follow(ctx, handle)
	if ctx.Err() != nil {
		return nil
	}
	if err != nil {
		return fmt.Errorf("following plex events: %w", err)
	}
	return nil
}

func (c *Client) follow(ctx context.Context, handle func(mediaserver.Update)) error {
	streamCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	watchdog := time.AfterFunc(c.idle, func() { cancel(errStreamIdle) })
	defer watchdog.Stop()

	req, err := c.newRequest(streamCtx, eventsPath, "filters=playing")
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "text/event-stream")
	target := mediaserver.HostPort(req.URL)
	resp, err := c.stream.Do(req)
	if err != nil {
		return c.streamError(streamCtx, fmt.Errorf("opening %s: %w", eventsPath, err), target)
	}
	defer resp.Body.Close()
	if err := checkEventStream(resp); err != nil {
		return err
	}
	// Tell the caller the stream is up: it can count on realtime from now
	// and should list the sessions once, as events may have been missed.
	notify := func() {
		// The time handle takes is not silence on the stream.
		watchdog.Stop()
		if handle != nil {
			handle(mediaserver.Update{Complete: false})
		}
		watchdog.Reset(c.idle)
	}
	notify()
	events := newEventReader(&idleReader{r: resp.Body, watchdog: watchdog, idle: c.idle}, maxEventBytes)
	for {
		ev, err := events.Next()
		if err != nil {
			return c.streamError(streamCtx, fmt.Errorf("reading %s: %w", eventsPath, err), target)
		}
		if ev.Type != "playing" || !isPlayNotification(ev.Data) {
			continue
		}
		notify()
	}
}

// checkEventStream accepts a 200 text/event-stream answer.
func checkEventStream(resp *http.Response) error {
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusUnauthorized:
		return tokenRejected(eventsPath)
	case http.StatusForbidden:
		return unauthorized(fmt.Sprintf("The token is not allowed to read %s (HTTP 403). Use the token of the server's owner.", eventsPath))
	case http.StatusNotFound:
		return &mediaserver.Error{
			Reason: mediaserver.ReasonServerError,
			Message: fmt.Sprintf("The server has no event stream at %s (HTTP 404). "+
				"Update Plex Media Server; until then sessions are only polled.", eventsPath),
		}
	default:
		return mediaserver.UnexpectedStatus(resp.StatusCode, eventsPath)
	}
	mediaType, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil || mediaType != "text/event-stream" {
		return &mediaserver.Error{
			Reason: mediaserver.ReasonNotMediaServer,
			Message: fmt.Sprintf("The server answered %s with %q instead of an event stream. "+
				"Check the address; a proxy in front of Plex may not pass event streams through.",
				eventsPath, resp.Header.Get("Content-Type")),
		}
	}
	return nil
}

// streamError explains why the stream ended.
func (c *Client) streamError(streamCtx context.Context, err error, target string) error {
	switch {
	case errors.Is(context.Cause(streamCtx), errStreamIdle):
		return &mediaserver.Error{
			Reason: mediaserver.ReasonTimeout,
			Message: fmt.Sprintf("The event stream from %s sent nothing for %s, not even its regular ping. "+
				"The connection is treated as lost.", target, c.idle),
			Err: errStreamIdle,
		}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &mediaserver.Error{
			Reason:  mediaserver.ReasonUnreachable,
			Message: fmt.Sprintf("%s closed the event stream.", target),
			Err:     err,
		}
	}
	return mediaserver.Classify(err, target, c.timeout)
}

// isPlayNotification recognises the data of a playing event: one object
// keyed PlaySessionStateNotification, or the same inside a
// NotificationContainer as Plex's websocket sends it.
func isPlayNotification(data []byte) bool {
	var n playNotification
	if err := json.Unmarshal(data, &n); err != nil {
		return false
	}
	play := n.Play
	if play == nil && n.Container != nil {
		play = n.Container.Play
	}
	return len(play) > 0 && (play[0] == '{' || play[0] == '[')
}

// playNotification is the data of a playing event; only the presence of
// the notification matters, the sessions are listed again.
type playNotification struct {
	Play      json.RawMessage        `json:"PlaySessionStateNotification"`
	Container *playNotificationGroup `json:"NotificationContainer"`
}

type playNotificationGroup struct {
	Play json.RawMessage `json:"PlaySessionStateNotification"`
}

// idleReader pushes the watchdog back whenever bytes arrive.
type idleReader struct {
	r        io.Reader
	watchdog *time.Timer
	idle     time.Duration
}

func (ir *idleReader) Read(p []byte) (int, error) {
	n, err := ir.r.Read(p)
	if n > 0 {
		ir.watchdog.Reset(ir.idle)
	}
	return n, err
}
