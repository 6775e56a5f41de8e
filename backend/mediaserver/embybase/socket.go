package embybase

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/gorilla/websocket"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// closeGrace bounds the goodbye: the close frame and the wait for the
// server's answer to it.
const closeGrace = time.Second

// Subscribe opens the server's websocket, asks for session lists, calls
// handle once with an incomplete Update as soon as the connection is up
// (so the caller resyncs), and then with every list the server pushes
// (Complete is true). It answers ForceKeepAlive by asking for sessions
// again and sending KeepAlive, and sends KeepAlive every Options.KeepAlive
// as well. Other message types, and messages it cannot read, are skipped.
//
// It returns nil when ctx ends, after closing the socket cleanly, and an
// error when the connection cannot be opened, drops, or stays silent for
// Options.IdleTimeout. It does not reconnect: that is the caller's job.
// No goroutine it started outlives it.
func (c *Client) Subscribe(ctx context.Context, handle func(mediaserver.Update)) error {
	conn, err := c.dial(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return c.scrub(fmt.Errorf("opening the %s websocket: %w", c.flavor.name(), err))
	}
	conn.SetReadLimit(maxMessageSize)
	conn.SetPingHandler(c.pingHandler(conn))

	frames := make(chan []byte)
	readErr := make(chan error, 1)
	stop := make(chan struct{})
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		readErr <- c.readFrames(conn, frames, stop)
	}()

	err = c.serve(ctx, conn, handle, frames, readErr)
	close(stop)
	if err == nil {
		// Say goodbye and give the server a moment to answer the close.
		_ = conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(closeGrace))
		timer := time.NewTimer(closeGrace)
		select {
		case <-readerDone:
		case <-timer.C:
		}
		timer.Stop()
	}
	_ = conn.Close()
	<-readerDone
	if err != nil {
		return c.scrub(fmt.Errorf("receiving %s session updates: %w", c.flavor.name(), err))
	}
	return nil
}

// readFrames reads messages until the connection fails, passing them on
// until stop is closed and discarding them after (while the close
// handshake completes). Each read must arrive within the idle timeout.
func (c *Client) readFrames(conn *websocket.Conn, frames chan<- []byte, stop <-chan struct{}) error {
	for {
		if err := conn.SetReadDeadline(time.Now().Add(c.opts.IdleTimeout)); err != nil {
			return err
		}
		_, data, err := conn.ReadMessage()
		if err != nil {
			return err
		}
		select {
		case frames <- data:
		case <-stop:
		}
	}
}

// serve runs the conversation until ctx ends (nil) or the socket fails.
func (c *Client) serve(ctx context.Context, conn *websocket.Conn, handle func(mediaserver.Update),
	frames <-chan []byte, readErr <-chan error,
) error {
	if err := c.send(conn, msgSessionsStart); err != nil {
		return err
	}
	// Connected: tell the caller at once, so it lists the sessions again
	// (anything may have changed while it was not listening). The server's
	// first complete list follows.
	handle(mediaserver.Update{})
	ticker := time.NewTicker(c.opts.KeepAlive)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-readErr:
			if ctx.Err() != nil {
				return nil
			}
			return c.readError(err)
		case <-ticker.C:
			if err := c.send(conn, msgKeepAlive); err != nil {
				return err
			}
		case data := <-frames:
			msg, err := ParseSocketMessage(data)
			if err != nil || ctx.Err() != nil {
				continue
			}
			switch msg.Type {
			case msgSessions:
				c.stamp(msg.Sessions)
				handle(mediaserver.Update{Sessions: msg.Sessions, Complete: true})
			case msgForceKeepAlive:
				if err := c.send(conn, msgSessionsStart); err != nil {
					return err
				}
				if err := c.send(conn, msgKeepAlive); err != nil {
					return err
				}
			}
		}
	}
}

// pingHandler answers a ping like gorilla's default handler and counts it
// as a sign of life, since only messages move the read deadline otherwise.
func (c *Client) pingHandler(conn *websocket.Conn) func(string) error {
	return func(data string) error {
		_ = conn.SetReadDeadline(time.Now().Add(c.opts.IdleTimeout))
		err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(c.opts.Timeout))
		if netErr, ok := errors.AsType[net.Error](err); errors.Is(err, websocket.ErrCloseSent) || (ok && netErr.Timeout()) {
			return nil
		}
		return err
	}
}

// send writes one text message within the request timeout.
func (c *Client) send(conn *websocket.Conn, text string) error {
	if err := conn.SetWriteDeadline(time.Now().Add(c.opts.Timeout)); err != nil {
		return c.dropped(err)
	}
	if err := conn.WriteMessage(websocket.TextMessage, []byte(text)); err != nil {
		return c.dropped(err)
	}
	return nil
}

// readError explains why reading stopped.
func (c *Client) readError(err error) error {
	if netErr, ok := errors.AsType[net.Error](err); ok && netErr.Timeout() {
		return &mediaserver.Error{
			Reason: mediaserver.ReasonTimeout,
			Message: fmt.Sprintf("%s sent nothing on the live connection for %s; the connection is assumed lost.",
				c.target, c.opts.IdleTimeout),
			Err: err,
		}
	}
	if errors.Is(err, websocket.ErrReadLimit) {
		return &mediaserver.Error{
			Reason:  mediaserver.ReasonServerError,
			Message: fmt.Sprintf("%s sent a live update larger than %d MiB.", c.target, maxMessageSize>>20),
			Err:     err,
		}
	}
	// gorilla reports a connection that ends without a close frame as
	// close code 1006; that is a drop, not a close by the server.
	if closeErr, ok := errors.AsType[*websocket.CloseError](err); ok && closeErr.Code != websocket.CloseAbnormalClosure {
		return &mediaserver.Error{
			Reason:  mediaserver.ReasonUnreachable,
			Message: fmt.Sprintf("%s closed the live connection (code %d).", c.target, closeErr.Code),
			Err:     err,
		}
	}
	return c.dropped(err)
}

func (c *Client) dropped(err error) error {
	return &mediaserver.Error{
		Reason:  mediaserver.ReasonUnreachable,
		Message: fmt.Sprintf("The live connection to %s dropped: %s.", c.target, err),
		Err:     err,
	}
}
