package plex

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

const (
	terminatePath = "/status/sessions/terminate"
	// DefaultTerminateMessage is shown to the viewer when no message is given.
	DefaultTerminateMessage = "The server owner has ended the stream."
	// terminateBodyLimit caps the short answers of terminate.
	terminateBodyLimit = 64 << 10
)

var (
	// ErrPlexPassRequired means the server refused to stop a stream because
	// it has no Plex Pass.
	ErrPlexPassRequired = errors.New("plex pass required to stop streams")
	// ErrSessionNotFound means the session ended before it could be stopped.
	ErrSessionNotFound = errors.New("session no longer exists")
)

// Terminate stops the session whose Session.id is controlID, showing
// message (DefaultTerminateMessage when empty) to the viewer. Without Plex
// Pass the error matches ErrPlexPassRequired; for a session already gone,
// ErrSessionNotFound.
func (c *Client) Terminate(ctx context.Context, controlID, message string) error {
	if err := c.terminate(ctx, controlID, message); err != nil {
		return fmt.Errorf("stopping plex session: %w", err)
	}
	return nil
}

func (c *Client) terminate(ctx context.Context, controlID, message string) error {
	controlID = strings.TrimSpace(controlID)
	if controlID == "" {
		return &mediaserver.Error{
			Reason:  mediaserver.ReasonServerError,
			Message: "The session cannot be stopped: Plex did not report its session id.",
		}
	}
	if message = strings.TrimSpace(message); message == "" {
		message = DefaultTerminateMessage
	}
	// In the order Plex documents: sessionId, then reason.
	query := "sessionId=" + url.QueryEscape(controlID) + "&reason=" + url.QueryEscape(message)
	resp, err := c.get(ctx, terminatePath, query, terminateBodyLimit)
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusNoContent:
		return nil
	case http.StatusNotFound:
		return &mediaserver.Error{
			Reason:  mediaserver.ReasonServerError,
			Message: "The session no longer exists on the server; it may have just ended.",
			Err:     ErrSessionNotFound,
		}
	case http.StatusUnauthorized:
		return c.terminateRefused(ctx, resp.Body)
	}
	return checkStatus(resp, terminatePath)
}

// terminateRefused tells a server without Plex Pass from a bad token. Plex
// answers 401 in both cases; its text names the missing feature, and a
// token that still reads the server root is not the problem.
func (c *Client) terminateRefused(ctx context.Context, body []byte) error {
	plexPass := &mediaserver.Error{
		Reason:  mediaserver.ReasonServerError,
		Message: "Stopping streams needs Plex Pass on this server.",
		Err:     ErrPlexPassRequired,
	}
	if bytes.Contains(bytes.ToLower(body), []byte("feature")) {
		return plexPass
	}
	resp, err := c.get(ctx, "/", "", mediaserver.MaxBodySize)
	if err != nil {
		return fmt.Errorf("checking the token after HTTP 401: %w", err)
	}
	switch {
	case resp.StatusCode == http.StatusOK:
		return plexPass
	case resp.StatusCode == http.StatusUnauthorized:
		return tokenRejected(terminatePath)
	}
	return checkStatus(resp, "/")
}
